// Expands a weekly availability pattern into slot start times, in Amsterdam local
// time, so a 9:00 slot stays at 9:00 after the clocks change.
import { addDays, fromLocal, weekdayOf } from '../time/amsterdam';

export interface WeeklyPattern {
  /** First day (YYYY-MM-DD, local). */
  fromDate: string;
  weeks: number;
  /** 1 = Monday … 7 = Sunday */
  weekdays: number[];
  /** HH:MM local, first slot start. */
  startTime: string;
  /** HH:MM local; the last slot ends at or before this. */
  endTime: string;
  durationMinutes: number;
}

export interface SlotStart {
  date: string;
  time: string;
  startsAt: string;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function expandWeeklyPattern(pattern: WeeklyPattern): SlotStart[] {
  const out: SlotStart[] = [];
  const first = minutes(pattern.startTime);
  const last = minutes(pattern.endTime) - pattern.durationMinutes;
  for (let day = 0; day < pattern.weeks * 7; day++) {
    const date = addDays(pattern.fromDate, day);
    if (!pattern.weekdays.includes(weekdayOf(date))) continue;
    for (let t = first; t <= last; t += pattern.durationMinutes) {
      const instant = fromLocal(date, clock(t));
      // A time that does not exist that night (clocks jump forward) gets no slot.
      if (instant) out.push({ date, time: clock(t), startsAt: instant.toISOString() });
    }
  }
  return out;
}
