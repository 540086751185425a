// What every booking step has: the heading with "Stap 2 van 5" (focused when the step
// opens), the buttons Verder and Terug, and on the steps that book, what sending says.
import { WOT_PHONE } from '../../../components/helplines';
import { format } from '../../../lib/i18n/format';
import { Alert } from '../../shared/Alert';
import { StatusLine } from '../../shared/StatusLine';
import type { BookingFlowStrings } from '../bookingStrings';
import type { BookingErrors } from './bookingAnswers';
import { STEPS, type SendFailure, type Step, type View } from './useBookingSteps';

/** What every step gets from the flow. */
export interface StepProps {
  s: BookingFlowStrings;
  /** Before the island runs, every control is disabled. */
  disabled: boolean;
  /** While sealing and sending, the buttons say so (aria-disabled) and do nothing. */
  busy: boolean;
  errors: BookingErrors;
  onBack: () => void;
}

export type Phase = 'idle' | 'encrypting' | 'sending';

/** "Stap 2 van 5", or '' for the views outside the numbered steps. */
export function stepCaption(view: View, s: BookingFlowStrings): string {
  const index = STEPS.indexOf(view as Step);
  return index >= 0 ? format(s['booking.step'], { step: index + 1, total: STEPS.length }) : '';
}

const HEADING_KEYS: Record<View, keyof BookingFlowStrings> = {
  neighbourhood: 'form.neighbourhood.label',
  type: 'booking.type.title',
  slot: 'booking.slot.title',
  details: 'booking.details.title',
  check: 'booking.check.title',
  taken: 'booking.taken.title',
  done: 'booking.done.heading',
};

export const viewHeading = (view: View, s: BookingFlowStrings): string => s[HEADING_KEYS[view]];

export function StepHeading({ view, s }: { view: View; s: BookingFlowStrings }) {
  const caption = stepCaption(view, s);
  return (
    <h2 class="achterom-step__heading" id="step-heading" tabIndex={-1}>
      {caption && <span class="achterom-step__caption">{caption}</span>}
      {view === 'neighbourhood' ? (
        // The first step's question is the label of its select.
        <label class="achterom-step__label" for="neighbourhood">
          {viewHeading(view, s)}
        </label>
      ) : (
        viewHeading(view, s)
      )}
    </h2>
  );
}

interface ActionsProps extends Omit<StepProps, 'errors' | 'onBack'> {
  primary: string;
  /** Leave out on the first step. */
  onBack?: (() => void) | undefined;
}

export function StepActions({ s, primary, disabled, busy, onBack }: ActionsProps) {
  const ariaDisabled = busy ? 'true' : undefined;
  return (
    <div class="achterom-step__actions">
      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={ariaDisabled}>
        {primary}
      </button>
      {onBack && (
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" disabled={disabled} aria-disabled={ariaDisabled} onClick={() => !busy && onBack()}>
          {s['booking.back']}
        </button>
      )}
    </div>
  );
}

interface SendProps extends Omit<StepProps, 'errors' | 'busy'> {
  phase: Phase;
  failure: SendFailure | false;
  /** False on the "taken" step while there is nothing to book. */
  canSubmit?: boolean;
}

/** Out of time and a busy team: the words offer the team's phone number. */
function failureText(failure: SendFailure, s: BookingFlowStrings): string {
  if (failure === 'timeout' || failure === 'teamBusy') return format(s[failure === 'timeout' ? 'wait.timeout' : 'busy.team'], { phone: WOT_PHONE.numbers[0] ?? '' });
  return s[failure === 'busy' ? 'booking.error.busy' : 'booking.error.send'];
}

/** "Boek geheim" with what went wrong the last time above it and the progress below it. */
export function SendActions({ s, phase, failure, disabled, onBack, canSubmit = true }: SendProps) {
  const busy = phase !== 'idle';
  return (
    <>
      {failure && !busy && (
        <Alert id="send-error" testId="booking-send-error">
          <p class="achterom-alert__text">{failureText(failure, s)}</p>
        </Alert>
      )}
      {canSubmit && <StepActions s={s} primary={s['booking.submit']} disabled={disabled} busy={busy} onBack={onBack} />}
      <StatusLine busy={busy} text={phase === 'encrypting' ? s['form.status.encrypting'] : s['booking.status.booking']} />
    </>
  );
}
