// A choice from a list (NL Design System select): label (or a heading elsewhere that
// labels it), hint, error and the select. Options come as children (with optgroups) or
// as a flat list.
import type { ComponentChildren, Ref } from 'preact';
import { describedBy } from './FieldError';
import { FieldDescription, FieldLabel } from './FieldDescription';
import { fieldClass } from './fieldClass';

interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  /** Leave out when a heading on the page is the select's <label for>. */
  label?: ComponentChildren;
  hint?: ComponentChildren;
  value: string;
  error?: string | undefined;
  errorPrefix?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  options?: readonly Option[];
  children?: ComponentChildren;
  /** Form name (default: the id). */
  name?: string;
  selectRef?: Ref<HTMLSelectElement>;
  /** Id of what the choice depends on (e.g. the resident's consent), read before the hint. */
  describedByBefore?: string;
}

export function SelectField({ id, label, hint, value, error, errorPrefix = '', disabled, onChange, options, children, name = id, selectRef, describedByBefore }: Props) {
  return (
    <div class={fieldClass(error)}>
      {label && <FieldLabel id={id}>{label}</FieldLabel>}
      <FieldDescription id={id} hint={hint} error={error} errorPrefix={errorPrefix} />
      <select
        class="achterom-select utrecht-select utrecht-select--html-select"
        id={id}
        name={name}
        value={value}
        ref={selectRef ?? null}
        disabled={disabled}
        aria-describedby={describedBy(describedByBefore, hint ? `${id}-hint` : undefined, error && `${id}-error`)}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  );
}
