// The .ics file for "Zet in mijn agenda". Loaded with a dynamic import only when the
// resident presses the button, so the `ics` library is not part of the first load.
// Discreet on purpose: the event says only "Afspraak" and the time. No team, no WOT,
// no reason, no portal, no link and no place: a calendar is often shared or synced.
// It carries a reminder an hour before (saying only "Afspraak" too), so nobody has to
// come back to the portal to remember.
import { createEvent } from 'ics';

export interface CalendarAppointment {
  /** UTC instant (ISO) of the start, as the API gives it. */
  startsAt: string;
  durationMinutes: number;
  /** "Afspraak" */
  title: string;
}

/** The text of the .ics file. Times in UTC ("…Z"), so every calendar shows the right local time. */
export function appointmentIcs({ startsAt, durationMinutes, title }: CalendarAppointment): string {
  const start = Date.parse(startsAt);
  if (Number.isNaN(start)) throw new Error('invalid start');
  const { error, value } = createEvent({
    productId: '-//afspraak//NL',
    title,
    start,
    startInputType: 'utc',
    startOutputType: 'utc',
    end: start + durationMinutes * 60_000,
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
    classification: 'PRIVATE',
    alarms: [{ action: 'display', description: title, trigger: { hours: 1, minutes: 0, before: true } }],
  });
  if (error || !value) throw error ?? new Error('no calendar file');
  return value;
}

/** Builds the file in the browser and saves it as "afspraak.ics" through a Blob URL. */
export function downloadAppointmentIcs(appointment: CalendarAppointment): void {
  const blob = new Blob([appointmentIcs(appointment)], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'afspraak.ics';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
