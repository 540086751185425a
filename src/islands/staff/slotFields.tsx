// Form fields of the availability editor (NL Design System / GOV.UK patterns): a label,
// a hint, an inline error, aria-invalid and aria-describedby on the control.
import type { ComponentChildren } from 'preact';
import type { AppointmentType, Location } from '../../lib/config/appointments';
import { FieldError, describedBy } from './ui';
import type { Say } from './strings';

export type FieldErrors = Record<string, string>;

interface TextFieldProps {
  say: Say;
  id: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
  numeric?: boolean;
  width?: 'time' | 'date' | 'number';
  testId?: string;
}

export function TextField({ say, id, label, hint, value, error, onInput, numeric, width, testId }: TextFieldProps) {
  return (
    <div class={`achterom-form-field utrecht-form-field${error ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
      <label class="achterom-form-field__label utrecht-form-label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="achterom-form-field__hint utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} say={say} />
      <input
        class={`achterom-text-input utrecht-textbox utrecht-textbox--html-input${width ? ` achterom-text-input--${width}` : ''}`}
        type="text"
        id={id}
        name={id}
        inputMode={numeric ? 'numeric' : undefined}
        autoComplete="off"
        spellcheck={false}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        onInput={(e) => onInput(e.currentTarget.value)}
        data-testid={testId}
      />
    </div>
  );
}

interface TypeRadiosProps {
  say: Say;
  /** Ids are `${idPrefix}-type-${type}`; the error summary links to the first. */
  idPrefix: string;
  types: readonly AppointmentType[];
  value: AppointmentType | '';
  error: string | undefined;
  onChange: (type: AppointmentType) => void;
}

export function TypeRadios({ say, idPrefix, types, value, error, onChange }: TypeRadiosProps) {
  const errorId = `${idPrefix}-type-error`;
  return (
    <fieldset class={`achterom-form-field utrecht-form-field${error ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`} aria-describedby={describedBy(error && errorId)}>
      <legend class="achterom-form-field__legend utrecht-form-label">{say('staff.slotForm.type')}</legend>
      <FieldError id={errorId} message={error} say={say} />
      <div class="achterom-radios achterom-radios--inline">
        {types.map((type) => (
          <div class="achterom-radios__item" key={type}>
            <input
              class="achterom-radios__input utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id={`${idPrefix}-type-${type}`}
              name={`${idPrefix}-type`}
              value={type}
              checked={value === type}
              aria-invalid={error ? 'true' : undefined}
              onChange={() => onChange(type)}
            />
            <label class="achterom-radios__label utrecht-form-label utrecht-form-label--radio" for={`${idPrefix}-type-${type}`}>
              {say(`staff.slot.type.${type}`)}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

interface LocationSelectProps {
  say: Say;
  id: string;
  locations: readonly Location[];
  value: string;
  error: string | undefined;
  onChange: (id: string) => void;
}

export function LocationSelect({ say, id, locations, value, error, onChange }: LocationSelectProps) {
  return (
    <div class={`achterom-form-field utrecht-form-field${error ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
      <label class="achterom-form-field__label utrecht-form-label" for={id}>
        {say('staff.slotForm.location')}
      </label>
      <p class="achterom-form-field__hint utrecht-form-field-description" id={`${id}-hint`}>
        {say('staff.slotForm.locationHint')}
      </p>
      <FieldError id={`${id}-error`} message={error} say={say} />
      <select
        class="achterom-select utrecht-select utrecht-select--html-select"
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{say('staff.slotForm.locationChoose')}</option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Two or three short fields side by side on wide screens. */
export function FieldRow({ children }: { children: ComponentChildren }) {
  return <div class="achterom-field-row">{children}</div>;
}

/** Reads the field part of an API message such as "time: this local time does not exist". */
export function apiField(message: string | undefined): string | null {
  const match = message ? /^([A-Za-z]+):/.exec(message) : null;
  return match ? match[1]! : null;
}
