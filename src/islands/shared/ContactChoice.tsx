// How the team may reach the resident: only through the portal, by phone or by e-mail,
// with the number or address asked right below the chosen option. Sealed with the rest.
import { RadioGroupField } from './fields/RadioGroupField';
import { TextField } from './fields/TextField';

export type ContactMethod = 'portal' | 'phone' | 'email';

export interface ContactChoiceStrings {
  legend: string;
  portal: string;
  phone: string;
  email: string;
  phoneLabel: string;
  emailLabel: string;
  /** "Dit wordt versleuteld": the hint under the number and the address. */
  encrypted: string;
}

interface Props {
  strings: ContactChoiceStrings;
  method: ContactMethod;
  phone: string;
  email: string;
  errors: { phone?: string | undefined; email?: string | undefined };
  errorPrefix: string;
  disabled: boolean;
  onMethod: (method: ContactMethod) => void;
  onPhone: (phone: string) => void;
  onEmail: (email: string) => void;
}

export function ContactChoice({ strings, method, phone, email, errors, errorPrefix, disabled, onMethod, onPhone, onEmail }: Props) {
  const common = { hint: strings.encrypted, errorPrefix, disabled, dir: 'ltr' as const };
  return (
    <RadioGroupField<ContactMethod>
      name="contact"
      legend={strings.legend}
      options={[
        { value: 'portal', label: strings.portal },
        { value: 'phone', label: strings.phone },
        { value: 'email', label: strings.email },
      ]}
      value={method}
      error={undefined}
      errorPrefix={errorPrefix}
      disabled={disabled}
      onChange={onMethod}
      details={{
        phone: <TextField id="phone" type="tel" inputMode="tel" label={strings.phoneLabel} value={phone} error={errors.phone} onInput={onPhone} {...common} />,
        email: <TextField id="email" type="email" inputMode="email" label={strings.emailLabel} value={email} error={errors.email} onInput={onEmail} {...common} />,
      }}
    />
  );
}
