// The checks of the two slot forms (a weekly pattern, one extra slot), before sending
// and on a refusal: what is wrong, in Dutch, keyed by the id of the field it is about.
// Pure functions of the typed values, so they are tested without a browser.
import type { AppointmentType, Location } from '../../lib/config/appointments';
import { expandWeeklyPattern, type WeeklyPattern } from '../../lib/appointments/weeklyPattern';
import { fromLocal } from '../../lib/time/amsterdam';
import { formatDateInput, formatDayLong, parseDateInput, parseTimeInput, parseWholeNumber, todayLocal } from './slots';
import type { Say } from './strings';

export type FieldErrors = Record<string, string>;

/** What both forms ask first: the kind, the place (back entrance only) and the length. */
export interface SlotBasics {
  type: AppointmentType | '';
  locationId: string;
  duration: string;
}

export interface PatternValues extends SlotBasics {
  weekdays: number[];
  start: string;
  end: string;
  from: string;
  weeks: string;
}

export interface SingleValues extends SlotBasics {
  date: string;
  time: string;
}

/** The API refuses more slots in one request. */
export const MAX_PATTERN_SLOTS = 500;

/** Field ids in the order of each form, for the error summary. */
export const PATTERN_FIELDS = ['pattern-type', 'pattern-location', 'pattern-days', 'pattern-start', 'pattern-end', 'pattern-duration', 'pattern-from', 'pattern-weeks'] as const;
export const SINGLE_FIELDS = ['single-type', 'single-location', 'single-date', 'single-time', 'single-duration'] as const;

/** A duration still at the old kind's default (or empty) follows the new kind's default. */
export function durationAfterTypeChange(duration: string, oldDefault: string, newDefault: string): string {
  return duration.trim() === '' || duration.trim() === oldDefault ? newDefault : duration;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const dateExample = (say: Say) => say('staff.slotForm.dateInvalid', { example: formatDateInput(todayLocal()) });

/** Kind, place and duration; `prefix` is the form's id prefix ("pattern", "single"). */
function checkBasics(say: Say, v: SlotBasics, locations: readonly Location[], prefix: string, e: FieldErrors): number | null {
  if (!v.type) e[`${prefix}-type`] = say('staff.slotForm.typeMissing');
  if (v.type === 'achterom' && !locations.some((l) => l.id === v.locationId)) e[`${prefix}-location`] = say('staff.slotForm.locationMissing');
  const duration = parseWholeNumber(v.duration);
  if (!v.duration.trim()) e[`${prefix}-duration`] = say('staff.slotForm.durationMissing');
  else if (duration === null || duration < 5 || duration > 240) e[`${prefix}-duration`] = say('staff.slotForm.durationInvalid');
  return duration;
}

const place = (v: SlotBasics) => (v.type === 'achterom' ? { locationId: v.locationId } : {});

export type PatternBody = WeeklyPattern & { type: AppointmentType; locationId?: string };

export function checkPattern(say: Say, v: PatternValues, locations: readonly Location[]): { errors: FieldErrors; body?: PatternBody } {
  const e: FieldErrors = {};
  const duration = checkBasics(say, v, locations, 'pattern', e);
  if (v.weekdays.length === 0) e['pattern-days'] = say('staff.pattern.daysMissing');
  const start = parseTimeInput(v.start);
  const end = parseTimeInput(v.end);
  if (!v.start.trim()) e['pattern-start'] = say('staff.pattern.startMissing');
  else if (!start) e['pattern-start'] = say('staff.pattern.startInvalid');
  if (!v.end.trim()) e['pattern-end'] = say('staff.pattern.endMissing');
  else if (!end) e['pattern-end'] = say('staff.pattern.endInvalid');
  if (start && end && !e['pattern-end']) {
    if (minutesOf(end) <= minutesOf(start)) e['pattern-end'] = say('staff.pattern.endBeforeStart');
    else if (duration !== null && !e['pattern-duration'] && minutesOf(end) - minutesOf(start) < duration) {
      e['pattern-end'] = say('staff.pattern.noneFits', { start, end, minutes: duration });
    }
  }
  const from = parseDateInput(v.from);
  if (!v.from.trim()) e['pattern-from'] = say('staff.pattern.fromMissing');
  else if (!from) e['pattern-from'] = dateExample(say);
  else if (from < todayLocal()) e['pattern-from'] = say('staff.pattern.fromPast');
  const weeks = parseWholeNumber(v.weeks);
  if (!v.weeks.trim()) e['pattern-weeks'] = say('staff.pattern.weeksMissing');
  else if (weeks === null || weeks < 1 || weeks > 12) e['pattern-weeks'] = say('staff.pattern.weeksInvalid');
  if (Object.keys(e).length > 0 || !v.type) return { errors: e };

  const body: PatternBody = {
    type: v.type,
    ...place(v),
    fromDate: from!,
    weeks: weeks!,
    weekdays: [...v.weekdays].sort((a, b) => a - b),
    startTime: start!,
    endTime: end!,
    durationMinutes: duration!,
  };
  const count = expandWeeklyPattern(body).length;
  if (count > MAX_PATTERN_SLOTS) return { errors: { 'pattern-weeks': say('staff.pattern.tooMany', { count, max: MAX_PATTERN_SLOTS }) } };
  if (count === 0) return { errors: { 'pattern-start': say('staff.pattern.none') } };
  return { errors: {}, body };
}

export interface SingleBody {
  type: AppointmentType;
  locationId?: string;
  date: string;
  time: string;
  durationMinutes: number;
}

export function checkSingle(say: Say, v: SingleValues, locations: readonly Location[], now = Date.now()): { errors: FieldErrors; body?: SingleBody } {
  const e: FieldErrors = {};
  const duration = checkBasics(say, v, locations, 'single', e);
  const date = parseDateInput(v.date);
  if (!v.date.trim()) e['single-date'] = say('staff.single.dateMissing');
  else if (!date) e['single-date'] = dateExample(say);
  else if (date < todayLocal()) e['single-date'] = say('staff.single.datePast');
  const time = parseTimeInput(v.time);
  if (!v.time.trim()) e['single-time'] = say('staff.single.timeMissing');
  else if (!time) e['single-time'] = say('staff.single.timeInvalid');
  else if (date && !e['single-date']) {
    const instant = fromLocal(date, time);
    if (!instant) e['single-time'] = say('staff.single.timeDoesNotExist', { day: formatDayLong(date), time });
    else if (instant.getTime() <= now) e['single-time'] = say('staff.single.timePast');
  }
  if (Object.keys(e).length > 0 || !v.type) return { errors: e };
  return { errors: {}, body: { type: v.type, ...place(v), date: date!, time: time!, durationMinutes: duration! } };
}

/** The API field a refusal is about: its first issue's path, or "field: …" in the message. */
export function refusedField(message: string | undefined, issues: { path: string }[] | undefined): string | null {
  const fromIssue = issues?.[0]?.path.split('.')[0];
  if (fromIssue) return fromIssue;
  const match = message ? /^([A-Za-z]+):/.exec(message) : null;
  return match ? match[1]! : null;
}

/** A 400 on the pattern, on the field it is about. */
export function patternRefusal(say: Say, message: string | undefined, issues: { path: string }[] | undefined): FieldErrors {
  const map: Record<string, [string, string]> = {
    type: ['pattern-type', say('staff.slotForm.typeRefused')],
    locationId: ['pattern-location', say('staff.slotForm.locationMissing')],
    weekdays: ['pattern-days', say('staff.pattern.daysMissing')],
    startTime: ['pattern-start', say('staff.pattern.startInvalid')],
    endTime: ['pattern-end', message?.includes('after') ? say('staff.pattern.endBeforeStart') : say('staff.pattern.endInvalid')],
    durationMinutes: ['pattern-duration', say('staff.slotForm.durationInvalid')],
    fromDate: ['pattern-from', dateExample(say)],
    weeks: ['pattern-weeks', say('staff.pattern.weeksInvalid')],
  };
  const field = refusedField(message, issues);
  const hit = field ? map[field] : undefined;
  if (hit) return { [hit[0]]: hit[1] };
  if (message && /at most/.test(message)) return { 'pattern-weeks': say('staff.pattern.tooManyServer', { max: MAX_PATTERN_SLOTS }) };
  return { 'pattern-type': say('staff.slotForm.refused') };
}

/** A 400 on the one slot, on the field it is about; `when` words the slot for the messages. */
export function singleRefusal(say: Say, message: string | undefined, issues: { path: string }[] | undefined, when: { day: string; time: string }): FieldErrors {
  const field = refusedField(message, issues);
  if (field === 'time' && message?.includes('does not exist')) return { 'single-time': say('staff.single.timeDoesNotExist', when) };
  const map: Record<string, [string, string]> = {
    type: ['single-type', say('staff.slotForm.typeRefused')],
    locationId: ['single-location', say('staff.slotForm.locationMissing')],
    date: ['single-date', dateExample(say)],
    time: ['single-time', say('staff.single.timeInvalid')],
    durationMinutes: ['single-duration', say('staff.slotForm.durationInvalid')],
  };
  const hit = field ? map[field] : undefined;
  return hit ? { [hit[0]]: hit[1] } : { 'single-type': say('staff.slotForm.refused') };
}
