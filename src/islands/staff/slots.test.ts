import { describe, expect, it } from 'vitest';
import type { ApiResult, StaffApi } from './api';
import { fetchSlots, findSlotOfCase, mondayOf, parseDateInput, parseTimeInput, slotTimes, type AgendaSlot } from './slots';

const slot = (over: Partial<AgendaSlot> = {}): AgendaSlot => ({
  id: 's1',
  teamId: 'centrum-oost',
  type: 'achterom',
  locationId: 'centrum-achterom',
  startsAt: '2026-06-01T07:00:00.000Z',
  durationMinutes: 45,
  status: 'free',
  caseId: null,
  ...over,
});

/** A staff API that answers GET /api/staff/slots from a list and records the queries. */
function fakeApi(all: unknown[], fail = false) {
  const queries: string[] = [];
  const api: StaffApi = {
    async get<T>(path: string): Promise<ApiResult<T>> {
      queries.push(path);
      if (fail) return { ok: false, status: 500, code: 'internal' };
      const query = new URLSearchParams(path.slice(path.indexOf('?') + 1));
      const from = query.get('from')!;
      const days = Number(query.get('days'));
      const end = new Date(`${from}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + days);
      const slots = all.filter((s) => {
        const t = Date.parse((s as AgendaSlot).startsAt ?? '');
        return Number.isNaN(t) || (t >= Date.parse(`${from}T00:00:00Z`) - 2 * 3600_000 && t < end.getTime());
      });
      return { ok: true, status: 200, body: { slots } as T };
    },
    post: async () => ({ ok: false, status: 405, code: 'no' }),
    del: async () => ({ ok: false, status: 405, code: 'no' }),
  };
  return { api, queries };
}

describe('typed dates and times', () => {
  it('reads Dutch and ISO dates, and refuses days that do not exist', () => {
    expect(parseDateInput('2-6-2025')).toBe('2025-06-02');
    expect(parseDateInput(' 02-06-2025 ')).toBe('2025-06-02');
    expect(parseDateInput('2/6/2025')).toBe('2025-06-02');
    expect(parseDateInput('2025-06-02')).toBe('2025-06-02');
    expect(parseDateInput('29-2-2028')).toBe('2028-02-29');
    expect(parseDateInput('29-2-2027')).toBeNull();
    expect(parseDateInput('31-4-2026')).toBeNull();
    expect(parseDateInput('2-6-25')).toBeNull();
    expect(parseDateInput('')).toBeNull();
  });

  it('reads clock times as HH:MM', () => {
    expect(parseTimeInput('9:00')).toBe('09:00');
    expect(parseTimeInput('09.30')).toBe('09:30');
    expect(parseTimeInput('0930')).toBe('09:30');
    expect(parseTimeInput('9')).toBe('09:00');
    expect(parseTimeInput('10 uur')).toBe('10:00');
    expect(parseTimeInput('24:00')).toBeNull();
    expect(parseTimeInput('9:60')).toBeNull();
    expect(parseTimeInput('negen')).toBeNull();
  });
});

describe('Amsterdam times of slots', () => {
  it('shows summer and winter slots at their wall-clock time', () => {
    expect(slotTimes({ startsAt: '2026-06-01T07:00:00.000Z', durationMinutes: 45 })).toEqual({ date: '2026-06-01', start: '09:00', end: '09:45' });
    expect(slotTimes({ startsAt: '2026-12-01T08:00:00.000Z', durationMinutes: 30 })).toEqual({ date: '2026-12-01', start: '09:00', end: '09:30' });
  });

  it('computes the end on the instant, so it is right on a clock-change night', () => {
    // 29 March 2026: 02:00 becomes 03:00. One hour from 01:30 ends at 03:30 on the clock.
    expect(slotTimes({ startsAt: '2026-03-29T00:30:00.000Z', durationMinutes: 60 })).toEqual({ date: '2026-03-29', start: '01:30', end: '03:30' });
    // 25 October 2026: 03:00 becomes 02:00 again.
    expect(slotTimes({ startsAt: '2026-10-25T00:30:00.000Z', durationMinutes: 60 })).toEqual({ date: '2026-10-25', start: '02:30', end: '02:30' });
  });

  it('starts weeks on Monday', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('slots from the API', () => {
  it('leaves out malformed rows and sorts by time', async () => {
    const { api } = fakeApi([slot({ id: 'b', startsAt: '2026-06-01T08:00:00.000Z' }), { id: 'x', startsAt: 'nonsense' }, slot({ id: 'a' })]);
    const r = await fetchSlots(api, '2026-06-01', 1);
    expect(r.ok && r.body.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('finds the slot a moved booking holds now, not where the payload says', async () => {
    const now = new Date();
    const inTenDays = new Date(now.getTime() + 10 * 86_400_000).toISOString();
    const { api, queries } = fakeApi([slot({ id: 'new', startsAt: inTenDays, status: 'booked', caseId: 'c1' })]);
    // The payload still says a time 90 days ago.
    const r = await findSlotOfCase(api, 'c1', new Date(now.getTime() - 90 * 86_400_000).toISOString());
    expect(r.ok && r.body?.id).toBe('new');
    expect(queries.length).toBe(2);
  });

  it('answers null when no slot holds the case, and the failure when the agenda cannot be read', async () => {
    const none = await findSlotOfCase(fakeApi([slot()]).api, 'c1', new Date().toISOString());
    expect(none).toEqual({ ok: true, status: 200, body: null });
    const failed = await findSlotOfCase(fakeApi([], true).api, 'c1', new Date().toISOString());
    expect(failed.ok).toBe(false);
  });
});
