// Someone else booked the time first (409): the nearest free times of the same team and
// kind to choose from, or a way to another week.
import { FieldError } from '../../shared/fields/FieldError';
import { fieldClass } from '../../shared/fields/fieldClass';
import type { Slot } from './api';
import type { BookingDates } from './dates';
import { SlotList } from './SlotPicker';
import { SendActions, StepHeading, type Phase, type StepProps } from './StepParts';
import type { SendFailure } from './useBookingSteps';

interface Props extends Omit<StepProps, 'busy'> {
  dates: BookingDates;
  alternatives: readonly Slot[];
  selected: Slot | null;
  onSelect: (slot: Slot) => void;
  onOtherWeek: () => void;
  phase: Phase;
  failure: SendFailure | false;
}

export function TakenStep({ s, dates, disabled, errors, onBack, alternatives, selected, onSelect, onOtherWeek, phase, failure }: Props) {
  const error = errors.taken;
  return (
    <>
      <StepHeading view="taken" s={s} />
      <p>{s['booking.taken.text']}</p>
      {alternatives.length > 0 ? (
        <fieldset class={fieldClass(error)}>
          <legend class="achterom-form-field__legend utrecht-form-label">{s['booking.taken.legend']}</legend>
          <FieldError id="taken-error" prefix={s['form.errorPrefix']} text={error} />
          <SlotList
            slots={alternatives}
            selectedId={selected?.id ?? null}
            onSelect={onSelect}
            dates={dates}
            name="alternative"
            idPrefix="alternative"
            disabled={disabled}
            errorId={error ? 'taken-error' : undefined}
          />
        </fieldset>
      ) : (
        <p data-testid="taken-none">{s['booking.taken.none']}</p>
      )}
      <p>
        <button type="button" class="achterom-link-button" id="taken-other-week" disabled={disabled || phase !== 'idle'} onClick={onOtherWeek}>
          {s['booking.taken.otherWeek']}
        </button>
      </p>
      <SendActions s={s} phase={phase} failure={failure} disabled={disabled} onBack={onBack} canSubmit={alternatives.length > 0} />
    </>
  );
}
