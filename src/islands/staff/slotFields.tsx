// Form fields of the availability editor: the shared NL Design System fields, set up
// the way the slot forms use them (short left-to-right inputs, the kinds side by side).
import type { ComponentChildren } from 'preact';
import type { AppointmentType, Location } from '../../lib/config/appointments';
import { CheckboxGroupField } from '../shared/fields/CheckboxGroupField';
import { RadioGroupField } from '../shared/fields/RadioGroupField';
import { SelectField } from '../shared/fields/SelectField';
import { TextField } from '../shared/fields/TextField';
import type { Say } from './strings';

interface ShortFieldProps {
  say: Say;
  id: string;
  label: string;
  hint?: string;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
  numeric?: boolean;
  width: 'time' | 'date' | 'number';
}

/** A time, a date or a number: a narrow text field (people type "9.30" or "1-6"). */
export function ShortField({ say, id, label, hint, value, error, onInput, numeric, width }: ShortFieldProps) {
  const keypad = numeric ? { inputMode: 'numeric' as const } : {};
  return (
    <TextField id={id} name={id} label={label} hint={hint} value={value} error={error} errorPrefix={say('form.errorPrefix')} disabled={false} onInput={onInput} dir="ltr" size={width} {...keypad} />
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
  return (
    <RadioGroupField
      name={`${idPrefix}-type`}
      legend={say('staff.slotForm.type')}
      options={types.map((type) => ({ value: type, label: say(`staff.slot.type.${type}`) }))}
      value={value}
      error={error}
      errorPrefix={say('form.errorPrefix')}
      disabled={false}
      inline
      onChange={onChange}
    />
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
    <SelectField
      id={id}
      label={say('staff.slotForm.location')}
      hint={say('staff.slotForm.locationHint')}
      value={value}
      error={error}
      errorPrefix={say('form.errorPrefix')}
      onChange={onChange}
    >
      <option value="">{say('staff.slotForm.locationChoose')}</option>
      {locations.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </SelectField>
  );
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

interface WeekdayChecksProps {
  say: Say;
  /** Ids are `${name}-hint`, `${name}-error` and `${dayIdPrefix}-${day}` (1 is Monday). */
  name: string;
  dayIdPrefix: string;
  days: readonly number[];
  error: string | undefined;
  onChange: (days: number[]) => void;
}

/** Monday to Sunday as a row of boxes. */
export function WeekdayChecks({ say, name, dayIdPrefix, days, error, onChange }: WeekdayChecksProps) {
  return (
    <CheckboxGroupField
      name={name}
      itemIdPrefix={dayIdPrefix}
      legend={say('staff.pattern.days')}
      hint={say('staff.pattern.daysHint')}
      options={WEEKDAYS.map((day) => ({ value: day, label: say(`staff.weekday.${day}`) }))}
      values={days.map(String)}
      error={error}
      errorPrefix={say('form.errorPrefix')}
      inline
      markBoxesInvalid
      onChange={(picked) => onChange(picked.map(Number))}
    />
  );
}

/** Two or three short fields side by side on wide screens. */
export function FieldRow({ children }: { children: ComponentChildren }) {
  return <div class="achterom-field-row">{children}</div>;
}
