// Step 3: a day and time, week by week, from the team's free times for this kind of
// appointment. The week shown is kept by the flow, so going back and on loses nothing.
import { FieldError } from '../../shared/fields/FieldError';
import { fieldClass } from '../../shared/fields/fieldClass';
import { WeekSlotPicker, type WeekSlotPickerProps } from './SlotPicker';
import { StepActions, StepHeading, type StepProps } from './StepParts';

type Props = StepProps & Pick<WeekSlotPickerProps, 'dates' | 'teamId' | 'type' | 'week' | 'onWeekChange' | 'selected' | 'onSelect'>;

export function SlotStep({ s, disabled, busy, errors, onBack, ...picker }: Props) {
  const error = errors.slot;
  return (
    <>
      <StepHeading view="slot" s={s} />
      <p class="achterom-form-field__hint utrecht-form-field-description" id="slot-hint">
        {s['booking.slot.hint']}
      </p>
      <div class={fieldClass(error)}>
        <FieldError id="slot-error" prefix={s['form.errorPrefix']} text={error} />
        <WeekSlotPicker s={s} disabled={disabled} idPrefix="slot" errorId={error ? 'slot-error' : undefined} {...picker} />
      </div>
      <StepActions s={s} primary={s['booking.next']} disabled={disabled} busy={busy} onBack={onBack} />
    </>
  );
}
