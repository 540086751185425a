// Booking, managing with the code, and the availability editor on a real local D1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { appointmentEnvelope, idempotencyKey, withFreshMailbox } from '../../../tests/helpers/booking';
import { deriveCaseKeys } from '../../../src/lib/crypto/deriveCaseKeys';
import { toBase64 } from '../../../src/lib/crypto/sodium';
import { toLocal } from '../../../src/lib/time/amsterdam';
import { postWithPow } from '../../../tests/helpers/pow';
import type { PowPurpose } from '../../../src/lib/pow/powPurpose';

let d1: LocalD1;
let sodium: Sodium;
let lead: string;
const now = new Date('2026-11-25T08:00:00Z');
const app = createApp({ clock: () => now, purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const POW_PURPOSE: Record<string, PowPurpose> = {
  '/api/appointments': 'booking',
  '/api/mailbox/open': 'lookup',
  '/api/mailbox/appointment/cancel': 'change',
  '/api/mailbox/appointment/reschedule': 'change',
  '/api/mailbox/delete': 'change',
};
const post = async (path: string, body: unknown, cookie = '') => {
  const purpose = POW_PURPOSE[path];
  if (purpose) return postWithPow(request, path, purpose, body);
  return request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
};

interface Slot { id: string; startsAt: string; status: string; type: string; locationId: string | null }

async function freeSlots(type = 'achterom', from = '2026-12-07', days = 7): Promise<Slot[]> {
  const res = await request(`/api/slots?team=centrum-oost&type=${type}&from=${from}&days=${days}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { slots: Slot[] }).slots;
}

async function book(slot: Slot, key = idempotencyKey(sodium)) {
  const { code, envelope } = appointmentEnvelope(sodium);
  const res = await post('/api/appointments', { envelope, slotId: slot.id, idempotencyKey: key });
  const mailboxId = toBase64(sodium, deriveCaseKeys(sodium, code).mailboxId);
  return { res, envelope, key, mailboxId };
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
  lead = (await signIn(request, 'teamlead.centrum')).cookie;
  // Back-entrance visits on Monday and Wednesday mornings for two weeks.
  const res = await post(
    '/api/staff/slots/pattern',
    { type: 'achterom', locationId: 'centrum-achterom', fromDate: '2026-12-07', weeks: 2, weekdays: [1, 3], startTime: '09:00', endTime: '11:15', durationMinutes: 45 },
    lead,
  );
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({ created: 12, skipped: 0 });
});
afterAll(() => d1?.dispose());

describe('availability editor', () => {
  it('does not make the same slot twice', async () => {
    const again = await post(
      '/api/staff/slots/pattern',
      { type: 'achterom', locationId: 'centrum-achterom', fromDate: '2026-12-07', weeks: 1, weekdays: [1], startTime: '09:00', endTime: '09:45', durationMinutes: 45 },
      lead,
    );
    expect(await again.json()).toEqual({ created: 0, skipped: 1 });
  });

  it('keeps slots at their local time and refuses bad input', async () => {
    const slots = await freeSlots();
    expect(slots.map((s) => toLocal(new Date(s.startsAt)).time)).toEqual(['09:00', '09:45', '10:30', '09:00', '09:45', '10:30']);
    expect((await post('/api/staff/slots', { type: 'achterom', date: '2026-12-08', time: '09:00', durationMinutes: 45 }, lead)).status).toBe(400);
    expect((await post('/api/staff/slots', { type: 'video', locationId: 'centrum-achterom', date: '2026-12-08', time: '09:00', durationMinutes: 30 }, lead)).status).toBe(400);
    expect((await post('/api/staff/slots', { type: 'video', date: '2027-03-28', time: '02:30', durationMinutes: 30 }, lead)).status).toBe(400);
    expect((await post('/api/staff/slots', { type: 'video', date: '2026-12-08', time: '14:00', durationMinutes: 30 }, lead)).status).toBe(201);
    expect((await post('/api/staff/slots', { type: 'video', date: '2026-12-08', time: '14:00', durationMinutes: 30 }, lead)).status).toBe(409);
  });

  it('blocks, unblocks and deletes free slots; only the team lead may', async () => {
    const [slot] = await freeSlots('video', '2026-12-08', 1);
    const intake = (await signIn(request, 'intake.centrum')).cookie;
    expect((await post(`/api/staff/slots/${slot!.id}/block`, {}, intake)).status).toBe(403);
    expect((await post(`/api/staff/slots/${slot!.id}/block`, {}, lead)).status).toBe(200);
    expect(await freeSlots('video', '2026-12-08', 1)).toEqual([]);
    expect((await post(`/api/staff/slots/${slot!.id}/unblock`, {}, lead)).status).toBe(200);
    expect((await request(`/api/staff/slots/${slot!.id}`, { method: 'DELETE', headers: { cookie: lead } })).status).toBe(204);
    const other = (await signIn(request, 'teamlead.nieuwland')).cookie;
    const [mine] = await freeSlots();
    expect((await post(`/api/staff/slots/${mine!.id}/block`, {}, other)).status).toBe(404);
  });

  it('tells the next free day when a week has none', async () => {
    const res = await request('/api/slots?team=centrum-oost&type=achterom&from=2026-11-30&days=7');
    const body = (await res.json()) as { slots: Slot[]; nextFree: Slot | null };
    expect(body.slots).toEqual([]);
    expect(toLocal(new Date(body.nextFree!.startsAt)).date).toBe('2026-12-07');
  });

  it('refuses a malformed slot query with a JSON error', async () => {
    for (const q of ['team=atlantis&type=achterom&from=2026-12-07', 'team=centrum-oost&type=bezoek&from=2026-12-07', 'team=centrum-oost&type=video&from=morgen', 'team=centrum-oost&type=video&from=2026-12-07&days=99', 'team=centrum-oost&type=video&from=2026-12-07&x=1']) {
      const res = await request(`/api/slots?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_query');
    }
  });
});

describe('booking and managing with the code', () => {
  it('books once per idempotency key', async () => {
    const [slot] = await freeSlots();
    const first = await book(slot!);
    expect(first.res.status).toBe(201);
    const { caseId } = (await first.res.json()) as { caseId: string };
    const retry = await post('/api/appointments', { envelope: withFreshMailbox(sodium, first.envelope), slotId: slot!.id, idempotencyKey: first.key });
    expect(retry.status).toBe(201);
    expect(((await retry.json()) as { caseId: string }).caseId).toBe(caseId);
    const count = await d1.env.DB.prepare('SELECT COUNT(*) AS n FROM slots WHERE case_id = ?').bind(caseId).first<{ n: number }>();
    expect(count!.n).toBe(1);
  });

  it('shows, cancels and frees the slot', async () => {
    const [slot] = await freeSlots();
    const booked = await book(slot!);
    expect(booked.res.status).toBe(201);
    const opened = (await (await post('/api/mailbox/open', { mailboxId: booked.mailboxId })).json()) as { appointment: Slot | null };
    expect(opened.appointment).toMatchObject({ id: slot!.id, status: 'booked', type: 'achterom', locationId: 'centrum-achterom' });
    expect((await post('/api/mailbox/appointment/cancel', { mailboxId: booked.mailboxId })).status).toBe(204);
    expect((await freeSlots()).map((s) => s.id)).toContain(slot!.id);
    const after = (await (await post('/api/mailbox/open', { mailboxId: booked.mailboxId })).json()) as { appointment: Slot | null };
    expect(after.appointment).toBeNull();
    expect((await post('/api/mailbox/appointment/cancel', { mailboxId: booked.mailboxId })).status).toBe(404);
  });

  it('reschedules by taking the new slot first, and keeps the old one when the new one is gone', async () => {
    const [a, b, c] = await freeSlots();
    const mine = await book(a!);
    expect(mine.res.status).toBe(201);
    expect((await book(b!)).res.status).toBe(201);
    const lost = await post('/api/mailbox/appointment/reschedule', { mailboxId: mine.mailboxId, slotId: b!.id });
    expect(lost.status).toBe(409);
    const lostBody = (await lost.json()) as { alternatives: Slot[] };
    expect(lostBody.alternatives.map((s) => s.id)).toContain(c!.id);
    expect(((await (await post('/api/mailbox/open', { mailboxId: mine.mailboxId })).json()) as { appointment: Slot }).appointment.id).toBe(a!.id);
    const moved = await post('/api/mailbox/appointment/reschedule', { mailboxId: mine.mailboxId, slotId: c!.id });
    expect(moved.status).toBe(200);
    const ids = (await freeSlots()).map((s) => s.id);
    expect(ids).toContain(a!.id);
    expect(ids).not.toContain(c!.id);
  });

  it('frees the slot when the resident deletes the case', async () => {
    const [slot] = await freeSlots();
    const booked = await book(slot!);
    expect((await post('/api/mailbox/delete', { mailboxId: booked.mailboxId })).status).toBe(204);
    expect((await freeSlots()).map((s) => s.id)).toContain(slot!.id);
  });

  it('refuses a question envelope, another team’s slot and a past slot', async () => {
    const [slot] = await freeSlots();
    const { envelope } = appointmentEnvelope(sodium);
    expect((await post('/api/appointments', { envelope: { ...envelope, kind: 'question' }, slotId: slot!.id, idempotencyKey: idempotencyKey(sodium) })).status).toBe(400);
    const other = appointmentEnvelope(sodium, 'centraal').envelope;
    expect((await post('/api/appointments', { envelope: other, slotId: slot!.id, idempotencyKey: idempotencyKey(sodium) })).status).toBe(404);
    expect((await post('/api/appointments', { envelope, slotId: crypto.randomUUID(), idempotencyKey: 'kort' })).status).toBe(400);
  });

  it('shows staff the agenda with case ids; the resident sees none', async () => {
    const intake = (await signIn(request, 'intake.centrum')).cookie;
    const res = await request('/api/staff/slots?from=2026-12-07&days=14', { headers: { cookie: intake } });
    const { slots } = (await res.json()) as { slots: (Slot & { caseId: string | null })[] };
    expect(slots.some((s) => s.status === 'booked' && s.caseId)).toBe(true);
    const manager = (await signIn(request, 'casemanager.centrum')).cookie;
    const asManager = (await (await request('/api/staff/slots?from=2026-12-07&days=14', { headers: { cookie: manager } })).json()) as { slots: { caseId: string | null }[] };
    expect(asManager.slots.every((s) => s.caseId === null)).toBe(true);
    const publicList = JSON.stringify(await (await request('/api/slots?team=centrum-oost&type=achterom&from=2026-12-07&days=14')).json());
    expect(publicList).not.toContain('caseId');
    expect(publicList).not.toContain('"booked"');
  });
});
