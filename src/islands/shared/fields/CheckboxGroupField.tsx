// Several yes/no choices under one question (NL Design System checkbox group): a
// fieldset with legend, hint and error, then one box per option.
import { CheckboxItem } from './CheckboxField';
import { describedBy } from './FieldError';
import { FieldDescription } from './FieldDescription';
import { fieldClass } from './fieldClass';
import type { ChoiceGroupProps, ChoiceOption } from './fieldProps';

export type CheckboxOption<T extends string> = ChoiceOption<T>;

/** Box ids are `${itemIdPrefix}-${value}`. */
interface Props<T extends string> extends ChoiceGroupProps<T> {
  values: readonly T[];
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
      <FieldDescription id={name} hint={hint} error={error} errorPrefix={errorPrefix} />
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
