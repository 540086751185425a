// How the team may reach the resident: only through the portal, by phone or by e-mail,
// with the number or address asked right below the chosen option, and below that how to
// call or mail them safely (ContactChoiceSafety). Sealed with the rest.
import { RadioGroupField } from './fields/RadioGroupField';
import { TextField } from './fields/TextField';
import {
  NO_SAFE_CALL,
  NO_SAFE_MAIL,
  SafeCallFields,
  SafeMailFields,
  safeCallPayload,
  safeMailPayload,
  type SafeCallValue,
  type SafeContactField,
  type SafeContactStrings,
  type SafeMailValue,
} from './ContactChoiceSafety';

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

/** What the resident chose, and what they typed and ticked (kept when they switch back and forth). */
export interface ContactValue {
  method: ContactMethod;
  phone: string;
  email: string;
  call: SafeCallValue;
  mail: SafeMailValue;
}

export const NO_CONTACT: ContactValue = { method: 'portal', phone: '', email: '', call: NO_SAFE_CALL, mail: NO_SAFE_MAIL };

interface Props {
  strings: ContactChoiceStrings;
  safety: SafeContactStrings;
  value: ContactValue;
  errors: Partial<Record<'phone' | 'email' | SafeContactField, string | undefined>>;
  errorPrefix: string;
  disabled: boolean;
  onChange: (value: ContactValue) => void;
}

export function ContactChoice({ strings, safety, value, errors, errorPrefix, disabled, onChange }: Props) {
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
        phone: (
          <>
            <TextField id="phone" type="tel" inputMode="tel" label={strings.phoneLabel} value={value.phone} error={errors.phone} onInput={(phone) => onChange({ ...value, phone })} {...common} />
            <SafeCallFields s={safety} value={value.call} errors={errors} errorPrefix={errorPrefix} disabled={disabled} onChange={(call) => onChange({ ...value, call })} />
          </>
        ),
        email: (
          <>
            <TextField id="email" type="email" inputMode="email" label={strings.emailLabel} value={value.email} error={errors.email} onInput={(email) => onChange({ ...value, email })} {...common} />
            <SafeMailFields s={safety} value={value.mail} errorPrefix={errorPrefix} disabled={disabled} onChange={(mail) => onChange({ ...value, mail })} />
          </>
        ),
      }}
    />
  );
}

/** The contact part of a payload: only what the chosen method needs, with how to reach the resident safely. */
export function contactPayload({ method, phone, email, call, mail }: ContactValue) {
  if (method === 'phone') return { method, phone, safety: safeCallPayload(call) };
  if (method === 'email') return { method, email, safety: safeMailPayload(mail) };
  return { method };
}
