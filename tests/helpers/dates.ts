// Dates the way the pages show them: Amsterdam wall-clock time and Dutch names, whatever
// the machine's time zone.

/** Amsterdam wall-clock date and time of an instant, the way residents read it. */
export function amsterdam(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today in Amsterdam (YYYY-MM-DD). */
export const today = () => amsterdam(new Date().toISOString()).date;

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday (YYYY-MM-DD) of the Amsterdam week that holds an instant, plus `weeks`. */
export function monday(instant: Date, weeks = 0): string {
  const { date } = amsterdam(instant.toISOString());
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 7 * weeks);
  return d.toISOString().slice(0, 10);
}

/** "dinsdag 1 december, 09:30", as the booking pages say when. */
export function whenNl(iso: string) {
  const day = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
  return `${day}, ${amsterdam(iso).time}`;
}

/** "Week van 28 december tot en met 3 januari", as the picker's heading says it. */
export function weekLabelNl(mondayDate: string): string {
  const short = (date: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
  return `Week van ${short(mondayDate)} tot en met ${short(addDays(mondayDate, 6))}`;
}

/** "9-12-2026", as a person types a date in the console. */
export const typed = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}-${m}-${y}`;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Woensdag 9 december 2026", as the console's agenda names a day. */
export const dayLabel = (date: string) =>
  capitalise(new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`)));
