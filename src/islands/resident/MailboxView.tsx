// The resident's mailbox: open a question with the 16-digit code, read the answers, send a
// follow-up, see who looked at it (by role and day), delete everything, or close it.
// The code never leaves the browser: it is stretched into a mailbox id (sent) and a case key
// (kept in memory only, wiped on close, delete and page hide). Nothing is stored anywhere.
// libsodium is loaded on the button press through loadSodium(), never imported statically here.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n/locale';
import type { MailboxViewStrings } from './mailboxViewStrings';
import { MailboxResponse } from './mailboxResponse';
import '../../styles/forms.css';
import '../../styles/mailbox.css';
import { InfoNotice } from '../shared/InfoNotice';
import { useFocusAfterRender } from '../shared/useFocusAfterRender';
import { usePageHide } from '../shared/usePageHide';
import { usePageTitle } from '../shared/usePageTitle';
import { CodeEntryForm } from './CodeEntryForm';
import { useCodeLookup } from './useCodeLookup';
import { OpenedView } from './mailbox/OpenedView';
import { makeDateFormats, openMailbox, type OpenKeys, type OpenedMailbox, type StringKey } from './mailbox/openedMailbox';
import { useDeletion } from './mailbox/useDeletion';
import { useFollowUp } from './mailbox/useFollowUp';

interface Props {
  lang: Lang;
  strings: MailboxViewStrings;
  /** Where to ask a new question, in the page's language. */
  questionHref: string;
}

type View = { name: 'enter' } | { name: 'opened'; mailbox: OpenedMailbox } | { name: 'deleted' };

export default function MailboxView({ lang, strings, questionHref }: Props) {
  const s = (key: StringKey) => strings[key];
  const [dates] = useState(() => makeDateFormats(lang));
  const focusAfterRender = useFocusAfterRender();

  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<View>({ name: 'enter' });
  const keysRef = useRef<OpenKeys | null>(null);

  function forgetKeys() {
    const keys = keysRef.current;
    if (keys) keys.sodium.memzero(keys.caseKey);
    keysRef.current = null;
  }

  const followUp = useFollowUp({
    s,
    hydrated,
    keysRef,
    mailbox: view.name === 'opened' ? view.mailbox : null,
    updateMailbox: (update) => setView((current) => (current.name === 'opened' ? { name: 'opened', mailbox: update(current.mailbox) } : current)),
    focusAfterRender,
  });
  const deletion = useDeletion({
    keysRef,
    focusAfterRender,
    onDeleted: () => {
      forgetKeys();
      resetMailboxState();
      setView({ name: 'deleted' });
    },
  });

  function resetMailboxState() {
    followUp.reset();
    deletion.reset();
  }

  const lookup = useCodeLookup({
    hydrated,
    schema: MailboxResponse,
    open: ({ sodium, mailboxId, caseKey, body }) => ({
      mailbox: openMailbox(sodium, caseKey, body),
      // The lookup wipes its own key; this copy stays for follow-ups until forgetKeys().
      keys: { sodium, mailboxId, caseKey: caseKey.slice() },
    }),
    onOpened: ({ mailbox, keys }) => {
      forgetKeys();
      keysRef.current = keys;
      resetMailboxState();
      setView({ name: 'opened', mailbox });
      focusAfterRender('mailbox-state-heading');
    },
    codeErrors: { empty: s('mailbox.error.code.empty'), format: s('mailbox.error.code.format') },
    focusIds: { summary: 'mailbox-error-summary', failure: 'mailbox-open-error' },
    focusAfterRender,
  });

  // Controls render disabled on the server and are enabled once the island runs.
  useEffect(() => {
    setHydrated(true);
    return forgetKeys;
  }, []);

  // Leaving the page (or putting it in the back/forward cache) wipes keys and plaintext;
  // the lookup forgets the typed code.
  usePageHide(() => {
    forgetKeys();
    resetMailboxState();
    setView({ name: 'enter' });
  });

  // Page title per state; errors are announced first, as on the question page.
  const stateTitle = view.name === 'opened' ? s('mailbox.opened.title') : view.name === 'deleted' ? s('mailbox.deleted.heading') : s('mailbox.title');
  const showsError = view.name === 'enter' ? lookup.showsError : view.name === 'opened' ? followUp.showsError || deletion.failed : false;
  usePageTitle(hydrated, stateTitle, showsError, { errorPrefix: s('form.errorTitlePrefix'), suffix: s('site.titleSuffix') });

  function onClose() {
    forgetKeys();
    resetMailboxState();
    lookup.close();
    setView({ name: 'enter' });
    focusAfterRender('mailbox-closed');
  }

  const newQuestionLink = () => <a href={questionHref}>{s('mailbox.newQuestion')}</a>;

  if (view.name === 'deleted') {
    return (
      <section class="achterom-mailbox achterom-mailbox--deleted" data-testid="mailbox-deleted">
        <InfoNotice block="achterom-notice">
          <h2 class="achterom-notice__heading" id="mailbox-deleted-heading" tabIndex={-1}>
            {s('mailbox.deleted.heading')}
          </h2>
          <p>{s('mailbox.deleted.text')}</p>
        </InfoNotice>
        <p>
          {s('mailbox.deleted.again')} {newQuestionLink()}
        </p>
      </section>
    );
  }

  if (view.name === 'opened') {
    return <OpenedView s={s} dates={dates} mailbox={view.mailbox} followUp={followUp} deletion={deletion} onClose={onClose} />;
  }

  return (
    <CodeEntryForm
      lookup={lookup}
      disabled={!hydrated}
      formClass="achterom-form achterom-mailbox__open"
      closedNotice={<InfoNotice block="achterom-notice" id="mailbox-closed" testId="mailbox-closed" text={s('mailbox.closed')} />}
      summaryId="mailbox-error-summary"
      summaryTitleId="error-summary-title"
      failureId="mailbox-open-error"
      failureTestId={(failure) => (failure === 'notFound' ? 'mailbox-not-found' : 'mailbox-open-failed')}
      // Too many tries reads as any failed open here.
      failureText={{ notFound: s('mailbox.error.notFound'), busy: s('mailbox.error.open'), failed: s('mailbox.error.open'), timeout: s('wait.timeout') }}
      notFoundMore={<p class="achterom-alert__link">{newQuestionLink()}</p>}
      words={{
        label: s('mailbox.code.label'),
        hint: s('mailbox.code.hint'),
        errorSummaryTitle: s('form.errorSummary.title'),
        errorPrefix: s('form.errorPrefix'),
        submit: s('mailbox.open'),
        opening: s('mailbox.status.opening'),
      }}
    >
      {lookup.shownFailure !== 'notFound' && (
        <p class="achterom-mailbox__lost">
          {s('mailbox.code.lost')} {newQuestionLink()}
        </p>
      )}
    </CodeEntryForm>
  );
}
