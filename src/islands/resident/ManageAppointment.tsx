// The resident's appointment, opened with the 16-digit code: see it (the details are
// decrypted in this browser), put it in the calendar, move it to another time or cancel it.
// The code never leaves the browser: it is stretched into a mailbox id (sent) and a case
// key (used once to open the details, then wiped). Nothing is stored anywhere; leaving the
// page forgets everything. libsodium is loaded on the button press, never statically.
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from '../shared/withDeadline';
import { WOT_PHONE } from '../../components/helplines';
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { AppointmentPayload } from '../../lib/schemas/appointmentPayload';
import { loadSodium, toBase64 } from '../../lib/crypto/sodium';
import { proofHeaders } from '../../lib/pow/proofHeaders';
import { normalizeCaseCode } from '../../lib/crypto/caseCode';
import { deriveCaseKeys } from '../../lib/crypto/deriveCaseKeys';
import { openCasePayload } from '../../lib/crypto/caseEnvelope';
import { format } from '../../lib/i18n/format';
import type { Lang } from '../../lib/i18n';
import type { ManageAppointmentStrings } from './bookingStrings';
import { alternativesOf, postJson, Slot } from './booking/api';
import { makeBookingDates, mondayOf } from './booking/dates';
import { SlotList, WeekSlotPicker, firstSlotControl, slotRadioId } from './booking/SlotPicker';
import { AppointmentInstructions, AppointmentSummary, CalendarButton } from './booking/AppointmentInfo';
import { Alert, ErrorSummary, FieldError } from './booking/ui';
import { Spinner } from '../Icon';
import { nextPaint } from '../focus';
import '../../styles/forms.css';
import '../../styles/booking.css';
import { MessageList } from '../shared/MessageList';
import { openResidentMessages, type OpenedMessage } from '../shared/residentMessages';
import { SealedCaseJson, SealedMessageJson } from './mailboxResponse';
import { TextField } from '../shared/fields/TextField';

interface Props {
  lang: Lang;
  strings: ManageAppointmentStrings;
  /** Where to book a new appointment, in the page's language. */
  bookingHref: string;
  /** The "Mijn vraag" page, for a code that belongs to a question. */
  mailboxHref: string;
}

type StringKey = keyof ManageAppointmentStrings;

/** The parts of POST /api/mailbox/open this page needs. Loose: the API may add fields. */
const OpenResponse = v.object({
  case: SealedCaseJson,
  appointment: v.nullable(Slot),
  messages: v.optional(v.array(SealedMessageJson), []),
});

interface Opened {
  teamId: string;
  appointment: Slot | null;
  /** Messages on this case, decrypted here: the team's word when it moved or cancelled. */
  messages: OpenedMessage[];
  /** What the resident filled in, decrypted here; null when it does not open. */
  details: AppointmentPayload | null;
}

type View = { name: 'enter' } | { name: 'question' } | { name: 'opened'; opened: Opened } | { name: 'cancelled' };
type Mode = 'view' | 'confirmCancel' | 'reschedule';
type OpenError = 'notFound' | 'failed' | 'busy' | 'timeout';

export default function ManageAppointment({ lang, strings, bookingHref, mailboxHref }: Props) {
  const s = (key: StringKey) => strings[key];
  const dates = useRef(makeBookingDates(lang)).current;

  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<View>({ name: 'enter' });

  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<OpenError | null>(null);
  const [opening, setOpening] = useState(false);
  const [closedNotice, setClosedNotice] = useState(false);

  const [mode, setMode] = useState<Mode>('view');
  const [busy, setBusy] = useState(false);
  const [actionFailed, setActionFailed] = useState<false | 'failed' | 'busy'>(false);
  const [rescheduled, setRescheduled] = useState(false);
  const [week, setWeek] = useState(() => mondayOf(new Date()));
  const [newSlot, setNewSlot] = useState<Slot | null>(null);
  const [slotError, setSlotError] = useState<string | null>(null);
  const [alternatives, setAlternatives] = useState<Slot[] | null>(null);

  /** The mailbox id derived from the code: enough to cancel or move, so kept in memory only. */
  const mailboxRef = useRef<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

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

  function resetActions() {
    setMode('view');
    setBusy(false);
    setActionFailed(false);
    setRescheduled(false);
    setNewSlot(null);
    setSlotError(null);
    setAlternatives(null);
  }

  // Leaving the page (or the back/forward cache) forgets the code, the id and the details.
  useEffect(() => {
    setHydrated(true);
    const onPageHide = () => {
      mailboxRef.current = null;
      setCode('');
      resetActions();
      setView({ name: 'enter' });
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);

  const stateTitle =
    view.name === 'opened' ? s('manage.opened.title') : view.name === 'cancelled' ? s('manage.cancelled.heading') : s('manage.title');
  const showsError = view.name === 'enter' ? Boolean(codeError || openError) : view.name === 'opened' ? Boolean(actionFailed || slotError) : false;
  useEffect(() => {
    if (!hydrated) return;
    document.title = `${showsError ? `${s('form.errorTitlePrefix')}: ` : ''}${stateTitle} – ${s('site.titleSuffix')}`;
  }, [hydrated, stateTitle, showsError]);

  async function onOpen(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || opening) return;
    setClosedNotice(false);
    const normalized = normalizeCaseCode(code);
    if (!normalized) {
      setCodeError(code.trim() === '' ? s('manage.error.code.empty') : s('manage.error.code.format'));
      setOpenError(null);
      focusAfterRender('manage-error-summary');
      return;
    }
    setCodeError(null);
    setOpenError(null);
    setOpening(true);
    try {
      await withDeadline(async (signal) => {
        await nextPaint();
        // The proof of work (a brake on guessing codes) runs while libsodium loads and derives.
        const proof = proofHeaders('lookup');
        proof.catch(() => undefined);
        const sodium = await loadSodium();
        const derived = deriveCaseKeys(sodium, normalized);
        const mailboxId = toBase64(sodium, derived.mailboxId);
        sodium.memzero(derived.mailboxId);
        try {
          const response = await postJson('/api/mailbox/open', { mailboxId }, await proof, signal);
          if (response.status === 404) {
            setOpenError('notFound');
            focusAfterRender('manage-open-error');
            return;
          }
          if (response.status === 429) {
            setOpenError('busy');
            focusAfterRender('manage-open-error');
            return;
          }
          if (response.status !== 200) throw new Error(`status ${response.status}`);
          const parsed = v.safeParse(OpenResponse, await response.json());
          if (!parsed.success) throw new Error('unexpected answer');
          const body = parsed.output;
          setCode('');
          if (body.case.kind !== 'appointment') {
            setView({ name: 'question' });
            focusAfterRender('manage-question');
            return;
          }
          let details: AppointmentPayload | null = null;
          // The resident never receives the sealed key; it is not needed to open with the case key.
          const opened = openCasePayload(sodium, body.case, derived.caseKey);
          if (opened.ok) {
            const payload = v.safeParse(AppointmentPayload, opened.value);
            if (payload.success) details = payload.output;
          }
          mailboxRef.current = mailboxId;
          resetActions();
          const messages = openResidentMessages(sodium, derived.caseKey, body.case.id, body.messages);
          setView({ name: 'opened', opened: { teamId: body.case.teamId, appointment: body.appointment, details, messages } });
          focusAfterRender('manage-heading');
        } finally {
          sodium.memzero(derived.caseKey);
        }
      }, RESIDENT_DEADLINE_MS);
    } catch (err) {
      // Keep the typed code so the resident can simply try again.
      setOpenError(err instanceof DeadlineError ? 'timeout' : 'failed');
      focusAfterRender('manage-open-error');
    } finally {
      setOpening(false);
    }
  }

  function onClose() {
    mailboxRef.current = null;
    resetActions();
    setCode('');
    setCodeError(null);
    setOpenError(null);
    setView({ name: 'enter' });
    setClosedNotice(true);
    focusAfterRender('manage-closed');
  }

  async function onConfirmCancel() {
    const mailboxId = mailboxRef.current;
    if (busy || !mailboxId) return;
    setBusy(true);
    setActionFailed(false);
    try {
      const response = await postJson('/api/mailbox/appointment/cancel', { mailboxId }, await proofHeaders('change'));
      if (mailboxRef.current !== mailboxId) return;
      // 404: there is no appointment under this code any more either.
      if (response.status === 429) {
        setActionFailed('busy');
        focusAfterRender('manage-action-error');
        return;
      }
      if (response.status !== 204 && response.status !== 404) throw new Error(`status ${response.status}`);
      mailboxRef.current = null;
      resetActions();
      setView({ name: 'cancelled' });
      focusAfterRender('manage-cancelled-heading');
    } catch {
      setActionFailed('failed');
      focusAfterRender('manage-action-error');
    } finally {
      setBusy(false);
    }
  }

  async function onReschedule(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const mailboxId = mailboxRef.current;
    if (busy || !mailboxId || view.name !== 'opened' || !view.opened.appointment) return;
    const current = view.opened.appointment;
    if (!newSlot) {
      setSlotError(s('booking.error.slot'));
      setActionFailed(false);
      focusAfterRender('manage-error-summary');
      return;
    }
    setSlotError(null);
    setActionFailed(false);
    setBusy(true);
    try {
      const response = await postJson('/api/mailbox/appointment/reschedule', { mailboxId, slotId: newSlot.id }, await proofHeaders('change'));
      if (mailboxRef.current !== mailboxId) return;
      if (response.status === 200) {
        const parsed = v.safeParse(v.object({ appointment: Slot }), await response.json());
        const appointment = parsed.success ? parsed.output.appointment : { ...newSlot, status: 'booked' };
        setView({ name: 'opened', opened: { ...view.opened, appointment } });
        resetActions();
        setRescheduled(true);
        focusAfterRender('manage-rescheduled');
        return;
      }
      if (response.status === 409) {
        const { alternatives: list } = await alternativesOf(response, current.teamId, current.type);
        setAlternatives(list.filter((a) => a.id !== newSlot.id && a.id !== current.id));
        setNewSlot(null);
        focusAfterRender('manage-taken');
        return;
      }
      if (response.status === 429) {
        setActionFailed('busy');
        focusAfterRender('manage-action-error');
        return;
      }
      throw new Error(`status ${response.status}`);
    } catch {
      setActionFailed('failed');
      focusAfterRender('manage-action-error');
    } finally {
      setBusy(false);
    }
  }

  // ---------------------------------------------------------------- cancelled
  if (view.name === 'cancelled') {
    return (
      <section class="achterom-booking" data-testid="manage-cancelled">
        <div class="achterom-booking-notice utrecht-alert utrecht-alert--info">
          <h2 class="achterom-booking-notice__heading" id="manage-cancelled-heading" tabIndex={-1}>
            {s('manage.cancelled.heading')}
          </h2>
          <p>{s('manage.cancelled.text')}</p>
        </div>
        <p>
          <a href={bookingHref}>{s('manage.newAppointment')}</a>
        </p>
      </section>
    );
  }

  // ---------------------------------------------------------------- a question's code
  if (view.name === 'question') {
    return (
      <section class="achterom-booking" data-testid="manage-question">
        <div class="achterom-booking-notice utrecht-alert utrecht-alert--info" id="manage-question" tabIndex={-1}>
          <p class="achterom-booking-notice__text">{s('manage.error.question')}</p>
          <p>
            <a href={mailboxHref}>{s('manage.questionLink')}</a>
          </p>
        </div>
        <p>
          <button type="button" class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" onClick={onClose}>
            {s('manage.close.button')}
          </button>
        </p>
      </section>
    );
  }

  // ---------------------------------------------------------------- opened
  if (view.name === 'opened') {
    const { opened } = view;
    const appointment = opened.appointment;
    const details = opened.details;
    const empty = <span class="achterom-booking__empty">{s('booking.summary.empty')}</span>;
    const row = (label: string, value: string | JSX.Element, testId?: string) => (
      <div class="achterom-summary-list__row">
        <dt class="achterom-summary-list__key">{label}</dt>
        <dd class="achterom-summary-list__value" data-testid={testId}>
          {value}
        </dd>
      </div>
    );
    const actionError = actionFailed && !busy && (
      <Alert id="manage-action-error" testId="manage-action-error">
        <p class="achterom-alert__text">
          {s(actionFailed === 'busy' ? 'booking.error.busy' : mode === 'reschedule' ? 'manage.reschedule.error' : 'manage.cancel.error')}
        </p>
      </Alert>
    );
    const status = (text: string) => (
      <p class="achterom-status" role="status" aria-live="polite">
        {busy && <Spinner />}
        {busy ? text : ''}
      </p>
    );

    return (
      <div class="achterom-booking achterom-manage" data-testid="manage-opened">
        <section class="achterom-manage__section">
          <h2 id="manage-heading" tabIndex={-1}>
            {s('booking.appointment.heading')}
          </h2>
          {rescheduled && appointment && (
            <div class="achterom-booking-notice utrecht-alert utrecht-alert--info" id="manage-rescheduled" tabIndex={-1} data-testid="manage-rescheduled">
              <p class="achterom-booking-notice__text">{format(s('manage.rescheduled'), { when: dates.when(appointment.startsAt) })}</p>
            </div>
          )}
          {appointment ? (
            <>
              <AppointmentSummary s={strings} dates={dates} appointment={appointment} />
              <CalendarButton s={strings} appointment={appointment} />
            </>
          ) : (
            <div class="achterom-booking-notice utrecht-alert utrecht-alert--info" data-testid="manage-none">
              <p class="achterom-booking-notice__text">{s('manage.none')}</p>
              <p>
                <a href={bookingHref}>{s('manage.newAppointment')}</a>
              </p>
            </div>
          )}
        </section>

        {opened.messages.length > 0 && (
          <section class="achterom-manage__section" aria-labelledby="manage-messages-heading" data-testid="manage-messages">
            <h2 id="manage-messages-heading">{s('manage.messages.heading')}</h2>
            <MessageList
              messages={opened.messages}
              labels={{ team: s('mailbox.message.team'), you: s('mailbox.message.you'), unreadable: s('mailbox.message.unreadable') }}
              formatInstant={dates.when}
              formatDay={dates.localDay}
            />
          </section>
        )}

        {appointment && (
          <div class="achterom-manage__section">
            {mode === 'view' && (
              <div class="achterom-manage__actions">
                <button
                  type="button"
                  class="achterom-button utrecht-button utrecht-button--primary-action"
                  id="reschedule-button"
                  disabled={!hydrated}
                  onClick={() => {
                    resetActions();
                    setMode('reschedule');
                    focusAfterRender('reschedule-heading');
                  }}
                >
                  {s('manage.reschedule.button')}
                </button>
                <button
                  type="button"
                  class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
                  id="cancel-button"
                  disabled={!hydrated}
                  onClick={() => {
                    resetActions();
                    setMode('confirmCancel');
                    focusAfterRender('cancel-confirm-heading');
                  }}
                >
                  {s('manage.cancel.button')}
                </button>
              </div>
            )}

            {mode === 'confirmCancel' && (
              <div class="achterom-manage__confirm" data-testid="manage-cancel-confirm">
                <h2 id="cancel-confirm-heading" tabIndex={-1}>
                  {s('manage.cancel.confirm.heading')}
                </h2>
                <p>{s('manage.cancel.confirm.text')}</p>
                {actionError}
                <div class="achterom-manage__actions">
                  <button type="button" class="achterom-button achterom-button--warning utrecht-button utrecht-button--primary-action" aria-disabled={busy ? 'true' : undefined} onClick={onConfirmCancel}>
                    {s('manage.cancel.confirm.yes')}
                  </button>
                  <button
                    type="button"
                    class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
                    aria-disabled={busy ? 'true' : undefined}
                    onClick={() => {
                      if (busy) return;
                      resetActions();
                      focusAfterRender('cancel-button');
                    }}
                  >
                    {s('manage.cancel.confirm.no')}
                  </button>
                </div>
                {status(s('manage.cancel.busy'))}
              </div>
            )}

            {mode === 'reschedule' && (
              <form class="achterom-manage__reschedule" method="post" noValidate onSubmit={onReschedule} data-testid="manage-reschedule">
                <h2 id="reschedule-heading" tabIndex={-1}>
                  {s('manage.reschedule.heading')}
                </h2>
                <p>{s('manage.reschedule.keep')}</p>
                <ErrorSummary
                  id="manage-error-summary"
                  title={s('form.errorSummary.title')}
                  errors={slotError && hydrated ? [{ target: alternatives?.[0] ? slotRadioId('reschedule-alternative', alternatives[0].id) : firstSlotControl('reschedule'), text: slotError }] : []}
                />
                {actionError}
                {alternatives && (
                  <div class="achterom-manage__taken">
                    <Alert id="manage-taken" testId="manage-taken">
                      <p class="achterom-alert__text">{s('manage.reschedule.taken')}</p>
                    </Alert>
                    {alternatives.length > 0 ? (
                      <fieldset class="achterom-form-field utrecht-form-field">
                        <legend class="achterom-form-field__legend utrecht-form-label">{s('booking.taken.legend')}</legend>
                        <SlotList
                          slots={alternatives}
                          selectedId={newSlot?.id ?? null}
                          onSelect={setNewSlot}
                          dates={dates}
                          name="reschedule-alternative"
                          idPrefix="reschedule-alternative"
                          disabled={!hydrated}
                          errorId={slotError ? 'reschedule-error' : undefined}
                        />
                      </fieldset>
                    ) : (
                      <p>{s('booking.taken.none')}</p>
                    )}
                  </div>
                )}
                <div class={`achterom-form-field utrecht-form-field${slotError ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
                  <FieldError id="reschedule-error" prefix={s('form.errorPrefix')} text={slotError ?? undefined} />
                  <WeekSlotPicker
                    s={strings}
                    dates={dates}
                    teamId={appointment.teamId}
                    type={appointment.type}
                    week={week}
                    onWeekChange={setWeek}
                    selected={newSlot}
                    onSelect={(slot) => {
                      setNewSlot(slot);
                    }}
                    disabled={!hydrated}
                    idPrefix="reschedule"
                    errorId={slotError ? 'reschedule-error' : undefined}
                  />
                </div>
                <div class="achterom-manage__actions">
                  <button type="submit" class="achterom-button utrecht-button utrecht-button--primary-action" aria-disabled={busy ? 'true' : undefined}>
                    {s('manage.reschedule.submit')}
                  </button>
                  <button
                    type="button"
                    class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
                    aria-disabled={busy ? 'true' : undefined}
                    onClick={() => {
                      if (busy) return;
                      resetActions();
                      focusAfterRender('reschedule-button');
                    }}
                  >
                    {s('manage.reschedule.cancel')}
                  </button>
                </div>
                {status(s('manage.reschedule.busy'))}
              </form>
            )}
          </div>
        )}

        {appointment && (
          <AppointmentInstructions s={strings} lang={lang} dates={dates} appointment={appointment} videoRoomId={details?.videoRoomId} />
        )}

        <section class="achterom-manage__section" aria-labelledby="manage-details-heading">
          <h2 id="manage-details-heading">{s('manage.details.heading')}</h2>
          {details ? (
            <dl class="achterom-summary-list" data-testid="manage-details">
              {row(s('booking.summary.name'), details.name ? <bdi>{details.name}</bdi> : empty)}
              {row(s('booking.summary.phone'), details.phone ? <bdi dir="ltr">{details.phone}</bdi> : empty)}
              {row(s('booking.summary.about'), details.about ? <span class="achterom-booking__text" dir="auto">{details.about}</span> : empty, 'manage-about')}
              {row(
                s('booking.summary.interpreter'),
                details.interpreter.needed
                  ? format(s('booking.summary.interpreter.yes'), { language: details.interpreter.language })
                  : s('booking.summary.interpreter.no'),
              )}
              {row(s('booking.summary.consent'), s(details.consent === 'handler' ? 'booking.consent.handler' : 'booking.consent.team'))}
            </dl>
          ) : (
            <p>{s('manage.details.unreadable')}</p>
          )}
        </section>

        <section class="achterom-manage__section" aria-labelledby="manage-close-heading">
          <h2 id="manage-close-heading">{s('manage.close.heading')}</h2>
          <p>{s('manage.close.text')}</p>
          <button type="button" class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" onClick={onClose}>
            {s('manage.close.button')}
          </button>
        </section>
      </div>
    );
  }

  // ---------------------------------------------------------------- enter the code
  const disabled = !hydrated;
  return (
    <form class="achterom-form achterom-booking" method="post" noValidate onSubmit={onOpen} data-testid="manage-enter">
      {closedNotice && (
        <div class="achterom-booking-notice utrecht-alert utrecht-alert--info" id="manage-closed" tabIndex={-1} data-testid="manage-closed">
          <p class="achterom-booking-notice__text">{s('manage.closed')}</p>
        </div>
      )}

      <ErrorSummary id="manage-error-summary" title={s('form.errorSummary.title')} errors={codeError ? [{ target: 'code', text: codeError }] : []} />

      {openError && !opening && (
        <Alert id="manage-open-error" testId={openError === 'notFound' ? 'manage-not-found' : `manage-open-${openError}`}>
          <p class="achterom-alert__text">
            {openError === 'timeout'
              ? format(s('wait.timeout'), { phone: WOT_PHONE.numbers[0] ?? '' })
              : s(openError === 'notFound' ? 'manage.error.notFound' : openError === 'busy' ? 'booking.error.busy' : 'manage.error.open')}
          </p>
          {openError === 'notFound' && (
            <p>
              <a href={bookingHref}>{s('manage.newAppointment')}</a>
            </p>
          )}
        </Alert>
      )}

      <TextField
        id="code"
        size="code"
        dir="ltr"
        inputMode="numeric"
        label={s('manage.code.label')}
        hint={s('manage.code.hint')}
        value={code}
        error={codeError ?? undefined}
        errorPrefix={s('form.errorPrefix')}
        disabled={disabled}
        describedByExtra={openError && !opening && 'manage-open-error'}
        onInput={setCode}
      />

      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={opening ? 'true' : undefined}>
        {s('manage.open')}
      </button>
      <p class="achterom-status" role="status" aria-live="polite">
        {opening && <Spinner />}
        {opening ? s('manage.status.opening') : ''}
      </p>

      <p class="achterom-manage__lost">
        {s('manage.code.lost')} <a href={bookingHref}>{s('manage.newAppointment')}</a>
      </p>
    </form>
  );
}
