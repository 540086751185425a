// Several yes/no choices under one question (NL Design System checkbox group): a
// fieldset with legend, hint and error, then one box per option.
import { CheckboxItem } from './CheckboxField';
import { FieldError, describedBy } from './FieldError';
import { fieldClass } from './fieldClass';

export interface CheckboxOption<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  /** Ids are `${name}-hint`, `${name}-error` and `${itemIdPrefix}-${value}`. */
  name: string;
  legend: string;
  hint?: string | undefined;
  options: readonly CheckboxOption<T>[];
  values: readonly T[];
  error: string | undefined;
  errorPrefix: string;
  disabled?: boolean;
  onChange: (values: T[]) => void;
  /** Ids of the boxes are `${itemIdPrefix}-${value}` (default: the name). */
  itemIdPrefix?: string;
  /** Short options side by side (the console's weekdays). */
  inline?: boolean;
  /** Marks every box aria-invalid while the group has an error. */
  markBoxesInvalid?: boolean;
}

export function CheckboxGroupField<T extends string>(props: Props<T>) {
  const { name, legend, hint, options, values, error, errorPrefix, disabled, onChange, itemIdPrefix = name, inline, markBoxesInvalid } = props;
  const toggle = (value: T, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : values.includes(v))));
  return (
    <fieldset class={fieldClass(error)} aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}>
      <legend class="achterom-form-field__legend utrecht-form-label">{legend}</legend>
      {hint && (
        <p class="achterom-form-field__hint utrecht-form-field-description" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} prefix={errorPrefix} text={error} />
      <div class={inline ? 'achterom-checks' : 'achterom-checkboxes'}>
        {options.map((option) => (
          <CheckboxItem
            key={option.value}
            id={`${itemIdPrefix}-${option.value}`}
            label={option.label}
            checked={values.includes(option.value)}
            disabled={disabled}
            inline={inline}
            invalid={markBoxesInvalid && Boolean(error)}
            onChange={(on) => toggle(option.value, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}
