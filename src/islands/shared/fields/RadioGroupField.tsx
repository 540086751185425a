// One choice out of a few (NL Design System radio group): a fieldset with its question
// as legend, a hint, the error, and one radio per option. Used by the question and the
// booking flows alike, so the consent choice is written once.
import type { ComponentChildren } from 'preact';
import { describedBy } from './FieldError';
import { FieldDescription } from './FieldDescription';
import { fieldClass } from './fieldClass';
import type { ChoiceGroupProps, ChoiceOption } from './fieldProps';

export type RadioOption<T extends string> = ChoiceOption<T>;

/** Radio ids are `${name}-${value}`. */
interface Props<T extends string> extends ChoiceGroupProps<T> {
  value: T | '';
  onChange: (value: T) => void;
  /** What an option opens below itself while chosen (e.g. the phone number field). */
  details?: Partial<Record<T, ComponentChildren>>;
  /** Id of the error text; `${name}-error` unless the page already uses another. */
  errorId?: string;
  /** Short options side by side (the console's kinds of appointment). */
  inline?: boolean;
}

export function RadioGroupField<T extends string>({ name, legend, hint, options, value, error, errorPrefix, disabled, onChange, details, errorId = `${name}-error`, inline }: Props<T>) {
  return (
    <fieldset
      class={fieldClass(error)}
      aria-describedby={describedBy(hint && `${name}-hint`, error && errorId)}
    >
      <legend class="achterom-form-field__legend utrecht-form-label">{legend}</legend>
      <FieldDescription id={name} hint={hint} error={error} errorPrefix={errorPrefix} errorId={errorId} />
      <div class={inline ? 'achterom-radios achterom-radios--inline' : 'achterom-radios'}>
        {options.map((option) => {
          const opened = value === option.value && details?.[option.value];
          const detailsId = `${name}-${option.value}-details`;
          return [
            <div class="achterom-radios__item" key={option.value}>
              <input
                class="achterom-radios__input utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={`${name}-${option.value}`}
                name={name}
                value={option.value}
                checked={value === option.value}
                disabled={disabled}
                aria-invalid={error ? 'true' : undefined}
                aria-controls={opened ? detailsId : undefined}
                onChange={() => onChange(option.value)}
              />
              <label class="achterom-radios__label utrecht-form-label utrecht-form-label--radio" for={`${name}-${option.value}`}>
                {option.label}
              </label>
            </div>,
            opened && (
              <div class="achterom-radios__conditional" id={detailsId} key={detailsId}>
                {opened}
              </div>
            ),
          ];
        })}
      </div>
    </fieldset>
  );
}
