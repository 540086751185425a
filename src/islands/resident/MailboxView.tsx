// The resident's mailbox: open a question with the 16-digit code, read the answers, send a
// follow-up, see who looked at it (by role and day), delete everything, or close it.
// The code never leaves the browser: it is stretched into a mailbox id (sent) and a case key
// (kept in memory only, wiped on close, delete and page hide). Nothing is stored anywhere.
// libsodium is loaded on the button press through loadSodium(), never imported statically here.
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from '../shared/withDeadline';
import { WOT_PHONE } from '../../components/helplines';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { MessagePayload } from '../../lib/schemas/messagePayload';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { normalizeCaseCode } from '../../lib/crypto/caseCode';
import { deriveCaseKeys } from '../../lib/crypto/deriveCaseKeys';
import { sealMessage } from '../../lib/crypto/caseMessages';
import { proofHeaders } from '../../lib/pow/proofHeaders';
import { format } from '../../lib/i18n/format';
import type { Lang } from '../../lib/i18n/locale';
import type { MailboxViewStrings } from './mailboxViewStrings';
import { MailboxResponse } from './mailboxResponse';
import { ErrorIcon, Spinner } from '../Icon';
import type { OpenedMessage } from '../shared/residentMessages';
import { focusField, nextPaint } from '../focus';
import '../../styles/forms.css';
import '../../styles/mailbox.css';
import { TextField } from '../shared/fields/TextField';
import { OpenedView } from './mailbox/OpenedView';
import { makeDateFormats, nextSeq, openMailbox, type OpenedMailbox, type SendError, type SendPhase, type StringKey } from './mailbox/openedMailbox';

interface Props {
  lang: Lang;
  strings: MailboxViewStrings;
  /** Where to ask a new question, in the page's language. */
  questionHref: string;
}


/** What stays in memory while a mailbox is open. Wiped by forgetKeys(). */
interface OpenKeys {
  sodium: Sodium;
  mailboxId: string;
  caseKey: Uint8Array;
}

type View = { name: 'enter' } | { name: 'opened'; mailbox: OpenedMailbox } | { name: 'deleted' };
type OpenError = 'notFound' | 'failed' | 'timeout';

/** No cookie, no cache, no referrer: the resident leaves no trace in the browser or the request. */
function postJson(path: string, body: unknown, headers: Record<string, string> = {}, signal: AbortSignal = AbortSignal.timeout(RESIDENT_DEADLINE_MS)): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
  });
}

/** The API asks a spent-once proof of work for every lookup (a brake on guessing codes). */
const lookupProof = () => proofHeaders('lookup');

/** Fetches the sealed mailbox. Throws on network errors and unexpected answers. */
async function requestMailbox(mailboxId: string): Promise<MailboxResponse | 'notFound'> {
  const response = await postJson('/api/mailbox/open', { mailboxId }, await lookupProof());
  if (response.status === 404) return 'notFound';
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  const parsed = v.safeParse(MailboxResponse, await response.json());
  if (!parsed.success) throw new Error('unexpected mailbox answer');
  return parsed.output;
}

export default function MailboxView({ lang, strings, questionHref }: Props) {
  const s = (key: StringKey) => strings[key];
  const [dates] = useState(() => makeDateFormats(lang));

  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<View>({ name: 'enter' });

  // Entering the code
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<OpenError | null>(null);
  const [opening, setOpening] = useState(false);
  const [closedNotice, setClosedNotice] = useState(false);

  // An open mailbox
  const [followup, setFollowup] = useState('');
  const [followupError, setFollowupError] = useState<string | null>(null);
  const [sendPhase, setSendPhase] = useState<SendPhase>('idle');
  const [sendError, setSendError] = useState<SendError | null>(null);
  const [sentNotice, setSentNotice] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteFailed, setDeleteFailed] = useState(false);

  const keysRef = useRef<OpenKeys | null>(null);
  // A focus request is state, so its effect belongs to the render that shows the target
  // (a ref could be consumed by an older render's effect before the target exists).
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);

  /** Moves focus to an element once the render that puts it on the page is done. */
  function focusAfterRender(id: string) {
    setFocusRequest({ id });
  }

  // Runs after every render until the target exists (a render may come in between,
  // while the page is still busy), then once per request.
  const focusDone = useRef<{ id: string } | null>(null);
  useEffect(() => {
    if (!focusRequest || focusDone.current === focusRequest) return;
    const target = document.getElementById(focusRequest.id);
    if (!target) return;
    focusDone.current = focusRequest;
    target.focus();
  });

  function forgetKeys() {
    const keys = keysRef.current;
    if (keys) keys.sodium.memzero(keys.caseKey);
    keysRef.current = null;
  }

  function resetMailboxState() {
    setFollowup('');
    setFollowupError(null);
    setSendError(null);
    setSentNotice(false);
    setConfirmingDelete(false);
    setDeleteFailed(false);
  }

  // Controls render disabled on the server and are enabled once the island runs.
  // Leaving the page (or putting it in the back/forward cache) wipes keys and plaintext.
  useEffect(() => {
    setHydrated(true);
    const onPageHide = () => {
      forgetKeys();
      resetMailboxState();
      setCode('');
      setView({ name: 'enter' });
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      forgetKeys();
    };
  }, []);

  // Page title per state; errors are announced first, as on the question page.
  const stateTitle =
    view.name === 'opened' ? s('mailbox.opened.title') : view.name === 'deleted' ? s('mailbox.deleted.heading') : s('mailbox.title');
  const showsError =
    view.name === 'enter' ? Boolean(codeError || openError) : view.name === 'opened' ? Boolean(followupError || sendError || deleteFailed) : false;
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
      setCodeError(code.trim() === '' ? s('mailbox.error.code.empty') : s('mailbox.error.code.format'));
      setOpenError(null);
      focusAfterRender('mailbox-error-summary');
      return;
    }
    setCodeError(null);
    setOpenError(null);
    setOpening(true);
    try {
      await withDeadline(async (signal) => {
        await nextPaint();
        const sodium = await loadSodium();
        signal.throwIfAborted();
        const derived = deriveCaseKeys(sodium, normalized);
        const mailboxId = toBase64(sodium, derived.mailboxId);
        sodium.memzero(derived.mailboxId);
        let body: MailboxResponse | 'notFound';
        try {
          body = await requestMailbox(mailboxId);
        } catch (err) {
          sodium.memzero(derived.caseKey);
          throw err;
        }
        if (body === 'notFound') {
          sodium.memzero(derived.caseKey);
          setOpenError('notFound');
          focusAfterRender('mailbox-open-error');
          return;
        }
        const mailbox = openMailbox(sodium, derived.caseKey, body);
        forgetKeys();
        keysRef.current = { sodium, mailboxId, caseKey: derived.caseKey };
        // Opened: the typed code is no longer needed.
        setCode('');
        resetMailboxState();
        setView({ name: 'opened', mailbox });
        focusAfterRender('mailbox-state-heading');
      }, RESIDENT_DEADLINE_MS);
    } catch (err) {
      // Keep the typed code so the resident can simply try again.
      setOpenError(err instanceof DeadlineError ? 'timeout' : 'failed');
      focusAfterRender('mailbox-open-error');
    } finally {
      setOpening(false);
    }
  }

  /** Seals the follow-up for the next sequence number and posts it. */
  async function postFollowUp(keys: OpenKeys, mailbox: OpenedMailbox, payloadJson: string) {
    const seq = nextSeq(mailbox);
    const sealed = sealMessage(keys.sodium, keys.caseKey, { caseId: mailbox.caseId, direction: 'resident', seq }, payloadJson);
    setSendPhase('sending');
    const response = await postJson('/api/mailbox/messages', { mailboxId: keys.mailboxId, seq, ...sealed }, await proofHeaders('change'));
    return { status: response.status, seq };
  }

  async function onSend(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const keys = keysRef.current;
    if (!hydrated || sendPhase !== 'idle' || view.name !== 'opened' || !keys) return;
    setSentNotice(false);
    setSendError(null);
    const parsed = v.safeParse(MessagePayload, { text: followup, sentAt: new Date().toISOString() });
    if (!parsed.success) {
      const tooLong = parsed.issues.some((issue) => issue.message === 'message.tooLong');
      setFollowupError(s(tooLong ? 'mailbox.followup.error.tooLong' : 'mailbox.followup.error.empty'));
      focusAfterRender('followup-error-summary');
      return;
    }
    setFollowupError(null);
    setSendPhase('encrypting');
    const payload = parsed.output;
    const payloadJson = JSON.stringify(payload);
    try {
      await nextPaint();
      let mailbox = view.mailbox;
      let result = await postFollowUp(keys, mailbox, payloadJson);
      if (result.status === 409) {
        // Someone else wrote in the meantime: read the mailbox again and retry once.
        const fresh = await requestMailbox(keys.mailboxId);
        if (keysRef.current !== keys) return;
        if (fresh === 'notFound') {
          result = { status: 404, seq: 0 };
        } else {
          mailbox = openMailbox(keys.sodium, keys.caseKey, fresh);
          setView({ name: 'opened', mailbox });
          result = await postFollowUp(keys, mailbox, payloadJson);
        }
      }
      if (keysRef.current !== keys) return; // closed while sending
      if (result.status === 201) {
        const sent: OpenedMessage = { seq: result.seq, direction: 'resident', text: payload.text, sentAt: payload.sentAt, createdDay: payload.sentAt.slice(0, 10) };
        setView((current) =>
          current.name === 'opened' ? { name: 'opened', mailbox: { ...current.mailbox, messages: [...current.mailbox.messages, sent] } } : current,
        );
        setFollowup('');
        setSentNotice(true);
        focusAfterRender('followup-sent');
      } else {
        setSendError(result.status === 404 ? 'gone' : result.status === 429 ? 'tooMany' : 'failed');
        focusAfterRender('followup-send-error');
      }
    } catch {
      if (keysRef.current !== keys) return;
      // Keep the text so the resident can simply try again.
      setSendError('failed');
      focusAfterRender('followup-send-error');
    } finally {
      setSendPhase('idle');
    }
  }

  async function onConfirmDelete() {
    const keys = keysRef.current;
    if (deleting || !keys) return;
    setDeleting(true);
    setDeleteFailed(false);
    try {
      const response = await postJson('/api/mailbox/delete', { mailboxId: keys.mailboxId }, await proofHeaders('change'));
      if (keysRef.current !== keys) return;
      // 404: there is nothing left under this code either.
      if (response.status !== 204 && response.status !== 404) throw new Error(`status ${response.status}`);
      forgetKeys();
      resetMailboxState();
      setCode('');
      setView({ name: 'deleted' });
      focusAfterRender('mailbox-deleted-heading');
    } catch {
      setDeleteFailed(true);
      focusAfterRender('delete-error');
    } finally {
      setDeleting(false);
    }
  }

  function onClose() {
    forgetKeys();
    resetMailboxState();
    setCode('');
    setCodeError(null);
    setOpenError(null);
    setView({ name: 'enter' });
    setClosedNotice(true);
    focusAfterRender('mailbox-closed');
  }

  if (view.name === 'deleted') {
    return (
      <section class="achterom-mailbox achterom-mailbox--deleted" data-testid="mailbox-deleted">
        <div class="achterom-notice utrecht-alert utrecht-alert--info">
          <h2 class="achterom-notice__heading" id="mailbox-deleted-heading" tabIndex={-1}>
            {s('mailbox.deleted.heading')}
          </h2>
          <p>{s('mailbox.deleted.text')}</p>
        </div>
        <p>
          {s('mailbox.deleted.again')} <a href={questionHref}>{s('mailbox.newQuestion')}</a>
        </p>
      </section>
    );
  }

  if (view.name === 'opened') {
    return (
      <OpenedView
        s={s}
        dates={dates}
        mailbox={view.mailbox}
        followup={followup}
        setFollowup={setFollowup}
        followupError={followupError}
        sendPhase={sendPhase}
        sendError={sendError}
        sentNotice={sentNotice}
        onSend={onSend}
        confirmingDelete={confirmingDelete}
        onAskDelete={() => {
          setDeleteFailed(false);
          setConfirmingDelete(true);
          focusAfterRender('delete-confirm-heading');
        }}
        onCancelDelete={() => {
          if (deleting) return;
          setDeleteFailed(false);
          setConfirmingDelete(false);
          focusAfterRender('delete-button');
        }}
        onConfirmDelete={onConfirmDelete}
        deleting={deleting}
        deleteFailed={deleteFailed}
        onClose={onClose}
      />
    );
  }

  const disabled = !hydrated;
  return (
    <form class="achterom-form achterom-mailbox__open" method="post" noValidate onSubmit={onOpen}>
      {closedNotice && (
        <div class="achterom-notice utrecht-alert utrecht-alert--info" id="mailbox-closed" tabIndex={-1} data-testid="mailbox-closed">
          <p class="achterom-notice__text">{s('mailbox.closed')}</p>
        </div>
      )}

      {codeError && (
        <div class="achterom-error-summary" id="mailbox-error-summary" tabIndex={-1} aria-labelledby="error-summary-title">
          <h2 class="achterom-error-summary__title" id="error-summary-title">
            <ErrorIcon />
            <span>{s('form.errorSummary.title')}</span>
          </h2>
          <ul class="achterom-error-summary__list">
            <li>
              <a
                href="#code"
                onClick={(e) => {
                  e.preventDefault();
                  focusField('code');
                }}
              >
                {codeError}
              </a>
            </li>
          </ul>
        </div>
      )}

      {openError && !opening && (
        <div class="achterom-alert utrecht-alert utrecht-alert--error" id="mailbox-open-error" tabIndex={-1} data-testid={openError === 'notFound' ? 'mailbox-not-found' : 'mailbox-open-failed'}>
          <ErrorIcon />
          <div class="achterom-alert__body">
            <p class="achterom-alert__text">
              {openError === 'timeout' ? format(s('wait.timeout'), { phone: WOT_PHONE.numbers[0] ?? '' }) : s(openError === 'notFound' ? 'mailbox.error.notFound' : 'mailbox.error.open')}
            </p>
            {openError === 'notFound' && (
              <p class="achterom-alert__link">
                <a href={questionHref}>{s('mailbox.newQuestion')}</a>
              </p>
            )}
          </div>
        </div>
      )}

      <TextField
        id="code"
        size="code"
        dir="ltr"
        inputMode="numeric"
        label={s('mailbox.code.label')}
        hint={s('mailbox.code.hint')}
        value={code}
        error={codeError ?? undefined}
        errorPrefix={s('form.errorPrefix')}
        disabled={disabled}
        describedByExtra={openError && !opening && 'mailbox-open-error'}
        onInput={setCode}
      />

      <button class="achterom-button achterom-button--large utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={opening ? 'true' : undefined}>
        {s('mailbox.open')}
      </button>
      <p class="achterom-status" role="status" aria-live="polite">
        {opening && <Spinner />}
        {opening ? s('mailbox.status.opening') : ''}
      </p>

      {openError !== 'notFound' && (
        <p class="achterom-mailbox__lost">
          {s('mailbox.code.lost')} <a href={questionHref}>{s('mailbox.newQuestion')}</a>
        </p>
      )}
    </form>
  );
}
