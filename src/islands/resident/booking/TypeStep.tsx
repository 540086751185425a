// Step 2: how the resident wants to meet, as cards with what each kind means and how
// long it takes. Only the kinds the neighbourhood's team offers are shown.
import type { AppointmentType } from '../../../lib/config/appointments';
import { format } from '../../../lib/i18n/format';
import { FieldError, describedBy } from '../../shared/fields/FieldError';
import { fieldClass } from '../../shared/fields/fieldClass';
import type { BookingFlowStrings } from '../bookingStrings';
import { TYPE_LABEL } from './AppointmentInfo';
import { StepActions, StepHeading, type StepProps } from './StepParts';

const TYPE_HINT: Record<AppointmentType, keyof BookingFlowStrings> = {
  achterom: 'booking.type.achterom.hint',
  video: 'booking.type.video.hint',
  telefoon: 'booking.type.telefoon.hint',
};

interface Props extends StepProps {
  offered: readonly AppointmentType[];
  value: AppointmentType | '';
  onChange: (type: AppointmentType) => void;
  durations: Record<AppointmentType, number> | undefined;
  /** Where the back entrance is, for the hint of a visit. */
  locationName: string;
}

export function TypeStep({ s, disabled, busy, errors, onBack, offered, value, onChange, durations, locationName }: Props) {
  const error = errors.type;
  return (
    <>
      <fieldset class={fieldClass(error)} aria-describedby={describedBy('type-hint', error && 'type-error')}>
        <legend class="achterom-step__legend">
          <StepHeading view="type" s={s} />
        </legend>
        <p class="achterom-form-field__hint utrecht-form-field-description" id="type-hint">
          {s['booking.type.hint']}
        </p>
        <FieldError id="type-error" prefix={s['form.errorPrefix']} text={error} />
        <div class="achterom-radio-cards">
          {offered.map((type) => (
            <div class="achterom-radio-cards__item" key={type}>
              <input
                class="achterom-radio-cards__input utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={`type-${type}`}
                name="type"
                value={type}
                checked={value === type}
                disabled={disabled}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={`type-${type}-hint`}
                onChange={() => onChange(type)}
              />
              <label class="achterom-radio-cards__label" for={`type-${type}`}>
                {s[TYPE_LABEL[type]]}
              </label>
              <p class="achterom-radio-cards__hint" id={`type-${type}-hint`}>
                {type === 'achterom' ? format(s[TYPE_HINT[type]], { location: locationName }) : s[TYPE_HINT[type]]}{' '}
                <span class="achterom-radio-cards__duration">{format(s['booking.duration'], { minutes: durations?.[type] ?? '' })}</span>
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <StepActions s={s} primary={s['booking.next']} disabled={disabled} busy={busy} onBack={onBack} />
    </>
  );
}
