// Booking is decided by the database: many parallel attempts on a real local D1,
// exactly one winner per slot, every loser a 409 with alternatives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../helpers/sodiumNode';
import { weekdayOf } from '../../src/lib/time/amsterdam';
import { postWithPow } from '../helpers/pow';
import { appointmentEnvelope, idempotencyKey, withFreshMailbox } from '../helpers/booking';

let d1: LocalD1;
let sodium: Sodium;
const now = new Date('2026-11-25T08:00:00Z');
const app = createApp({ clock: () => now, purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const json = { 'content-type': 'application/json' };

interface Slot { id: string; startsAt: string; status: string }

async function makeSlots(cookie: string, fromDate: string, count: number): Promise<Slot[]> {
  // Phone slots of 10 minutes, 08:00 onwards on that one day, as many as asked.
  const end = 8 * 60 + count * 10;
  const endTime = `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
  const res = await request('/api/staff/slots/pattern', {
    method: 'POST', headers: { ...json, cookie },
    body: JSON.stringify({ type: 'telefoon', fromDate, weeks: 1, weekdays: [weekdayOf(fromDate)], startTime: '08:00', endTime, durationMinutes: 10 }),
  });
  expect(res.status).toBe(201);
  const list = await request(`/api/slots?team=centrum-oost&type=telefoon&from=${fromDate}&days=1`);
  return ((await list.json()) as { slots: Slot[] }).slots;
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

describe('booking under contention', () => {
  it('200 parallel attempts on one free slot: exactly one success, 199 conflicts with alternatives', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const [target, ...others] = await makeSlots(lead.cookie, '2026-12-01', 4);
    expect(others.length).toBe(3);
    const { envelope } = appointmentEnvelope(sodium);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        postWithPow(request, '/api/appointments', 'booking', { envelope: withFreshMailbox(sodium, envelope), slotId: target!.id, idempotencyKey: idempotencyKey(sodium) }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const losers = await Promise.all(results.filter((r) => r.status === 409).map((r) => r.json() as Promise<{ error: { code: string }; alternatives: Slot[] }>));
    for (const body of losers) {
      expect(body.error.code).toBe('slot_taken');
      expect(body.alternatives.map((a) => a.id).sort()).toEqual(others.map((o) => o.id).sort());
    }
    // Exactly one case was made; no orphans from the losers.
    const cases = await d1.env.DB.prepare("SELECT COUNT(*) AS n FROM cases WHERE kind = 'appointment'").first<{ n: number }>();
    expect(cases!.n).toBe(1);
  });

  it('500 attempts over 50 slots: exactly 50 successes and no slot booked twice', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const slots = await makeSlots(lead.cookie, '2026-12-02', 50);
    expect(slots).toHaveLength(50);
    const { envelope } = appointmentEnvelope(sodium);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        postWithPow(request, '/api/appointments', 'booking', { envelope: withFreshMailbox(sodium, envelope), slotId: slots[i % 50]!.id, idempotencyKey: idempotencyKey(sodium) }),
      ),
    );
    const wins = await Promise.all(results.filter((r) => r.status === 201).map((r) => r.json() as Promise<{ caseId: string; slot: Slot }>));
    expect(wins).toHaveLength(50);
    expect(results.filter((r) => r.status === 409)).toHaveLength(450);
    expect(new Set(wins.map((w) => w.slot.id)).size).toBe(50);
    const rows = await d1.env.DB.prepare("SELECT id, case_id FROM slots WHERE starts_at LIKE '2026-12-02%'").all<{ id: string; case_id: string | null }>();
    expect(rows.results.every((r) => r.case_id !== null)).toBe(true);
    expect(new Set(rows.results.map((r) => r.case_id)).size).toBe(50);
  });
});
