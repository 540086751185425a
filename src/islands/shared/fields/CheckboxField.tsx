// One yes/no question as a checkbox (NL Design System checkbox), with what it opens
// (e.g. "which language?") right below it while it is ticked.
import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  /** Shown below while ticked, announced through aria-controls. */
  children?: ComponentChildren;
}

export function CheckboxField({ id, label, checked, disabled, onChange, children }: Props) {
  const detailsId = `${id}-details`;
  return (
    <div class="achterom-form-field utrecht-form-field">
      <CheckboxItem id={id} label={label} checked={checked} disabled={disabled} controls={checked && children ? detailsId : undefined} onChange={onChange} />
      {checked && children && (
        <div class="achterom-radios__conditional" id={detailsId}>
          {children}
        </div>
      )}
    </div>
  );
}

interface ItemProps {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  disabled?: boolean | undefined;
  controls?: string | undefined;
  describedBy?: string | undefined;
  onChange: (checked: boolean) => void;
  /** One of a row of small boxes side by side (the console's weekdays). */
  inline?: boolean | undefined;
  /** Marks the box itself aria-invalid (its group has an error). */
  invalid?: boolean | undefined;
}

/** One box and its label; a checkbox group is a list of these. */
export function CheckboxItem({ id, label, checked, disabled, controls, describedBy, onChange, inline, invalid }: ItemProps) {
  const block = inline ? 'achterom-checks' : 'achterom-checkboxes';
  return (
    <div class={`${block}__item`}>
      <input
        class={`${block}__input utrecht-checkbox utrecht-checkbox--html-input`}
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        aria-controls={controls}
        aria-describedby={describedBy}
        aria-invalid={invalid ? 'true' : undefined}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label class={`${block}__label utrecht-form-label utrecht-form-label--checkbox`} for={id}>
        {label}
      </label>
    </div>
  );
}
