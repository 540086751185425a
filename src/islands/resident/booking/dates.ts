// Appointment times as residents read them: always Europe/Amsterdam wall-clock time,
// whatever time zone the device is set to ("maandag 7 december, 09:00").
import { addDays, TIME_ZONE, toLocal, weekdayOf } from '../../../lib/time/amsterdam';
import { intlLocale, type Lang } from '../../../lib/i18n/locale';

export interface BookingDates {
  /** "maandag 7 december" for an instant (year added when it is not this year). */
  day(iso: string): string;
  /** "09:00" */
  time(iso: string): string;
  /** "maandag 7 december, 09:00" */
  when(iso: string): string;
  /** The time `minutes` after an instant: "09:45". */
  endTime(iso: string, minutes: number): string;
  /** "maandag 7 december" for a calendar date (YYYY-MM-DD). */
  localDay(date: string): string;
  /** "7 december" for a calendar date (YYYY-MM-DD). */
  shortDay(date: string): string;
}

export function makeBookingDates(lang: Lang, now: Date = new Date()): BookingDates {
  const locale = intlLocale(lang);
  // Between day and time: the Arabic comma on right-to-left pages.
  const comma = lang === 'ar' ? '، ' : ', ';
  const thisYear = toLocal(now).date.slice(0, 4);
  const dayOptions = { weekday: 'long', day: 'numeric', month: 'long' } as const;
  const instantDay = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...dayOptions });
  const instantDayYear = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...dayOptions, year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Calendar dates are formatted as such: noon UTC never shifts to another day.
  const calendarDay = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...dayOptions });
  const calendarDayYear = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...dayOptions, year: 'numeric' });
  const calendarShort = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long' });
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);

  const day = (iso: string) => {
    const instant = new Date(iso);
    return (toLocal(instant).date.startsWith(thisYear) ? instantDay : instantDayYear).format(instant);
  };
  const clock = (iso: string) => time.format(new Date(iso));
  return {
    day,
    time: clock,
    when: (iso) => `${day(iso)}${comma}${clock(iso)}`,
    endTime: (iso, minutes) => time.format(new Date(Date.parse(iso) + minutes * 60_000)),
    localDay: (date) => (date.startsWith(thisYear) ? calendarDay : calendarDayYear).format(noon(date)),
    shortDay: (date) => calendarShort.format(noon(date)),
  };
}

/** Monday (YYYY-MM-DD) of the Amsterdam week that holds an instant. */
export function mondayOf(instant: Date): string {
  const { date, weekday } = toLocal(instant);
  return addDays(date, 1 - weekday);
}

/** Monday of the week that holds a calendar date. */
export function mondayOfDate(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The Amsterdam calendar date of an instant, for grouping times by day. */
export function localDateOf(iso: string): string {
  return toLocal(new Date(iso)).date;
}
