// Appointment slots as the staff API returns them, and the Amsterdam wall-clock
// arithmetic the agenda and the availability editor share. Every time shown in the
// console is Europe/Amsterdam, whatever the computer's own time zone.
import { appointmentTypes, findLocation, type AppointmentType } from '../../lib/config/appointments';
import { addDays, fromLocal, toLocal, weekdayOf } from '../../lib/time/amsterdam';
import type { StaffApi, ApiResult } from './api';
import type { Say } from './strings';

export type SlotStatus = 'free' | 'booked' | 'blocked';

export interface AgendaSlot {
  id: string;
  teamId: string;
  type: AppointmentType;
  locationId: string | null;
  /** UTC ISO instant: the server's time of the slot, the one to show (a moved booking's payload keeps the old one). */
  startsAt: string;
  durationMinutes: number;
  status: SlotStatus;
  /** The booking case, when this member may know it (case managers: only cases given to them). */
  caseId: string | null;
  /** Whether this member may open that case under the resident's consent. */
  mayOpen?: boolean;
}

export function isAgendaSlot(value: unknown): value is AgendaSlot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s['id'] === 'string' &&
    typeof s['teamId'] === 'string' &&
    (appointmentTypes as readonly unknown[]).includes(s['type']) &&
    (s['locationId'] === null || typeof s['locationId'] === 'string') &&
    typeof s['startsAt'] === 'string' &&
    !Number.isNaN(Date.parse(s['startsAt'])) &&
    typeof s['durationMinutes'] === 'number' &&
    (s['status'] === 'free' || s['status'] === 'booked' || s['status'] === 'blocked') &&
    (s['caseId'] === null || s['caseId'] === undefined || typeof s['caseId'] === 'string')
  );
}

/** GET /api/staff/slots for `days` days from a local date; malformed rows are left out. */
export async function fetchSlots(api: StaffApi, from: string, days: number): Promise<ApiResult<AgendaSlot[]>> {
  const r = await api.get<{ slots?: unknown }>(`/api/staff/slots?from=${encodeURIComponent(from)}&days=${days}`);
  if (!r.ok) return r;
  const list = Array.isArray(r.body?.slots) ? r.body.slots : [];
  const slots = list.filter(isAgendaSlot).map((s) => ({ ...s, caseId: s.caseId ?? null }));
  slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.type.localeCompare(b.type));
  return { ok: true, status: r.status, body: slots };
}

/**
 * Finds the slot a case has booked. The payload's own time may be out of date (the
 * resident moved the appointment), so look around it first, then in the coming months.
 */
export async function findSlotOfCase(api: StaffApi, caseId: string, payloadStartsAt: string): Promise<ApiResult<AgendaSlot | null>> {
  const today = todayLocal();
  const booked = toLocal(new Date(payloadStartsAt)).date;
  const starts = [addDays(booked, -7), today, addDays(today, 31), addDays(booked, -38), addDays(booked, 24), addDays(today, 62), addDays(today, 93)];
  const seen = new Set<string>();
  let last: ApiResult<AgendaSlot | null> = { ok: true, status: 200, body: null };
  for (const from of starts) {
    if (seen.has(from)) continue;
    seen.add(from);
    const r = await fetchSlots(api, from, 31);
    if (!r.ok) {
      if (r.status === 401 || r.status === 403) return r;
      last = r;
      continue;
    }
    const found = r.body.find((s) => s.caseId === caseId && s.status === 'booked');
    if (found) return { ok: true, status: 200, body: found };
  }
  return last;
}

/** Today's date in Amsterdam (YYYY-MM-DD). */
export function todayLocal(): string {
  return toLocal(new Date()).date;
}

/** Monday of the week that holds a date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export interface SlotTimes {
  date: string;
  start: string;
  end: string;
}

/** Local date, start and end of a slot; the end is computed on the instant, so it is right across a clock change. */
export function slotTimes(slot: Pick<AgendaSlot, 'startsAt' | 'durationMinutes'>): SlotTimes {
  const start = new Date(slot.startsAt);
  const local = toLocal(start);
  const end = toLocal(new Date(start.getTime() + slot.durationMinutes * 60_000));
  return { date: local.date, start: local.time, end: end.time };
}

const dayLong = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dayMedium = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
const dayShort = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long' });
const dayShortYear = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "maandag 2 juni 2025" */
export function formatDayLong(date: string): string {
  return dayLong.format(noon(date));
}

/** "maandag 2 juni" */
export function formatDayMedium(date: string): string {
  return dayMedium.format(noon(date));
}

/** "2 juni" and "8 juni 2025", for a week's range. */
export function formatDayShort(date: string, withYear = false): string {
  return (withYear ? dayShortYear : dayShort).format(noon(date));
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "maandag 2 juni 2025, 09:00–09:45", the time as the server's slot has it. */
export function formatSlotWhen(slot: Pick<AgendaSlot, 'startsAt' | 'durationMinutes'>): string {
  const t = slotTimes(slot);
  return `${formatDayLong(t.date)}, ${t.start}–${t.end}`;
}

/** Short description of a slot for button names and messages: "maandag 2 juni, 09:00, Achteringang". */
export function describeSlot(say: Say, slot: AgendaSlot): string {
  const t = slotTimes(slot);
  return `${formatDayMedium(t.date)}, ${t.start}, ${typeName(say, slot.type)}`;
}

export function typeName(say: Say, type: AppointmentType): string {
  return say(`staff.slot.type.${type}`);
}

export function locationName(locationId: string | null): string | null {
  if (!locationId) return null;
  return findLocation(locationId)?.name ?? locationId;
}

/** A date typed by a person: "2-6-2025", "02-06-2025", "2/6/2025", "2 6 2025" or "2025-06-02". Null when it is no real date. */
export function parseDateInput(text: string): string | null {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/** How the forms show a date: "2-6-2025". */
export function formatDateInput(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}-${m}-${y}`;
}

/** A clock time typed by a person: "9:00", "09.00", "0900" or "9". Null when it is no time of day. */
export function parseTimeInput(text: string): string | null {
  const s = text.trim().replace(/\s*uur$/i, '');
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(s);
  if (!match) return null;
  const h = Number(match[1]);
  const m = match[2] === undefined ? 0 : Number(match[2]);
  if (h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A whole number typed by a person, or null. */
export function parseWholeNumber(text: string): number | null {
  const s = text.trim();
  return /^\d{1,4}$/.test(s) ? Number(s) : null;
}

/** True when a local date and time does not exist (the clocks go forward that night). */
export function timeDoesNotExist(date: string, time: string): boolean {
  return fromLocal(date, time) === null;
}
