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

/** What the resident chose, and the number and address typed (kept when they switch back and forth). */
export interface ContactValue {
  method: ContactMethod;
  phone: string;
  email: string;
}

interface Props {
  strings: ContactChoiceStrings;
  value: ContactValue;
  errors: { phone?: string | undefined; email?: string | undefined };
  errorPrefix: string;
  disabled: boolean;
  onChange: (value: ContactValue) => void;
}

export function ContactChoice({ strings, value, errors, errorPrefix, disabled, onChange }: Props) {
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
      value={value.method}
      error={undefined}
      errorPrefix={errorPrefix}
      disabled={disabled}
      onChange={(method) => onChange({ ...value, method })}
      details={{
        phone: <TextField id="phone" type="tel" inputMode="tel" label={strings.phoneLabel} value={value.phone} error={errors.phone} onInput={(phone) => onChange({ ...value, phone })} {...common} />,
        email: <TextField id="email" type="email" inputMode="email" label={strings.emailLabel} value={value.email} error={errors.email} onInput={(email) => onChange({ ...value, email })} {...common} />,
      }}
    />
  );
}

/** The contact part of a payload: only what the chosen method needs. */
export function contactPayload({ method, phone, email }: ContactValue) {
  return method === 'phone' ? { method, phone } : method === 'email' ? { method, email } : { method };
}
