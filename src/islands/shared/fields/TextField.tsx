// One line of text (NL Design System text field): label (with an optional "(niet
// verplicht)"), hint, error and input, wired for screen readers. Nothing is saved by
// the browser: no autocomplete, no spell check sent anywhere.
import type { Ref } from 'preact';
import { describedBy } from './FieldError';
import { FieldDescription, FieldLabel } from './FieldDescription';
import { fieldClass } from './fieldClass';
import type { FieldProps } from './fieldProps';

interface Props extends FieldProps {
  onInput: (value: string) => void;
  type?: 'text' | 'tel' | 'email' | 'password';
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  /** "ltr" for numbers and addresses, "auto" for names and words in any script. */
  dir?: 'ltr' | 'auto';
  /** Extra class on the input (a narrower field; the console's wider passphrase and shorter time, date and number fields). */
  size?: 'short' | 'phone' | 'code' | 'wide' | 'time' | 'date' | 'number';
  required?: boolean;
  /** Another element that describes the field, e.g. the answer to the last attempt. */
  describedByExtra?: string | false | null | undefined;
  /** Form name of the input (default: none). */
  name?: string;
  /** For a sign-in or a new passphrase: "username", "current-password"… (default "off", nothing remembered). */
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, hint, value, error, errorPrefix, disabled, onInput, type = 'text', inputMode, dir = 'auto', size, required, describedByExtra, name, autoComplete = 'off', inputRef }: Props) {
  return (
    <div class={fieldClass(error)}>
      <FieldLabel id={id}>{label}</FieldLabel>
      <FieldDescription id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      <input
        class={`achterom-text-input${size ? ` achterom-text-input--${size}` : ''} utrecht-textbox utrecht-textbox--html-input`}
        type={type}
        id={id}
        name={name}
        ref={inputRef ?? null}
        dir={dir}
        inputMode={inputMode}
        value={value}
        disabled={disabled}
        spellcheck={false}
        autocomplete={autoComplete}
        autoCapitalize="off"
        aria-required={required ? 'true' : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error && `${id}-error`, describedByExtra)}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
