// The open appointment: when and where, the team's messages, move or cancel, how it
// goes, what the resident filled in, and close. Everything shown was decrypted here.
import type { Lang } from '../../../lib/i18n';
import { format } from '../../../lib/i18n/format';
import type { ManageAppointmentStrings } from '../bookingStrings';
import type { BookingDates } from '../booking/dates';
import { AppointmentInstructions, AppointmentSummary, CalendarButton } from '../booking/AppointmentInfo';
import { InfoNotice } from '../../shared/InfoNotice';
import { MessageList } from '../../shared/MessageList';
import { AppointmentDetails } from './AppointmentDetails';
import { CancelPanel } from './CancelPanel';
import { ReschedulePanel } from './ReschedulePanel';
import type { OpenedAppointment } from './openAppointment';
import type { AppointmentActions } from './useAppointmentActions';

interface Props {
  lang: Lang;
  strings: ManageAppointmentStrings;
  dates: BookingDates;
  bookingHref: string;
  hydrated: boolean;
  opened: OpenedAppointment;
  actions: AppointmentActions;
  onClose: () => void;
}

export function AppointmentView({ lang, strings, dates, bookingHref, hydrated, opened, actions, onClose }: Props) {
  const s = (key: keyof ManageAppointmentStrings) => strings[key];
  const { appointment, details } = opened;
  const secondaryButton = 'achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action';

  return (
    <div class="achterom-booking achterom-manage" data-testid="manage-opened">
      <section class="achterom-manage__section">
        <h2 id="manage-heading" tabIndex={-1}>
          {s('booking.appointment.heading')}
        </h2>
        {actions.rescheduled && appointment && (
          <InfoNotice block="achterom-booking-notice" id="manage-rescheduled" testId="manage-rescheduled" text={format(s('manage.rescheduled'), { when: dates.when(appointment.startsAt) })} />
        )}
        {appointment ? (
          <>
            <AppointmentSummary s={strings} dates={dates} appointment={appointment} />
            <CalendarButton s={strings} appointment={appointment} />
          </>
        ) : (
          <InfoNotice block="achterom-booking-notice" testId="manage-none" text={s('manage.none')}>
            <p>
              <a href={bookingHref}>{s('manage.newAppointment')}</a>
            </p>
          </InfoNotice>
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
          {actions.mode === 'view' && (
            <div class="achterom-manage__actions">
              <button
                type="button"
                class="achterom-button utrecht-button utrecht-button--primary-action"
                id="reschedule-button"
                disabled={!hydrated}
                onClick={() => actions.openPanel('reschedule', 'reschedule-heading')}
              >
                {s('manage.reschedule.button')}
              </button>
              <button type="button" class={secondaryButton} id="cancel-button" disabled={!hydrated} onClick={() => actions.openPanel('confirmCancel', 'cancel-confirm-heading')}>
                {s('manage.cancel.button')}
              </button>
            </div>
          )}
          {actions.mode === 'confirmCancel' && <CancelPanel actions={actions} s={s} />}
          {actions.mode === 'reschedule' && <ReschedulePanel strings={strings} dates={dates} appointment={appointment} actions={actions} hydrated={hydrated} />}
        </div>
      )}

      {appointment && <AppointmentInstructions s={strings} lang={lang} dates={dates} appointment={appointment} videoRoomId={details?.videoRoomId} />}

      <AppointmentDetails details={details} s={s} />

      <section class="achterom-manage__section" aria-labelledby="manage-close-heading">
        <h2 id="manage-close-heading">{s('manage.close.heading')}</h2>
        <p>{s('manage.close.text')}</p>
        <button type="button" class={secondaryButton} onClick={onClose}>
          {s('manage.close.button')}
        </button>
      </section>
    </div>
  );
}
