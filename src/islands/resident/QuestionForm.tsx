// The resident's question form. Everything typed stays in this component's memory; it is
// validated with the shared schema, sealed in the browser and only ciphertext is sent
// (question/sendQuestion.ts). libsodium is loaded on submit, never imported statically.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { QUESTION_MAX_CHARS } from '../../lib/schemas/questionPayload';
import { teamForNeighbourhood } from '../../lib/config/teams';
import { format } from '../../lib/i18n/format';
import type { Lang } from '../../lib/i18n/locale';
import { WOT_PHONE } from '../../components/helplines';
import type { QuestionFormStrings } from './questionFormStrings';
import { nextPaint } from '../focus';
import '../../styles/forms.css';
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from '../shared/withDeadline';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { NeighbourhoodField } from '../shared/fields/NeighbourhoodField';
import { TextareaField } from '../shared/fields/TextareaField';
import { FileField } from '../shared/fields/FileField';
import { useAttachments } from '../shared/attachments/useAttachments';
import { ContactChoice, NO_CONTACT, contactPayload, type ContactValue } from '../shared/ContactChoice';
import { ConsentChoice, type ConsentChoiceValue } from '../shared/ConsentChoice';
import { Alert } from '../shared/Alert';
import { StatusLine } from '../shared/StatusLine';
import { usePageHide } from '../shared/usePageHide';
import { errorFieldsInOrder, type FieldErrors } from '../shared/formErrors';
import { QUESTION_FIELDS, QUESTION_FIELD_TARGET, checkQuestion, type QuestionField } from './question/questionErrors';
import { sendQuestion } from './question/sendQuestion';
import { QuestionSent, type Sent } from './question/QuestionSent';

interface Props {
  lang: Lang;
  strings: QuestionFormStrings;
}

type Phase = 'idle' | 'encrypting' | 'sending';
/** Why the last send did not go through: each gets its own words (and the phone number). */
type SendProblem = 'failed' | 'timeout' | 'teamBusy';
/** Time per file on top of the usual wait: up to 10 MB each on a slow line. */
const FILE_DEADLINE_MS = 60_000;

export default function QuestionForm({ lang, strings: s }: Props) {
  const [hydrated, setHydrated] = useState(false);
  const [neighbourhood, setNeighbourhood] = useState('');
  const [question, setQuestion] = useState('');
  const [contact, setContact] = useState<ContactValue>(NO_CONTACT);
  const [consent, setConsent] = useState<ConsentChoiceValue | ''>('');
  const [errors, setErrors] = useState<FieldErrors<QuestionField>>({});
  const [errorRound, setErrorRound] = useState(0);
  const [phase, setPhase] = useState<Phase>('idle');
  const [sendProblem, setSendProblem] = useState<SendProblem | null>(null);
  const [sendRound, setSendRound] = useState(0);
  const [sent, setSent] = useState<Sent | null>(null);
  const attachments = useAttachments();

  const summaryRef = useRef<HTMLDivElement>(null);
  const sendErrorRef = useRef<HTMLDivElement>(null);
  const doneHeadingRef = useRef<HTMLHeadingElement>(null);
  const baseTitle = useRef('');
  const baseHeading = useRef('');

  // Controls render disabled on the server and are enabled once the island runs.
  useEffect(() => {
    baseTitle.current = document.title;
    baseHeading.current = document.querySelector('main h1')?.textContent ?? '';
    setHydrated(true);
  }, []);

  // Leaving the page (or the back/forward cache) forgets the question and the code, as the
  // mailbox and booking pages do: on a shared device, Back must not show either.
  usePageHide(() => {
    setSent(null);
    attachments.clear();
    setNeighbourhood('');
    setQuestion('');
    setContact(NO_CONTACT);
    setConsent('');
    setErrors({});
    setSendProblem(null);
    document.title = baseTitle.current;
    const pageHeading = document.querySelector('main h1');
    if (pageHeading && baseHeading.current) pageHeading.textContent = baseHeading.current;
  });

  const errorFields = errorFieldsInOrder(errors, QUESTION_FIELDS);
  const hasErrors = errorFields.length > 0;

  useEffect(() => {
    if (errorRound === 0) return;
    document.title = hasErrors ? `${s['form.errorTitlePrefix']}: ${baseTitle.current}` : baseTitle.current;
    if (hasErrors) summaryRef.current?.focus();
  }, [errorRound]);

  useEffect(() => {
    if (sendRound > 0) sendErrorRef.current?.focus();
  }, [sendRound]);

  // Sent: the page says so in its title and main heading too (not "Stel uw vraag"),
  // and the code's own heading takes the focus.
  useEffect(() => {
    if (!sent) return;
    document.title = `${s['done.heading']} – ${s['site.titleSuffix']}`;
    const pageHeading = document.querySelector('main h1');
    if (pageHeading) pageHeading.textContent = s['done.heading'];
    doneHeadingRef.current?.focus();
  }, [sent]);

  function showErrors(next: FieldErrors<QuestionField>) {
    setErrors(next);
    setErrorRound((n) => n + 1);
  }

  /** Keeps everything the resident typed so they can simply try again. */
  function failed(problem: SendProblem) {
    setSendProblem(problem);
    setSendRound((n) => n + 1);
  }

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || phase !== 'idle') return;

    const checked = checkQuestion(
      { type: 'question', neighbourhood, question, contact: contactPayload(contact), consent: consent || undefined, submittedAt: new Date().toISOString(), language: lang },
      s,
    );
    if (!checked.ok) {
      setSendProblem(null);
      return showErrors(checked.errors);
    }
    const team = teamForNeighbourhood(checked.payload.neighbourhood);
    if (!team) return showErrors({ neighbourhood: s['form.error.neighbourhood'] });
    if (hasErrors) showErrors({});

    setPhase('encrypting');
    setSendProblem(null);
    try {
      const outcome = await withDeadline(async (signal) => {
        await nextPaint();
        return sendQuestion({ team, payload: checked.payload, files: attachments.files, signal, onSending: () => setPhase('sending') });
      }, RESIDENT_DEADLINE_MS);
      if (outcome.kind === 'sent') {
        // Sent: forget what was typed; keep only the code (in memory) to show it once.
        const { sendFiles } = outcome;
        setSent({ code: outcome.code, teamName: team.name, contact: checked.payload.contact.method, files: sendFiles ? 'sending' : 'none' });
        setQuestion('');
        setContact(NO_CONTACT);
        attachments.clear();
        // The code is on screen first; then the files, each with a deadline of its own.
        if (sendFiles) {
          const files = (missing: number) => setSent((now) => (now ? { ...now, files: missing ? 'missing' : 'sent' } : now));
          withDeadline(sendFiles, RESIDENT_DEADLINE_MS + FILE_DEADLINE_MS * attachments.files.length).then(files, () => files(1));
        }
      } else failed(outcome.kind === 'teamBusy' ? 'teamBusy' : 'failed');
    } catch (err) {
      failed(err instanceof DeadlineError ? 'timeout' : 'failed');
    } finally {
      setPhase('idle');
    }
  }

  if (sent) return <QuestionSent lang={lang} strings={s} sent={sent} headingRef={doneHeadingRef} />;

  const disabled = !hydrated;
  const busy = phase !== 'idle';
  const remaining = QUESTION_MAX_CHARS - question.length;
  const errorPrefix = s['form.errorPrefix'];

  return (
    <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
      <ErrorSummary
        id="error-summary"
        title={s['form.errorSummary.title']}
        summaryRef={summaryRef}
        errors={errorFields.map((f) => ({ target: QUESTION_FIELD_TARGET[f], text: errors[f]! }))}
      />

      <NeighbourhoodField
        label={s['form.neighbourhood.label']}
        hint={s['form.neighbourhood.hint']}
        placeholder={s['form.neighbourhood.placeholder']}
        unknownLabel={s['form.neighbourhood.unknown']}
        value={neighbourhood}
        error={errors.neighbourhood}
        errorPrefix={errorPrefix}
        disabled={disabled}
        onChange={setNeighbourhood}
      />

      <TextareaField
        id="question"
        label={s['form.question.label']}
        hint={s['form.question.hint']}
        rows={8}
        value={question}
        error={errors.question}
        errorPrefix={errorPrefix}
        disabled={disabled}
        onInput={setQuestion}
        over={remaining < 0}
        countText={remaining >= 0 ? format(s['form.question.remaining'], { count: remaining }) : format(s['form.question.over'], { count: -remaining })}
      />

      <FileField
        id="files"
        strings={s}
        files={attachments.files}
        problems={attachments.problems}
        preparing={attachments.preparing}
        disabled={disabled || busy}
        onAdd={(files) => void attachments.add(files)}
        onRemove={attachments.remove}
      />

      <ContactChoice
        strings={{
          legend: s['form.contact.legend'],
          portal: s['form.contact.portal'],
          phone: s['form.contact.phone'],
          email: s['form.contact.email'],
          phoneLabel: s['form.phone.label'],
          emailLabel: s['form.email.label'],
          encrypted: s['form.contact.encrypted'],
        }}
        safety={s}
        value={contact}
        errors={errors}
        errorPrefix={errorPrefix}
        disabled={disabled}
        onChange={setContact}
      />

      <ConsentChoice
        legend={s['form.consent.legend']}
        hint={s['form.consent.hint']}
        handlerLabel={s['form.consent.handler']}
        teamLabel={s['form.consent.team']}
        value={consent}
        error={errors.consent}
        errorPrefix={errorPrefix}
        disabled={disabled}
        onChange={setConsent}
      />

      {sendProblem && !busy && (
        <Alert alertRef={sendErrorRef}>
          <p class="achterom-alert__text" data-testid="send-error">
            {sendProblem === 'failed' ? s['form.error.send'] : format(s[sendProblem === 'timeout' ? 'wait.timeout' : 'busy.team'], { phone: WOT_PHONE.numbers[0] ?? '' })}
          </p>
        </Alert>
      )}

      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
        {s['form.submit']}
      </button>
      <StatusLine busy={busy} text={phase === 'encrypting' ? s['form.status.encrypting'] : s['form.status.sending']} />
    </form>
  );
}
