// Someone else booked the time first (409): the nearest free times of the same team and
// kind to choose from, or a way to another week.
import { FieldError } from '../../shared/fields/FieldError';
import type { Slot } from './api';
import type { BookingDates } from './dates';
import { SlotAlternatives } from '../SlotAlternatives';
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
      <SlotAlternatives
        legend={s['booking.taken.legend']}
        noneText={s['booking.taken.none']}
        noneTestId="taken-none"
        slots={alternatives}
        selected={selected}
        onSelect={onSelect}
        dates={dates}
        idPrefix="alternative"
        disabled={disabled}
        invalid={Boolean(error)}
        errorId={error ? 'taken-error' : undefined}
      >
        <FieldError id="taken-error" prefix={s['form.errorPrefix']} text={error} />
      </SlotAlternatives>
      <p>
        <button type="button" class="achterom-link-button" id="taken-other-week" disabled={disabled || phase !== 'idle'} onClick={onOtherWeek}>
          {s['booking.taken.otherWeek']}
        </button>
      </p>
      <SendActions s={s} phase={phase} failure={failure} disabled={disabled} onBack={onBack} canSubmit={alternatives.length > 0} />
    </>
  );
}
