// The resident's appointment, opened with the 16-digit code: see it (the details are
// decrypted in this browser), put it in the calendar, move it to another time or cancel it.
// The code never leaves the browser: it is stretched into a mailbox id (sent) and a case
// key (used once to open the details, then wiped). Nothing is stored anywhere; leaving the
// page forgets everything. libsodium is loaded on the button press, never statically.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../lib/i18n';
import type { ManageAppointmentStrings } from './bookingStrings';
import { makeBookingDates } from './booking/dates';
import '../../styles/forms.css';
import '../../styles/booking.css';
import { InfoNotice } from '../shared/InfoNotice';
import { useFocusAfterRender } from '../shared/useFocusAfterRender';
import { usePageHide } from '../shared/usePageHide';
import { usePageTitle } from '../shared/usePageTitle';
import { CodeEntryForm } from './CodeEntryForm';
import { useCodeLookup } from './useCodeLookup';
import { AppointmentView } from './manage/AppointmentView';
import { OpenResponse, openAppointment, type OpenedAppointment, type StringKey } from './manage/openAppointment';
import { useAppointmentActions } from './manage/useAppointmentActions';

interface Props {
  lang: Lang;
  strings: ManageAppointmentStrings;
  /** Where to book a new appointment, in the page's language. */
  bookingHref: string;
  /** The "Mijn vraag" page, for a code that belongs to a question. */
  mailboxHref: string;
}

type View = { name: 'enter' } | { name: 'question' } | { name: 'opened'; opened: OpenedAppointment } | { name: 'cancelled' };

const SECONDARY_BUTTON = 'achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action';

export default function ManageAppointment({ lang, strings, bookingHref, mailboxHref }: Props) {
  const s = (key: StringKey) => strings[key];
  const dates = useRef(makeBookingDates(lang)).current;
  const focusAfterRender = useFocusAfterRender();

  const [hydrated, setHydrated] = useState(false);
  const [view, setView] = useState<View>({ name: 'enter' });
  /** The mailbox id derived from the code: enough to cancel or move, so kept in memory only. */
  const mailboxRef = useRef<string | null>(null);

  const opened = view.name === 'opened' ? view.opened : null;
  const actions = useAppointmentActions({
    s,
    focusAfterRender,
    mailboxRef,
    opened,
    onCancelled: () => {
      mailboxRef.current = null;
      setView({ name: 'cancelled' });
    },
    onMoved: (appointment) => {
      if (opened) setView({ name: 'opened', opened: { ...opened, appointment } });
    },
  });

  const lookup = useCodeLookup({
    hydrated,
    schema: OpenResponse,
    open: openAppointment,
    onOpened: (found) => {
      if (found.kind === 'question') {
        setView({ name: 'question' });
        focusAfterRender('manage-question');
        return;
      }
      mailboxRef.current = found.mailboxId;
      actions.reset();
      setView({ name: 'opened', opened: found.opened });
      focusAfterRender('manage-heading');
    },
    codeErrors: { empty: s('manage.error.code.empty'), format: s('manage.error.code.format') },
    focusIds: { summary: 'manage-error-summary', failure: 'manage-open-error' },
    focusAfterRender,
  });

  useEffect(() => setHydrated(true), []);

  // Leaving the page (or the back/forward cache) forgets the id and the details; the
  // lookup forgets the typed code.
  usePageHide(() => {
    mailboxRef.current = null;
    actions.reset();
    setView({ name: 'enter' });
  });

  const stateTitle = view.name === 'opened' ? s('manage.opened.title') : view.name === 'cancelled' ? s('manage.cancelled.heading') : s('manage.title');
  const showsError = view.name === 'enter' ? lookup.showsError : view.name === 'opened' ? actions.showsError : false;
  usePageTitle(hydrated, stateTitle, showsError, { errorPrefix: s('form.errorTitlePrefix'), suffix: s('site.titleSuffix') });

  function onClose() {
    mailboxRef.current = null;
    actions.reset();
    lookup.close();
    setView({ name: 'enter' });
    focusAfterRender('manage-closed');
  }

  const newAppointmentLink = () => <a href={bookingHref}>{s('manage.newAppointment')}</a>;

  if (view.name === 'cancelled') {
    return (
      <section class="achterom-booking" data-testid="manage-cancelled">
        <InfoNotice block="achterom-booking-notice">
          <h2 class="achterom-booking-notice__heading" id="manage-cancelled-heading" tabIndex={-1}>
            {s('manage.cancelled.heading')}
          </h2>
          <p>{s('manage.cancelled.text')}</p>
        </InfoNotice>
        <p>{newAppointmentLink()}</p>
      </section>
    );
  }

  if (view.name === 'question') {
    return (
      <section class="achterom-booking" data-testid="manage-question">
        <InfoNotice block="achterom-booking-notice" id="manage-question" text={s('manage.error.question')}>
          <p>
            <a href={mailboxHref}>{s('manage.questionLink')}</a>
          </p>
        </InfoNotice>
        <p>
          <button type="button" class={SECONDARY_BUTTON} onClick={onClose}>
            {s('manage.close.button')}
          </button>
        </p>
      </section>
    );
  }

  if (view.name === 'opened') {
    return (
      <AppointmentView lang={lang} strings={strings} dates={dates} bookingHref={bookingHref} hydrated={hydrated} opened={view.opened} actions={actions} onClose={onClose} />
    );
  }

  return (
    <CodeEntryForm
      lookup={lookup}
      disabled={!hydrated}
      formClass="achterom-form achterom-booking"
      testId="manage-enter"
      closedNotice={<InfoNotice block="achterom-booking-notice" id="manage-closed" testId="manage-closed" text={s('manage.closed')} />}
      summaryId="manage-error-summary"
      failureId="manage-open-error"
      failureTestId={(failure) => (failure === 'notFound' ? 'manage-not-found' : `manage-open-${failure}`)}
      failureText={{ notFound: s('manage.error.notFound'), busy: s('booking.error.busy'), failed: s('manage.error.open'), timeout: s('wait.timeout') }}
      notFoundMore={<p>{newAppointmentLink()}</p>}
      words={{
        label: s('manage.code.label'),
        hint: s('manage.code.hint'),
        errorSummaryTitle: s('form.errorSummary.title'),
        errorPrefix: s('form.errorPrefix'),
        submit: s('manage.open'),
        opening: s('manage.status.opening'),
      }}
    >
      <p class="achterom-manage__lost">
        {s('manage.code.lost')} {newAppointmentLink()}
      </p>
    </CodeEntryForm>
  );
}
