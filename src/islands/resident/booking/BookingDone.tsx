// Booked: the code (the only way back to the appointment), how the appointment works,
// the calendar file and the way to the manage page. Nothing typed is kept for this.
import type { Lang } from '../../../lib/i18n';
import { CaseCodePanel, caseCodeLabels } from '../../shared/CaseCodePanel';
import { CodeWarning } from '../../shared/CodeWarning';
import type { BookingFlowStrings } from '../bookingStrings';
import type { Slot } from './api';
import { AppointmentInstructions, AppointmentSummary, CalendarButton } from './AppointmentInfo';
import type { BookingDates } from './dates';

export interface Booked {
  code: string;
  slot: Slot;
  videoRoomId: string | undefined;
}

interface Props {
  s: BookingFlowStrings;
  lang: Lang;
  dates: BookingDates;
  booked: Booked;
  /** The manage page (/afspraak/beheren/) in the page's language. */
  manageHref: string;
}

export function BookingDone({ s, lang, dates, booked, manageHref }: Props) {
  const appointment = { ...booked.slot };
  return (
    <section class="achterom-confirmation achterom-booking" aria-labelledby="confirmation-heading" data-testid="booking-done">
      <CaseCodePanel code={booked.code} heading={s['booking.done.heading']} label={s['done.codeLabel']} labels={caseCodeLabels(s)} />
      <CodeWarning heading={s['done.writeDown']} points={[s['booking.done.codeUse'], s['done.noRecovery'], s['done.sharedDevice']]} />
      <h2>{s['booking.appointment.heading']}</h2>
      <AppointmentSummary s={s} dates={dates} appointment={appointment} />
      <CalendarButton s={s} appointment={appointment} />
      <AppointmentInstructions s={s} lang={lang} dates={dates} appointment={appointment} videoRoomId={booked.videoRoomId} />
      <p class="achterom-booking__manage">
        {s['booking.done.manage.text']} <a href={manageHref}>{s['booking.done.manage.link']}</a>.
      </p>
      <p>{s['done.close']}</p>
    </section>
  );
}
