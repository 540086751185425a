// The resident's appointment booking, one step at a time: neighbourhood, type, day and
// time, details, check. Everything typed stays in this component's memory (going back
// loses nothing); the details are validated with the shared schema, sealed in the browser
// as a case of kind "appointment", and only ciphertext plus the slot id are sent.
// libsodium is loaded on "Boek geheim" through loadSodium(), never imported statically.
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from '../shared/withDeadline';
import { WOT_PHONE } from '../../components/helplines';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { AppointmentPayload } from '../../lib/schemas/appointmentPayload';
import { UNKNOWN_NEIGHBOURHOOD_ID, teamForNeighbourhood, teams } from '../../lib/config/teams';
import { appointmentsFor, locationsFor, type AppointmentType } from '../../lib/config/appointments';
import { loadSodium } from '../../lib/crypto/sodium';
import { proofHeaders } from '../../lib/pow/proofHeaders';
import { generateCaseCode } from '../../lib/crypto/caseCode';
import { sealCaseForTeam, type SealedCase } from '../../lib/crypto/caseEnvelope';
import { format } from '../../lib/i18n/format';
import type { Lang } from '../../lib/i18n';
import type { BookingFlowStrings } from './bookingStrings';
import { alternativesOf, errorCodeOf, postJson, Slot } from './booking/api';
import { makeBookingDates, mondayOf, mondayOfDate, localDateOf } from './booking/dates';
import { SlotList, WeekSlotPicker, firstSlotControl, slotRadioId } from './booking/SlotPicker';
import { AppointmentInstructions, AppointmentSummary, CalendarButton, TYPE_LABEL, locationOf } from './booking/AppointmentInfo';
import { Alert, ErrorSummary, FieldError, describedBy, type SummaryError } from './booking/ui';
import { Spinner } from '../Icon';
import { nextPaint } from '../focus';
import '../../styles/forms.css';
import '../../styles/booking.css';
import { CaseCodePanel, caseCodeLabels } from '../shared/CaseCodePanel';
import { isTeamBusy, sendWithProof } from '../shared/sendWithProof';
import { RadioGroupField } from '../shared/fields/RadioGroupField';
import { TextField } from '../shared/fields/TextField';

interface Props {
  lang: Lang;
  strings: BookingFlowStrings;
  /** The manage page (/afspraak/beheren/) in the page's language. */
  manageHref: string;
}

type StringKey = keyof BookingFlowStrings;
type Step = 'neighbourhood' | 'type' | 'slot' | 'details' | 'check';
type View = Step | 'taken' | 'done';
type Field = 'neighbourhood' | 'type' | 'slot' | 'name' | 'phone' | 'about' | 'interpreterLanguage' | 'consent' | 'taken';
type Errors = Partial<Record<Field, string>>;
type ConsentChoice = 'handler' | 'team';
type Phase = 'idle' | 'encrypting' | 'sending';

const STEPS: readonly Step[] = ['neighbourhood', 'type', 'slot', 'details', 'check'];
/** Each step is an entry in the browser history (state only, the address stays), so a phone's Back goes one step back. */
const HISTORY_KEY = 'achteromBookingStep';
const isView = (x: unknown): x is View => typeof x === 'string' && ([...STEPS, 'taken', 'done'] as string[]).includes(x);
const FIELD_ORDER: readonly Field[] = ['neighbourhood', 'type', 'slot', 'taken', 'name', 'phone', 'about', 'interpreterLanguage', 'consent'];
const ABOUT_MAX_CHARS = 2000;

/** Schema issue messages are keys; this maps them to translated strings. */
const ISSUE_MESSAGES: Record<string, StringKey> = {
  'name.tooLong': 'booking.error.name.tooLong',
  phone: 'form.error.contact.phone',
  'about.tooLong': 'booking.error.about.tooLong',
  'interpreter.language': 'booking.error.interpreter.language',
  consent: 'booking.error.consent',
};

const PATH_FIELDS: Record<string, Field> = {
  name: 'name',
  phone: 'phone',
  about: 'about',
  'interpreter.language': 'interpreterLanguage',
  interpreter: 'interpreterLanguage',
  consent: 'consent',
};

const TYPE_HINT: Record<AppointmentType, StringKey> = {
  achterom: 'booking.type.achterom.hint',
  video: 'booking.type.video.hint',
  telefoon: 'booking.type.telefoon.hint',
};

/** One booking attempt: kept after a network error so a retry sends the very same request. */
interface Attempt {
  code: string;
  envelope: SealedCase;
  slot: Slot;
  idempotencyKey: string;
  videoRoomId: string | undefined;
}

interface Done {
  code: string;
  slot: Slot;
  videoRoomId: string | undefined;
}

function neighbourhoodName(id: string, unknownLabel: string): string {
  if (id === UNKNOWN_NEIGHBOURHOOD_ID) return unknownLabel;
  for (const team of teams) {
    const found = team.neighbourhoods.find((n) => n.id === id);
    if (found) return found.name;
  }
  return id;
}

export default function BookingFlow({ lang, strings, manageHref }: Props) {
  const s = (key: StringKey) => strings[key];
  const dates = useRef(makeBookingDates(lang)).current;

  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<View>('neighbourhood');
  const viewRef = useRef<View>('neighbourhood');
  /** The steps this page pushed onto the history, oldest first. */
  const stepStack = useRef<View[]>(['neighbourhood']);
  const onHistory = useRef<(step: View) => void>(() => undefined);
  const [returnToCheck, setReturnToCheck] = useState(false);

  const [neighbourhood, setNeighbourhood] = useState('');
  const [appointmentType, setAppointmentType] = useState<AppointmentType | ''>('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [week, setWeek] = useState(() => mondayOf(new Date()));
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [about, setAbout] = useState('');
  const [interpreter, setInterpreter] = useState(false);
  const [interpreterLanguage, setInterpreterLanguage] = useState('');
  const [consent, setConsent] = useState<ConsentChoice | ''>('');

  const [errors, setErrors] = useState<Errors>({});
  const [phase, setPhase] = useState<Phase>('idle');
  const [sendFailed, setSendFailed] = useState<false | 'failed' | 'busy' | 'timeout' | 'teamBusy'>(false);
  const [alternatives, setAlternatives] = useState<Slot[]>([]);
  const [done, setDone] = useState<Done | null>(null);

  const attemptRef = useRef<Attempt | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const team = neighbourhood ? teamForNeighbourhood(neighbourhood) : undefined;
  const offered = team ? (appointmentsFor(team.id)?.types ?? []) : [];
  const durations = team ? appointmentsFor(team.id)?.durationMinutes : undefined;
  const location = team ? locationsFor(team.id)[0] : undefined;

  // Controls render disabled on the server and are enabled once the island runs. Leaving
  // the page (or the back/forward cache) forgets the code and everything typed, as the
  // mailbox page does: on a shared device, "Back" must not show someone's appointment.
  useEffect(() => {
    setHydrated(true);
    const onPageHide = () => {
      attemptRef.current = null;
      setDone(null);
      setName('');
      setPhone('');
      setAbout('');
      setInterpreter(false);
      setInterpreterLanguage('');
      setConsent('');
      setSlot(null);
      setAlternatives([]);
      setErrors({});
      setSendFailed(false);
      setReturnToCheck(false);
      viewRef.current = 'neighbourhood';
      stepStack.current = ['neighbourhood'];
      setView('neighbourhood');
    };
    window.addEventListener('pagehide', onPageHide);
    history.replaceState({ ...(history.state as object | null), [HISTORY_KEY]: 'neighbourhood' }, '');
    const onPopState = (event: PopStateEvent) => {
      const step = (event.state as Record<string, unknown> | null)?.[HISTORY_KEY];
      if (isView(step)) onHistory.current(step);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('popstate', onPopState);
    };
  }, []);

  // Moves focus once the next render has put the element on the page.
  function focusAfterRender(id: string) {
    pendingFocus.current = id;
  }
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    // Not on the page yet (a render in between, while still busy): the render that
    // shows it takes the focus there.
    const target = document.getElementById(id);
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  // Anything changed after a failed send: the next press seals and sends a new booking.
  useEffect(() => {
    attemptRef.current = null;
  }, [neighbourhood, appointmentType, slot?.id, name, phone, about, interpreter, interpreterLanguage, consent]);

  const stepIndex = STEPS.indexOf(view as Step);
  const stepLabel = stepIndex >= 0 ? format(s('booking.step'), { step: stepIndex + 1, total: STEPS.length }) : '';
  const headingText: Record<View, string> = {
    neighbourhood: s('form.neighbourhood.label'),
    type: s('booking.type.title'),
    slot: s('booking.slot.title'),
    details: s('booking.details.title'),
    check: s('booking.check.title'),
    taken: s('booking.taken.title'),
    done: s('booking.done.heading'),
  };
  const errorFields = FIELD_ORDER.filter((f) => errors[f]);
  const hasErrors = errorFields.length > 0 || sendFailed;

  // A page title per step (and per error state), as a page of its own would have.
  useEffect(() => {
    if (!hydrated) return;
    const parts = [headingText[view], stepLabel, s('booking.title'), s('site.titleSuffix')].filter(Boolean);
    document.title = `${hasErrors ? `${s('form.errorTitlePrefix')}: ` : ''}${parts.join(' – ')}`;
  }, [hydrated, view, hasErrors]);

  function go(next: View, nextErrors: Errors = {}, fromHistory = false) {
    setErrors(nextErrors);
    setSendFailed(false);
    if (!fromHistory && next !== viewRef.current) {
      history.pushState({ ...(history.state as object | null), [HISTORY_KEY]: next }, '');
      stepStack.current.push(next);
    }
    viewRef.current = next;
    setView(next);
    focusAfterRender(Object.keys(nextErrors).length ? 'error-summary' : 'step-heading');
  }

  // Back and Forward of the browser (or a phone) move between the steps.
  onHistory.current = (step: View) => {
    if (viewRef.current === 'done') {
      // Booked: Back does not reopen the form; the confirmation stays.
      history.pushState({ ...(history.state as object | null), [HISTORY_KEY]: 'done' }, '');
      return;
    }
    const stack = stepStack.current;
    if (stack[stack.length - 2] === step) stack.pop();
    else stack.push(step);
    go(step, {}, true);
  };

  function showErrors(next: Errors) {
    setErrors(next);
    setSendFailed(false);
    focusAfterRender('error-summary');
  }

  /** The first step that still needs an answer, or null when everything is there. */
  function firstIncomplete(): Step | null {
    const t = teamForNeighbourhood(neighbourhood);
    if (!t) return 'neighbourhood';
    if (!appointmentType || !offered.includes(appointmentType)) return 'type';
    if (!slot || slot.teamId !== t.id || slot.type !== appointmentType) return 'slot';
    if (!consent || (appointmentType === 'telefoon' && !phone.trim())) return 'details';
    return null;
  }

  function forward(from: Step) {
    if (returnToCheck) {
      go(firstIncomplete() ?? 'check');
      return;
    }
    go(STEPS[STEPS.indexOf(from) + 1] ?? 'check');
  }

  function back(from: View) {
    const target = from === 'taken' ? 'slot' : returnToCheck && from !== 'check' && firstIncomplete() === null ? 'check' : STEPS[STEPS.indexOf(from as Step) - 1];
    if (!target) return;
    // The step before in the history too: go back there, so history and page agree.
    if (stepStack.current[stepStack.current.length - 2] === target) history.back();
    else go(target);
  }

  function change(step: Step) {
    setReturnToCheck(true);
    go(step);
  }

  // Step 1
  function onNeighbourhood(value: string) {
    const before = teamForNeighbourhood(neighbourhood)?.id;
    const after = teamForNeighbourhood(value)?.id;
    setNeighbourhood(value);
    if (before !== after) {
      // Another team: its own times (and perhaps types). The rest stays.
      setSlot(null);
      const types = after ? (appointmentsFor(after)?.types ?? []) : [];
      if (appointmentType && !types.includes(appointmentType)) setAppointmentType('');
    }
  }

  function submitStep(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || phase !== 'idle') return;
    if (view === 'neighbourhood') {
      if (!teamForNeighbourhood(neighbourhood)) return showErrors({ neighbourhood: s('form.error.neighbourhood') });
      return forward('neighbourhood');
    }
    if (view === 'type') {
      if (!appointmentType || !offered.includes(appointmentType)) return showErrors({ type: s('booking.error.type') });
      return forward('type');
    }
    if (view === 'slot') {
      if (!slot) return showErrors({ slot: s('booking.error.slot') });
      return forward('slot');
    }
    if (view === 'details') {
      const next = detailErrors();
      if (Object.keys(next).length) return showErrors(next);
      return forward('details');
    }
    if (view === 'check' || view === 'taken') {
      if (view === 'taken' && (!slot || !alternatives.some((a) => a.id === slot.id))) return showErrors({ taken: s('booking.error.taken') });
      void book();
    }
  }

  function buildPayload(chosen: Slot, videoRoomId: string | undefined) {
    const optional = (text: string) => (text.trim() === '' ? undefined : text);
    return {
      type: 'appointment',
      appointmentType,
      slotId: chosen.id,
      startsAt: chosen.startsAt,
      durationMinutes: chosen.durationMinutes,
      locationId: chosen.locationId ?? undefined,
      name: optional(name),
      phone: optional(phone),
      about: optional(about),
      interpreter: interpreter ? { needed: true, language: interpreterLanguage } : { needed: false },
      videoRoomId,
      consent: consent === '' ? undefined : consent,
      submittedAt: new Date().toISOString(),
      language: lang,
    };
  }

  function detailErrors(): Errors {
    const next: Errors = {};
    if (!slot) return next;
    const result = v.safeParse(AppointmentPayload, buildPayload(slot, undefined));
    if (!result.success) {
      for (const issue of result.issues) {
        const field = PATH_FIELDS[v.getDotPath(issue) ?? ''];
        if (!field || next[field]) continue;
        const key = ISSUE_MESSAGES[issue.message] ?? (field === 'interpreterLanguage' ? 'booking.error.interpreter.language' : 'form.error.generic');
        next[field] = s(key);
      }
    }
    if (appointmentType === 'telefoon' && phone.trim() === '') next.phone = s('booking.error.phone.required');
    return next;
  }

  async function book() {
    if (!team || !slot || phase !== 'idle') return;
    const chosen = slot;
    setSendFailed(false);
    setErrors({});
    setPhase('encrypting');
    try {
      await withDeadline(async (signal) => {
        await nextPaint();
        // The proof of work (a brake on floods) runs while libsodium loads and seals. A
        // solution is spent once, so every request (a retry too) gets a fresh one.
        const proof = proofHeaders('booking', team.id);
        proof.catch(() => undefined);
        let attempt = attemptRef.current;
        if (!attempt || attempt.slot.id !== chosen.id) {
          const sodium = await loadSodium();
          const videoRoomId = appointmentType === 'video' ? sodium.to_hex(sodium.randombytes_buf(16)) : undefined;
          const result = v.safeParse(AppointmentPayload, buildPayload(chosen, videoRoomId));
          if (!result.success) {
            // Cannot happen after the details step; send the resident back there to see why.
            go('details', detailErrors());
            return;
          }
          const code = generateCaseCode(sodium);
          const envelope = sealCaseForTeam(sodium, team, {
            code,
            kind: 'appointment',
            consent: result.output.consent,
            payloadJson: JSON.stringify(result.output),
          });
          const idempotencyKey = sodium.to_base64(sodium.randombytes_buf(18), sodium.base64_variants.URLSAFE_NO_PADDING);
          attempt = { code, envelope, slot: chosen, idempotencyKey, videoRoomId };
          attemptRef.current = attempt;
        }
        signal.throwIfAborted();
        setPhase('sending');
        let response: Response;
        try {
          const sending = attempt;
          response = await sendWithProof('booking', team.id, proof, (headers) =>
            postJson('/api/appointments', { envelope: sending.envelope, slotId: sending.slot.id, idempotencyKey: sending.idempotencyKey }, headers, signal),
          );
        } catch {
          // Network error or out of time: the booking may or may not have arrived. Keep the
          // attempt, so a retry with the same idempotency key gets the same answer and code.
          if (signal.aborted) return;
          setSendFailed('failed');
          focusAfterRender('send-error');
          return;
        }
        if (response.status === 201) {
          const body: unknown = await response.json().catch(() => null);
          const booked = v.safeParse(v.object({ slot: Slot }), body);
          const bookedSlot = booked.success && booked.output.slot.id === attempt.slot.id ? booked.output.slot : attempt.slot;
          attemptRef.current = null;
          setDone({ code: attempt.code, slot: bookedSlot, videoRoomId: attempt.videoRoomId });
          // Booked: forget what was typed; keep only what the confirmation shows.
          setName('');
          setPhone('');
          setAbout('');
          setInterpreterLanguage('');
          setErrors({});
          viewRef.current = 'done';
          history.replaceState({ ...(history.state as object | null), [HISTORY_KEY]: 'done' }, '');
          setView('done');
          focusAfterRender('confirmation-heading');
          return;
        }
        if (response.status === 409) {
          const { code, alternatives: list } = await alternativesOf(response, team.id, attempt.slot.type);
          attemptRef.current = null;
          if (code === 'slot_taken') {
            setAlternatives(list.filter((a) => a.id !== chosen.id));
            setSlot(null);
            go('taken');
            return;
          }
          // A code that happens to exist already: the next press makes a new one.
          setSendFailed('failed');
          focusAfterRender('send-error');
          return;
        }
        if (await isTeamBusy(response)) {
          // Nothing was booked; keep what was typed, and the attempt, for a try later.
          setSendFailed('teamBusy');
          focusAfterRender('send-error');
          return;
        }
        if (response.status === 404) {
          attemptRef.current = null;
          setSlot(null);
          go('slot', { slot: s('booking.error.slotGone') });
          return;
        }
        // 5xx may have booked, and a refused proof of work or a rate limit stopped the
        // request before the booking: keep the attempt, so a retry finds an earlier success.
        // Any other 4xx refused this booking: the next press starts afresh.
        const errorCode = await errorCodeOf(response);
        if (response.status < 500 && response.status !== 429 && !errorCode.startsWith('pow_')) attemptRef.current = null;
        setSendFailed(response.status === 429 ? 'busy' : 'failed');
        focusAfterRender('send-error');
      }, RESIDENT_DEADLINE_MS);
    } catch (err) {
      setSendFailed(err instanceof DeadlineError ? 'timeout' : 'failed');
      focusAfterRender('send-error');
    } finally {
      setPhase('idle');
    }
  }

  // ---------------------------------------------------------------- confirmation
  if (view === 'done' && done) {
    const appointment = { ...done.slot };
    return (
      <section class="achterom-confirmation achterom-booking" aria-labelledby="confirmation-heading" data-testid="booking-done">
        <CaseCodePanel code={done.code} heading={s('booking.done.heading')} label={s('done.codeLabel')} labels={caseCodeLabels(strings)} />
        <div class="achterom-callout achterom-callout--warning utrecht-alert utrecht-alert--warning">
          <p>
            <strong>{s('done.writeDown')}</strong>
          </p>
          <ul>
            <li>{s('booking.done.codeUse')}</li>
            <li>{s('done.noRecovery')}</li>
            <li>{s('done.sharedDevice')}</li>
          </ul>
        </div>
        <h2>{s('booking.appointment.heading')}</h2>
        <AppointmentSummary s={strings} dates={dates} appointment={appointment} />
        <CalendarButton s={strings} appointment={appointment} />
        <AppointmentInstructions s={strings} lang={lang} dates={dates} appointment={appointment} videoRoomId={done.videoRoomId} />
        <p class="achterom-booking__manage">
          {s('booking.done.manage.text')} <a href={manageHref}>{s('booking.done.manage.link')}</a>.
        </p>
        <p>{s('done.close')}</p>
      </section>
    );
  }

  // ---------------------------------------------------------------- steps
  const disabled = !hydrated;
  const busy = phase !== 'idle';
  const fieldClass = (f: Field) => `achterom-form-field utrecht-form-field${errors[f] ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`;
  const errorId = (f: Field) => (errors[f] ? `${f}-error` : undefined);
  const errorText = (f: Field) => <FieldError id={`${f}-error`} prefix={s('form.errorPrefix')} text={errors[f]} />;
  const invalid = (f: Field) => (errors[f] ? ('true' as const) : undefined);

  const targets: Record<Field, () => string> = {
    neighbourhood: () => 'neighbourhood',
    type: () => `type-${offered[0] ?? 'achterom'}`,
    slot: () => firstSlotControl('slot'),
    taken: () => (alternatives[0] ? slotRadioId('alternative', alternatives[0].id) : 'taken-other-week'),
    name: () => 'name',
    phone: () => 'phone',
    about: () => 'about',
    interpreterLanguage: () => 'interpreter-language',
    consent: () => 'consent-handler',
  };
  const summaryErrors: SummaryError[] = hydrated ? errorFields.map((f) => ({ target: targets[f](), text: errors[f]! })) : [];

  const heading = (
    <h2 class="achterom-step__heading" id="step-heading" tabIndex={-1}>
      {stepLabel && <span class="achterom-step__caption">{stepLabel}</span>}
      {view === 'neighbourhood' ? (
        <label class="achterom-step__label" for="neighbourhood">
          {headingText[view]}
        </label>
      ) : (
        headingText[view]
      )}
    </h2>
  );

  const actions = (primary: string) => (
    <div class="achterom-step__actions">
      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
        {primary}
      </button>
      {view !== 'neighbourhood' && (
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" disabled={disabled} aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && back(view)}>
          {s('booking.back')}
        </button>
      )}
    </div>
  );

  const statusText = phase === 'encrypting' ? s('form.status.encrypting') : phase === 'sending' ? s('booking.status.booking') : '';
  const sendStatus = (
    <>
      {sendFailed && !busy && (
        <Alert id="send-error" testId="booking-send-error">
          <p class="achterom-alert__text">
            {sendFailed === 'timeout' || sendFailed === 'teamBusy'
              ? format(s(sendFailed === 'timeout' ? 'wait.timeout' : 'busy.team'), { phone: WOT_PHONE.numbers[0] ?? '' })
              : s(sendFailed === 'busy' ? 'booking.error.busy' : 'booking.error.send')}
          </p>
        </Alert>
      )}
    </>
  );
  const liveStatus = (
    <p class="achterom-status" role="status" aria-live="polite">
      {busy && <Spinner />}
      {statusText}
    </p>
  );

  let body: JSX.Element;
  if (view === 'neighbourhood') {
    body = (
      <>
        {heading}
        <div class={fieldClass('neighbourhood')}>
          <p class="achterom-form-field__hint utrecht-form-field-description" id="neighbourhood-hint">
            {s('booking.neighbourhood.hint')}
          </p>
          {errorText('neighbourhood')}
          <select
            class="achterom-select utrecht-select utrecht-select--html-select"
            id="neighbourhood"
            name="neighbourhood"
            value={neighbourhood}
            disabled={disabled}
            aria-describedby={describedBy('neighbourhood-hint', errorId('neighbourhood'))}
            aria-invalid={invalid('neighbourhood')}
            onChange={(e) => onNeighbourhood(e.currentTarget.value)}
          >
            <option value="">{s('form.neighbourhood.placeholder')}</option>
            <option value={UNKNOWN_NEIGHBOURHOOD_ID}>{s('form.neighbourhood.unknown')}</option>
            {teams
              .filter((t) => t.neighbourhoods.length > 0)
              .map((t) => (
                <optgroup key={t.id} label={t.name}>
                  {t.neighbourhoods.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </div>
        {actions(s('booking.next'))}
      </>
    );
  } else if (view === 'type') {
    body = (
      <fieldset class={fieldClass('type')} aria-describedby={describedBy('type-hint', errorId('type'))}>
        <legend class="achterom-step__legend">{heading}</legend>
        <p class="achterom-form-field__hint utrecht-form-field-description" id="type-hint">
          {s('booking.type.hint')}
        </p>
        {errorText('type')}
        <div class="achterom-radio-cards">
          {offered.map((type) => {
            const hint = type === 'achterom' ? format(s(TYPE_HINT[type]), { location: location?.name ?? '' }) : s(TYPE_HINT[type]);
            return (
              <div class="achterom-radio-cards__item" key={type}>
                <input
                  class="achterom-radio-cards__input utrecht-radio-button utrecht-radio-button--html-input"
                  type="radio"
                  id={`type-${type}`}
                  name="type"
                  value={type}
                  checked={appointmentType === type}
                  disabled={disabled}
                  aria-invalid={invalid('type')}
                  aria-describedby={`type-${type}-hint`}
                  onChange={() => {
                    if (type !== appointmentType) setSlot(null);
                    setAppointmentType(type);
                  }}
                />
                <label class="achterom-radio-cards__label" for={`type-${type}`}>
                  {s(TYPE_LABEL[type])}
                </label>
                <p class="achterom-radio-cards__hint" id={`type-${type}-hint`}>
                  {hint}{' '}
                  <span class="achterom-radio-cards__duration">
                    {format(s('booking.duration'), { minutes: durations?.[type] ?? '' })}
                  </span>
                </p>
              </div>
            );
          })}
        </div>
      </fieldset>
    );
    body = (
      <>
        {body}
        {actions(s('booking.next'))}
      </>
    );
  } else if (view === 'slot' && team && appointmentType) {
    body = (
      <>
        {heading}
        <p class="achterom-form-field__hint utrecht-form-field-description" id="slot-hint">
          {s('booking.slot.hint')}
        </p>
        <div class={fieldClass('slot')}>
          {errorText('slot')}
          <WeekSlotPicker
            s={strings}
            dates={dates}
            teamId={team.id}
            type={appointmentType}
            week={week}
            onWeekChange={setWeek}
            selected={slot}
            onSelect={setSlot}
            disabled={disabled}
            idPrefix="slot"
            errorId={errorId('slot')}
          />
        </div>
        {actions(s('booking.next'))}
      </>
    );
  } else if (view === 'details') {
    const isPhoneCall = appointmentType === 'telefoon';
    const remaining = ABOUT_MAX_CHARS - about.length;
    body = (
      <>
        {heading}
        <p class="achterom-booking__intro" id="details-intro">
          {s('booking.details.intro')}
        </p>

        <TextField
          id="name"
          label={
            <>
              {s('booking.name.label')} <span class="achterom-booking__optional">{s('booking.optional')}</span>
            </>
          }
          hint={s('booking.name.hint')}
          value={name}
          error={errors.name}
          errorPrefix={s('form.errorPrefix')}
          disabled={disabled}
          onInput={setName}
        />

        <TextField
          id="phone"
          type="tel"
          inputMode="tel"
          dir="ltr"
          size="phone"
          required={isPhoneCall}
          label={
            <>
              {isPhoneCall ? s('booking.phone.label.telefoon') : s('booking.phone.label')}{' '}
              {!isPhoneCall && <span class="achterom-booking__optional">{s('booking.optional')}</span>}
            </>
          }
          hint={`${isPhoneCall ? s('booking.phone.hint.telefoon') : s('booking.phone.hint')} ${s('booking.encrypted')}`}
          value={phone}
          error={errors.phone}
          errorPrefix={s('form.errorPrefix')}
          disabled={disabled}
          onInput={setPhone}
        />

        <div class={fieldClass('about')}>
          <label class="achterom-form-field__label utrecht-form-label" for="about">
            {s('booking.about.label')} <span class="achterom-booking__optional">{s('booking.optional')}</span>
          </label>
          <p class="achterom-form-field__hint utrecht-form-field-description" id="about-hint">
            {s('booking.about.hint')}
          </p>
          {errorText('about')}
          <textarea
            class="achterom-textarea achterom-textarea--short utrecht-textarea utrecht-textarea--html-textarea"
            id="about"
            dir="auto"
            rows={5}
            value={about}
            disabled={disabled}
            spellcheck={false}
            autocomplete="off"
            aria-describedby={describedBy('about-hint', 'about-count', errorId('about'))}
            aria-invalid={invalid('about')}
            onInput={(e) => setAbout(e.currentTarget.value)}
          />
          <p class={`achterom-form-field__count${remaining < 0 ? ' achterom-form-field__count--over' : ''}`} id="about-count">
            {remaining >= 0 ? format(s('form.question.remaining'), { count: remaining }) : format(s('form.question.over'), { count: -remaining })}
          </p>
        </div>

        <div class="achterom-form-field utrecht-form-field">
          <div class="achterom-checkboxes__item">
            <input
              class="achterom-checkboxes__input utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="interpreter"
              checked={interpreter}
              disabled={disabled}
              aria-controls={interpreter ? 'interpreter-details' : undefined}
              onChange={(e) => setInterpreter(e.currentTarget.checked)}
            />
            <label class="achterom-checkboxes__label utrecht-form-label utrecht-form-label--checkbox" for="interpreter">
              {s('booking.interpreter.label')}
            </label>
          </div>
          {interpreter && (
            <div class="achterom-radios__conditional" id="interpreter-details">
              <TextField
                id="interpreter-language"
                size="short"
                label={s('booking.interpreter.language.label')}
                value={interpreterLanguage}
                error={errors.interpreterLanguage}
                errorPrefix={s('form.errorPrefix')}
                disabled={disabled}
                onInput={setInterpreterLanguage}
              />
            </div>
          )}
        </div>

        <RadioGroupField
          name="consent"
          legend={s('booking.consent.legend')}
          hint={s('form.consent.hint')}
          options={[
            { value: 'handler', label: s('booking.consent.handler') },
            { value: 'team', label: s('booking.consent.team') },
          ]}
          value={consent}
          error={errors.consent}
          errorPrefix={s('form.errorPrefix')}
          disabled={disabled}
          onChange={setConsent}
        />
        {actions(s('booking.next'))}
      </>
    );
  } else if (view === 'check' && team && slot && appointmentType) {
    const row = (label: string, value: string | JSX.Element, step?: Step, testId?: string) => (
      <div class="achterom-summary-list__row">
        <dt class="achterom-summary-list__key">{label}</dt>
        <dd class="achterom-summary-list__value" data-testid={testId}>
          {value}
        </dd>
        {step ? (
          <dd class="achterom-summary-list__actions">
            <button type="button" class="achterom-link-button" disabled={disabled || busy} onClick={() => change(step)}>
              {s('booking.change')}
              <span class="achterom-visually-hidden"> {label.toLocaleLowerCase(lang)}</span>
            </button>
          </dd>
        ) : (
          <dd class="achterom-summary-list__actions" />
        )}
      </div>
    );
    const empty = <span class="achterom-booking__empty">{s('booking.summary.empty')}</span>;
    const where = appointmentType === 'achterom' ? locationOf(slot) : undefined;
    body = (
      <>
        {heading}
        <p>{s('booking.check.intro')}</p>
        <dl class="achterom-summary-list achterom-summary-list--actions" data-testid="booking-check">
          {row(s('booking.summary.neighbourhood'), neighbourhoodName(neighbourhood, s('form.neighbourhood.unknown')), 'neighbourhood')}
          {row(s('booking.summary.team'), team.name)}
          {row(s('booking.summary.type'), s(TYPE_LABEL[appointmentType]), 'type')}
          {row(s('booking.summary.when'), dates.when(slot.startsAt), 'slot', 'check-when')}
          {row(s('booking.summary.duration'), format(s('booking.minutes'), { minutes: slot.durationMinutes }))}
          {where &&
            row(
              s('booking.summary.where'),
              <>
                {where.name}
                <br />
                {where.address}
              </>,
            )}
          {row(s('booking.summary.name'), name.trim() ? <bdi>{name.trim()}</bdi> : empty, 'details')}
          {row(s('booking.summary.phone'), phone.trim() ? <bdi dir="ltr">{phone.trim()}</bdi> : empty, 'details')}
          {row(s('booking.summary.about'), about.trim() ? <span class="achterom-booking__text" dir="auto">{about.trim()}</span> : empty, 'details')}
          {row(
            s('booking.summary.interpreter'),
            interpreter ? format(s('booking.summary.interpreter.yes'), { language: interpreterLanguage.trim() }) : s('booking.summary.interpreter.no'),
            'details',
          )}
          {row(s('booking.summary.consent'), consent ? s(consent === 'handler' ? 'booking.consent.handler' : 'booking.consent.team') : empty, 'details')}
        </dl>
        {sendStatus}
        {actions(s('booking.submit'))}
        {liveStatus}
      </>
    );
  } else if (view === 'taken' && team && appointmentType) {
    body = (
      <>
        {heading}
        <p>{s('booking.taken.text')}</p>
        {alternatives.length > 0 ? (
          <fieldset class={fieldClass('taken')}>
            <legend class="achterom-form-field__legend utrecht-form-label">{s('booking.taken.legend')}</legend>
            {errorText('taken')}
            <SlotList
              slots={alternatives}
              selectedId={slot?.id ?? null}
              onSelect={setSlot}
              dates={dates}
              name="alternative"
              idPrefix="alternative"
              disabled={disabled}
              errorId={errorId('taken')}
            />
          </fieldset>
        ) : (
          <p data-testid="taken-none">{s('booking.taken.none')}</p>
        )}
        <p>
          <button
            type="button"
            class="achterom-link-button"
            id="taken-other-week"
            disabled={disabled || busy}
            onClick={() => {
              setWeek(mondayOfDate(localDateOf(alternatives[0]?.startsAt ?? new Date().toISOString())));
              go('slot');
            }}
          >
            {s('booking.taken.otherWeek')}
          </button>
        </p>
        {sendStatus}
        {alternatives.length > 0 ? actions(s('booking.submit')) : null}
        {liveStatus}
      </>
    );
  } else {
    // A step whose earlier answers are missing (cannot be reached by the buttons).
    body = <>{heading}</>;
  }

  return (
    <form class="achterom-form achterom-booking" method="post" noValidate onSubmit={submitStep} data-testid={`booking-step-${view}`}>
      <ErrorSummary id="error-summary" title={s('form.errorSummary.title')} errors={summaryErrors} />
      {body}
    </form>
  );
}
