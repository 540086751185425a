// The resident's question form. Everything typed stays in this component's memory; it is
// validated with the shared schema, sealed in the browser and only ciphertext is sent.
// libsodium is loaded on submit through loadSodium(), never imported statically here.
import type { JSX } from 'preact';
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from '../shared/withDeadline';
import { WOT_PHONE } from '../../components/helplines';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { QUESTION_MAX_CHARS, QuestionPayload } from '../../lib/schemas/questionPayload';
import { UNKNOWN_NEIGHBOURHOOD_ID, teamForNeighbourhood, teams } from '../../lib/config/teams';
import { loadSodium } from '../../lib/crypto/sodium';
import { proofHeaders } from '../../lib/pow/proofHeaders';
import { generateCaseCode } from '../../lib/crypto/caseCode';
import { sealCaseForTeam } from '../../lib/crypto/caseEnvelope';
import { format, formatParts } from '../../lib/i18n/format';
import { localizedPath, type Lang } from '../../lib/i18n/locale';
import type { QuestionFormStrings } from './questionFormStrings';
import { ErrorIcon, Spinner } from '../Icon';
import { focusField, nextPaint } from '../focus';
import '../../styles/forms.css';
import { CaseCodePanel, caseCodeLabels } from '../shared/CaseCodePanel';
import { isTeamBusy, sendWithProof } from '../shared/sendWithProof';
import { RadioGroupField } from '../shared/fields/RadioGroupField';
import { TextField } from '../shared/fields/TextField';
import { describedBy } from '../shared/fields/FieldError';

interface Props {
  lang: Lang;
  strings: QuestionFormStrings;
}

type Field = 'neighbourhood' | 'question' | 'phone' | 'email' | 'consent';
type ContactMethod = 'portal' | 'phone' | 'email';
type ConsentChoice = 'handler' | 'team';
type Errors = Partial<Record<Field, string>>;
type StringKey = keyof QuestionFormStrings;

/** Order of the error summary = order on the page. */
const FIELD_ORDER: readonly Field[] = ['neighbourhood', 'question', 'phone', 'email', 'consent'];

/** The control an error summary link focuses. */
const FIELD_TARGET: Record<Field, string> = {
  neighbourhood: 'neighbourhood',
  question: 'question',
  phone: 'phone',
  email: 'email',
  consent: 'consent-handler',
};

/** Schema issue messages are keys; this maps them to translated strings. */
const ISSUE_MESSAGES: Record<string, StringKey> = {
  neighbourhood: 'form.error.neighbourhood',
  'question.empty': 'form.error.question.empty',
  'question.tooLong': 'form.error.question.tooLong',
  'contact.phone': 'form.error.contact.phone',
  'contact.email': 'form.error.contact.email',
  consent: 'form.error.consent',
};

/** Fallback text per field when an issue has a message we do not know. */
const FIELD_MESSAGES: Record<Field, StringKey> = {
  neighbourhood: 'form.error.neighbourhood',
  question: 'form.error.question.empty',
  phone: 'form.error.contact.phone',
  email: 'form.error.contact.email',
  consent: 'form.error.consent',
};

function fieldOfPath(path: string): Field | null {
  if (path === 'neighbourhood') return 'neighbourhood';
  if (path === 'question') return 'question';
  if (path === 'contact.phone') return 'phone';
  if (path === 'contact.email') return 'email';
  if (path === 'consent') return 'consent';
  return null;
}

interface Sent {
  code: string;
  teamName: string;
  contact: ContactMethod;
}

type Phase = 'idle' | 'encrypting' | 'sending';

export default function QuestionForm({ lang, strings }: Props) {
  const s = (key: StringKey) => strings[key];

  const [hydrated, setHydrated] = useState(false);
  const [neighbourhood, setNeighbourhood] = useState('');
  const [question, setQuestion] = useState('');
  const [contact, setContact] = useState<ContactMethod>('portal');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState<ConsentChoice | ''>('');
  const [errors, setErrors] = useState<Errors>({});
  const [errorRound, setErrorRound] = useState(0);
  const [phase, setPhase] = useState<Phase>('idle');
  const [sendFailed, setSendFailed] = useState(0);
  /** The last attempt ran out of time (a stalled script or request), rather than failing. */
  const [timedOut, setTimedOut] = useState(false);
  /** The team takes no more online questions for now (a flood): the page gives the phone number. */
  const [teamBusy, setTeamBusy] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);

  const summaryRef = useRef<HTMLDivElement>(null);
  const sendErrorRef = useRef<HTMLDivElement>(null);
  const doneHeadingRef = useRef<HTMLHeadingElement>(null);
  const baseTitle = useRef('');

  // Controls render disabled on the server and are enabled once the island runs.
  useEffect(() => {
    baseTitle.current = document.title;
    setHydrated(true);
  }, []);

  const errorFields = FIELD_ORDER.filter((f) => errors[f]);
  const hasErrors = errorFields.length > 0;

  useEffect(() => {
    if (errorRound === 0) return;
    document.title = hasErrors ? `${s('form.errorTitlePrefix')}: ${baseTitle.current}` : baseTitle.current;
    if (hasErrors) summaryRef.current?.focus();
  }, [errorRound]);

  useEffect(() => {
    if (sendFailed > 0) sendErrorRef.current?.focus();
  }, [sendFailed]);

  // Sent: the page says so in its title and main heading too (not "Stel uw vraag"),
  // and the code's own heading takes the focus.
  useEffect(() => {
    if (!sent) return;
    document.title = `${s('done.heading')} – ${s('site.titleSuffix')}`;
    const pageHeading = document.querySelector('main h1');
    if (pageHeading) pageHeading.textContent = s('done.heading');
    doneHeadingRef.current?.focus();
  }, [sent]);

  function buildPayload() {
    const contactValue =
      contact === 'phone' ? { method: 'phone', phone } : contact === 'email' ? { method: 'email', email } : { method: 'portal' };
    return {
      type: 'question',
      neighbourhood,
      question,
      contact: contactValue,
      consent: consent === '' ? undefined : consent,
      submittedAt: new Date().toISOString(),
      language: lang,
    };
  }

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || phase !== 'idle') return;

    const result = v.safeParse(QuestionPayload, buildPayload());
    if (!result.success) {
      const next: Errors = {};
      for (const issue of result.issues) {
        const field = fieldOfPath(v.getDotPath(issue) ?? '');
        if (!field || next[field]) continue;
        const key = ISSUE_MESSAGES[issue.message] ?? FIELD_MESSAGES[field];
        next[field] = s(key);
      }
      if (Object.keys(next).length === 0) next.question = s('form.error.generic');
      setErrors(next);
      setSendFailed(0);
      setErrorRound((n) => n + 1);
      return;
    }

    const payload = result.output;
    const team = teamForNeighbourhood(payload.neighbourhood);
    if (!team) {
      setErrors({ neighbourhood: s('form.error.neighbourhood') });
      setErrorRound((n) => n + 1);
      return;
    }
    if (hasErrors) {
      setErrors({});
      setErrorRound((n) => n + 1);
    }

    setPhase('encrypting');
    setTimedOut(false);
    setTeamBusy(false);
    try {
      await withDeadline(async (signal) => {
        await nextPaint();
        // The proof of work (a brake on floods) runs while libsodium loads and derives.
        const proof = proofHeaders('case', team.id);
        proof.catch(() => undefined);
        const sodium = await loadSodium();
        const code = generateCaseCode(sodium);
        const envelope = sealCaseForTeam(sodium, team, {
          code,
          kind: 'question',
          consent: payload.consent,
          payloadJson: JSON.stringify(payload),
        });
        // Past the deadline nothing more happens: no late send behind an error message.
        signal.throwIfAborted();
        setPhase('sending');
        const response = await sendWithProof('case', team.id, proof, (headers) =>
          fetch('/api/cases', {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify(envelope),
            credentials: 'omit',
            cache: 'no-store',
            referrerPolicy: 'no-referrer',
            signal,
          }),
        );
        if (await isTeamBusy(response)) {
          setTeamBusy(true);
          throw new Error('team busy');
        }
        if (response.status !== 201) throw new Error(`status ${response.status}`);
        // Sent: forget what was typed; keep only the code (in memory) to show it once.
        setSent({ code, teamName: team.name, contact: payload.contact.method });
        setQuestion('');
        setPhone('');
        setEmail('');
      }, RESIDENT_DEADLINE_MS);
    } catch (err) {
      // Keep everything the resident typed so they can simply try again.
      setTimedOut(err instanceof DeadlineError);
      setSendFailed((n) => n + 1);
    } finally {
      setPhase('idle');
    }
  }

  if (sent) {
    return (
      <section class="achterom-confirmation" aria-labelledby="confirmation-heading">
        <CaseCodePanel code={sent.code} heading={s('done.codeLabel')} headingRef={doneHeadingRef} labels={caseCodeLabels(strings)} />
        <div class="achterom-callout achterom-callout--warning utrecht-alert utrecht-alert--warning">
          <p>
            <strong>{s('done.writeDown')}</strong>
          </p>
          <ul>
            <li>{s('done.noRecovery')}</li>
            <li>{s('done.noCodeNoAnswer')}</li>
            <li>{s('done.sharedDevice')}</li>
          </ul>
        </div>
        <h2>{s('done.next.heading')}</h2>
        <ul>
          <li>{formatParts(s('done.next.read'), { team: <bdi>{sent.teamName}</bdi> })}</li>
          {sent.contact === 'phone' && <li>{s('done.next.phone')}</li>}
          {sent.contact === 'email' && <li>{s('done.next.email')}</li>}
          <li>{s('done.next.portal')}</li>
        </ul>
        <p>
          {s('done.mailbox.text')} <a href={localizedPath(lang, 'mijn-vraag/')}>{s('done.mailbox.link')}</a>.
        </p>
        <p>{s('done.close')}</p>
      </section>
    );
  }

  const disabled = !hydrated;
  const busy = phase !== 'idle';
  const remaining = QUESTION_MAX_CHARS - question.length;
  const statusText = phase === 'encrypting' ? s('form.status.encrypting') : phase === 'sending' ? s('form.status.sending') : '';
  const errorId = (f: Field) => (errors[f] ? `${f}-error` : undefined);

  const errorText = (f: Field) =>
    errors[f] ? (
      <p class="achterom-form-field__error utrecht-form-field-error-message" id={`${f}-error`}>
        <ErrorIcon />
        <span>
          <span class="achterom-visually-hidden">{s('form.errorPrefix')} </span>
          {errors[f]}
        </span>
      </p>
    ) : null;

  const fieldClass = (f: Field) => `achterom-form-field utrecht-form-field${errors[f] ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`;

  return (
    <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
      {hasErrors && (
        <div class="achterom-error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 class="achterom-error-summary__title" id="error-summary-title">
            <ErrorIcon />
            <span>{s('form.errorSummary.title')}</span>
          </h2>
          <ul class="achterom-error-summary__list">
            {errorFields.map((f) => (
              <li key={f}>
                <a
                  href={`#${FIELD_TARGET[f]}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(FIELD_TARGET[f]);
                  }}
                >
                  {errors[f]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div class={fieldClass('neighbourhood')}>
        <label class="achterom-form-field__label utrecht-form-label" for="neighbourhood">
          {s('form.neighbourhood.label')}
        </label>
        <p class="achterom-form-field__hint utrecht-form-field-description" id="neighbourhood-hint">
          {s('form.neighbourhood.hint')}
        </p>
        {errorText('neighbourhood')}
        <select
          class="achterom-select utrecht-select utrecht-select--html-select"
          id="neighbourhood"
          name="neighbourhood"
          value={neighbourhood}
          disabled={disabled}
          aria-describedby={describedBy('neighbourhood-hint', errorId('neighbourhood'))}
          aria-invalid={errors.neighbourhood ? 'true' : undefined}
          onChange={(e) => setNeighbourhood(e.currentTarget.value)}
        >
          <option value="">{s('form.neighbourhood.placeholder')}</option>
          <option value={UNKNOWN_NEIGHBOURHOOD_ID}>{s('form.neighbourhood.unknown')}</option>
          {teams
            .filter((team) => team.neighbourhoods.length > 0)
            .map((team) => (
              <optgroup key={team.id} label={team.name}>
                {team.neighbourhoods.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </div>

      <div class={fieldClass('question')}>
        <label class="achterom-form-field__label utrecht-form-label" for="question">
          {s('form.question.label')}
        </label>
        <p class="achterom-form-field__hint utrecht-form-field-description" id="question-hint">
          {s('form.question.hint')}
        </p>
        {errorText('question')}
        <textarea
          class="achterom-textarea utrecht-textarea utrecht-textarea--html-textarea"
          id="question"
          rows={8}
          value={question}
          disabled={disabled}
          spellcheck={false}
          autocomplete="off"
          dir="auto"
          aria-describedby={describedBy('question-hint', 'question-count', errorId('question'))}
          aria-invalid={errors.question ? 'true' : undefined}
          onInput={(e) => setQuestion(e.currentTarget.value)}
        />
        <p
          class={`achterom-form-field__count${remaining < 0 ? ' achterom-form-field__count--over' : ''}`}
          id="question-count"
        >
          {remaining >= 0
            ? format(s('form.question.remaining'), { count: remaining })
            : format(s('form.question.over'), { count: -remaining })}
        </p>
      </div>

      <fieldset class="achterom-form-field utrecht-form-field">
        <legend class="achterom-form-field__legend utrecht-form-label">{s('form.contact.legend')}</legend>
        <div class="achterom-radios">
          <div class="achterom-radios__item">
            <input
              class="achterom-radios__input utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id="contact-portal"
              name="contact"
              value="portal"
              checked={contact === 'portal'}
              disabled={disabled}
              onChange={() => setContact('portal')}
            />
            <label class="achterom-radios__label utrecht-form-label utrecht-form-label--radio" for="contact-portal">
              {s('form.contact.portal')}
            </label>
          </div>
          <div class="achterom-radios__item">
            <input
              class="achterom-radios__input utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id="contact-phone"
              name="contact"
              value="phone"
              checked={contact === 'phone'}
              disabled={disabled}
              aria-controls={contact === 'phone' ? 'contact-phone-details' : undefined}
              onChange={() => setContact('phone')}
            />
            <label class="achterom-radios__label utrecht-form-label utrecht-form-label--radio" for="contact-phone">
              {s('form.contact.phone')}
            </label>
          </div>
          {contact === 'phone' && (
            <div class="achterom-radios__conditional" id="contact-phone-details">
              <TextField
                id="phone"
                type="tel"
                inputMode="tel"
                dir="ltr"
                label={s('form.phone.label')}
                hint={s('form.contact.encrypted')}
                value={phone}
                error={errors.phone}
                errorPrefix={s('form.errorPrefix')}
                disabled={disabled}
                onInput={setPhone}
              />
            </div>
          )}
          <div class="achterom-radios__item">
            <input
              class="achterom-radios__input utrecht-radio-button utrecht-radio-button--html-input"
              type="radio"
              id="contact-email"
              name="contact"
              value="email"
              checked={contact === 'email'}
              disabled={disabled}
              aria-controls={contact === 'email' ? 'contact-email-details' : undefined}
              onChange={() => setContact('email')}
            />
            <label class="achterom-radios__label utrecht-form-label utrecht-form-label--radio" for="contact-email">
              {s('form.contact.email')}
            </label>
          </div>
          {contact === 'email' && (
            <div class="achterom-radios__conditional" id="contact-email-details">
              <TextField
                id="email"
                type="email"
                inputMode="email"
                dir="ltr"
                label={s('form.email.label')}
                hint={s('form.contact.encrypted')}
                value={email}
                error={errors.email}
                errorPrefix={s('form.errorPrefix')}
                disabled={disabled}
                onInput={setEmail}
              />
            </div>
          )}
        </div>
      </fieldset>

      <RadioGroupField
        name="consent"
        legend={s('form.consent.legend')}
        hint={s('form.consent.hint')}
        options={[
          { value: 'handler', label: s('form.consent.handler') },
          { value: 'team', label: s('form.consent.team') },
        ]}
        value={consent}
        error={errors.consent}
        errorPrefix={s('form.errorPrefix')}
        disabled={disabled}
        onChange={setConsent}
      />

      {sendFailed > 0 && !busy && (
        <div class="achterom-alert utrecht-alert utrecht-alert--error" tabIndex={-1} ref={sendErrorRef}>
          <ErrorIcon />
          <p class="achterom-alert__text" data-testid="send-error">
            {timedOut || teamBusy ? format(s(timedOut ? 'wait.timeout' : 'busy.team'), { phone: WOT_PHONE.numbers[0] ?? '' }) : s('form.error.send')}
          </p>
        </div>
      )}

      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
        {s('form.submit')}
      </button>
      <p class="achterom-status" role="status" aria-live="polite">
        {busy && <Spinner />}
        {statusText}
      </p>
    </form>
  );
}
