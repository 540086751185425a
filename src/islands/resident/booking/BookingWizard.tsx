// The resident's appointment booking, one step at a time: neighbourhood, type, day and
// time, details, check. Everything typed stays in this component's memory (going back
// loses nothing); the details are validated with the shared schema, sealed in the browser
// as a case of kind "appointment", and only ciphertext plus the slot id are sent
// (bookAppointment, which loads libsodium through loadSodium() on "Boek geheim").
// This component holds the answers and picks the step; the steps live beside it. It is
// loaded by ../BookingFlow once the resident starts, so the first page load stays light.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { teamForNeighbourhood } from '../../../lib/config/teams';
import { appointmentsFor, locationsFor, type AppointmentType } from '../../../lib/config/appointments';
import type { Lang } from '../../../lib/i18n';
import type { BookingFlowStrings } from '../bookingStrings';
import type { Slot } from './api';
import { bookAppointment, type Attempt } from './bookAppointment';
import { FIELD_ORDER, NO_ANSWERS, detailErrors, firstIncomplete, offeredTypes, stepErrors, withNeighbourhood, withType, type BookingAnswers, type BookingField } from './bookingAnswers';
import { makeBookingDates, mondayOf, mondayOfDate, localDateOf } from './dates';
import { firstSlotControl, slotRadioId } from './SlotPicker';
import { useBookingSteps } from './useBookingSteps';
import { StepHeading, stepCaption, viewHeading, type Phase } from './StepParts';
import { NeighbourhoodStep } from './NeighbourhoodStep';
import { TypeStep } from './TypeStep';
import { SlotStep } from './SlotStep';
import { DetailsStep } from './DetailsStep';
import { CheckStep } from './CheckStep';
import { TakenStep } from './TakenStep';
import { BookingDone, type Booked } from './BookingDone';
import { ErrorSummary, type SummaryError } from '../../shared/fields/ErrorSummary';
import { CONSENT_TARGET } from '../../shared/ConsentChoice';
import { nextPaint } from '../../focus';

interface Props {
  lang: Lang;
  strings: BookingFlowStrings;
  /** The manage page (/afspraak/beheren/) in the page's language. */
  manageHref: string;
  /** What the resident chose on the first step before this component was loaded. */
  neighbourhood: string;
}

export function BookingWizard({ lang, strings: s, manageHref, neighbourhood: chosenNeighbourhood }: Props) {
  const dates = useRef(makeBookingDates(lang)).current;

  const [answers, setAnswers] = useState<BookingAnswers>(() => withNeighbourhood(NO_ANSWERS, chosenNeighbourhood));
  const [week, setWeek] = useState(() => mondayOf(new Date()));
  const [phase, setPhase] = useState<Phase>('idle');
  const [alternatives, setAlternatives] = useState<Slot[]>([]);
  const [booked, setBooked] = useState<Booked | null>(null);
  /** The last booking attempt: a retry sends it again while nothing changed. */
  const lastAttempt = useRef<Attempt | null>(null);
  const steps = useBookingSteps({ firstIncomplete: () => firstIncomplete(answers) });
  const { view, errors } = steps;

  const update = (patch: Partial<BookingAnswers>) => setAnswers((current) => ({ ...current, ...patch }));
  const { neighbourhood, appointmentType, slot } = answers;
  const team = teamForNeighbourhood(neighbourhood);
  const offered = offeredTypes(neighbourhood);

  // Leaving the page (or the back/forward cache) forgets the code and everything typed, as
  // the mailbox page does: on a shared device, "Back" must not show someone's appointment.
  useEffect(() => {
    const onPageHide = () => {
      lastAttempt.current = null;
      setBooked(null);
      setAnswers((current) => ({ ...NO_ANSWERS, neighbourhood: current.neighbourhood, appointmentType: current.appointmentType }));
      setAlternatives([]);
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);

  // Anything changed after a failed send: the next press seals and sends a new booking.
  const { name, phone, about, interpreter, interpreterLanguage, consent } = answers;
  useEffect(() => {
    lastAttempt.current = null;
  }, [neighbourhood, appointmentType, slot?.id, name, phone, about, interpreter, interpreterLanguage, consent]);

  // A page title per step (and per error state), as a page of its own would have.
  const errorFields = FIELD_ORDER.filter((f) => errors[f]);
  const hasErrors = errorFields.length > 0 || steps.sendFailed !== false;
  useEffect(() => {
    const parts = [viewHeading(view, s), stepCaption(view, s), s['booking.title'], s['site.titleSuffix']].filter(Boolean);
    document.title = `${hasErrors ? `${s['form.errorTitlePrefix']}: ` : ''}${parts.join(' – ')}`;
  }, [view, hasErrors]);

  // The resident pressed Verder on the first step before this component was loaded.
  useEffect(() => advance(), []);

  function submitStep(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    advance();
  }

  function advance() {
    if (phase !== 'idle' || view === 'done') return;
    if (view === 'check' || view === 'taken') {
      if (view === 'taken' && (!slot || !alternatives.some((a) => a.id === slot.id))) return steps.showErrors({ taken: s['booking.error.taken'] });
      return void book();
    }
    const problems = stepErrors(view, answers, s, lang);
    if (Object.keys(problems).length) return steps.showErrors(problems);
    steps.forward(view);
  }

  async function book() {
    if (!team || !slot || phase !== 'idle') return;
    steps.clearProblems();
    setPhase('encrypting');
    const outcome = await bookAppointment({ team, slot, answers, lang, lastAttempt, beforeWork: nextPaint, onSending: () => setPhase('sending') });
    setPhase('idle');
    switch (outcome.kind) {
      case 'booked':
        setBooked({ code: outcome.code, slot: outcome.slot, videoRoomId: outcome.videoRoomId });
        // Booked: forget what was typed; keep only what the confirmation shows.
        update({ name: '', phone: '', about: '', interpreterLanguage: '' });
        return steps.finish();
      case 'taken':
        setAlternatives(outcome.alternatives);
        update({ slot: null });
        return steps.go('taken');
      case 'slotGone':
        update({ slot: null });
        return steps.go('slot', { slot: s['booking.error.slotGone'] });
      case 'invalid':
        // Cannot happen after the details step; send the resident back there to see why.
        return steps.go('details', detailErrors(answers, s, lang));
      default:
        return steps.showSendFailure(outcome.kind === 'rateLimited' ? 'busy' : outcome.kind);
    }
  }

  if (view === 'done' && booked) return <BookingDone s={s} lang={lang} dates={dates} booked={booked} manageHref={manageHref} />;

  const disabled = false;
  const common = { s, disabled, busy: phase !== 'idle', errors, onBack: () => steps.back(view) };
  const sending = { phase, failure: steps.sendFailed };
  const chooseSlot = (chosen: Slot) => update({ slot: chosen });

  /** The control an error summary link focuses. */
  const targets: Record<BookingField, () => string> = {
    neighbourhood: () => 'neighbourhood',
    type: () => `type-${offered[0] ?? 'achterom'}`,
    slot: () => firstSlotControl('slot'),
    taken: () => (alternatives[0] ? slotRadioId('alternative', alternatives[0].id) : 'taken-other-week'),
    name: () => 'name',
    phone: () => 'phone',
    about: () => 'about',
    interpreterLanguage: () => 'interpreter-language',
    consent: () => CONSENT_TARGET,
  };
  const summaryErrors: SummaryError[] = errorFields.map((f) => ({ target: targets[f](), text: errors[f]! }));

  function currentStep(): JSX.Element {
    if (view === 'neighbourhood') return <NeighbourhoodStep {...common} value={neighbourhood} onChange={(value) => setAnswers((current) => withNeighbourhood(current, value))} />;
    if (view === 'type') {
      const location = team ? locationsFor(team.id)[0] : undefined;
      const durations = team ? appointmentsFor(team.id)?.durationMinutes : undefined;
      const onChange = (type: AppointmentType) => setAnswers((current) => withType(current, type));
      return <TypeStep {...common} offered={offered} value={appointmentType} onChange={onChange} durations={durations} locationName={location?.name ?? ''} />;
    }
    if (view === 'slot' && team && appointmentType) {
      return <SlotStep {...common} dates={dates} teamId={team.id} type={appointmentType} week={week} onWeekChange={setWeek} selected={slot} onSelect={chooseSlot} />;
    }
    if (view === 'details') return <DetailsStep {...common} answers={answers} onChange={update} />;
    if (view === 'check' && team && slot && appointmentType) {
      return <CheckStep {...common} {...sending} lang={lang} dates={dates} team={team} slot={slot} appointmentType={appointmentType} answers={answers} onChange={steps.change} />;
    }
    if (view === 'taken' && team && appointmentType) {
      const onOtherWeek = () => {
        setWeek(mondayOfDate(localDateOf(alternatives[0]?.startsAt ?? new Date().toISOString())));
        steps.go('slot');
      };
      return <TakenStep {...common} {...sending} dates={dates} alternatives={alternatives} selected={slot} onSelect={chooseSlot} onOtherWeek={onOtherWeek} />;
    }
    // A step whose earlier answers are missing (cannot be reached by the buttons).
    return <StepHeading view={view} s={s} />;
  }

  return (
    <form class="achterom-form achterom-booking" method="post" noValidate onSubmit={submitStep} data-testid={`booking-step-${view}`}>
      <ErrorSummary id="error-summary" title={s['form.errorSummary.title']} errors={summaryErrors} />
      {currentStep()}
    </form>
  );
}
