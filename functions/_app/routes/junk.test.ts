// Junk removal on a real local D1: 5,000 junk cases (some holding slots) next to a real
// case; the team lead removes the junk in two calls (count, remove), the real case stays,
// the freed slots can be booked again, and the removal is one signed audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { insertJunkCases } from '../../../tests/helpers/junkCases';
import { askQuestion } from '../../../tests/helpers/resident';
import { staffApi, staffClient, type Session } from '../../../tests/helpers/staffConsole';
import { checkAudit, fetchAudit } from '../../../src/islands/staff/auditCheck';
import type { Vault } from '../../../src/islands/staff/types';
import { appointmentEnvelope, idempotencyKey } from '../../../tests/helpers/booking';
import { postWithPow } from '../../../tests/helpers/pow';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import type { CaseList } from '../../../src/lib/schemas/caseListItem';

let d1: LocalD1;
let sodium: Sodium;
let lead: Session;
const app = createApp({ purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const today = new Date().toISOString().slice(0, 10);
const TEAM = 'centrum-oost';

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
  lead = await signIn(request, 'teamlead.centrum');
});
afterAll(() => d1?.dispose());

/** A removal whose signature does not cover the selection (a stolen cookie, a forged body). */
const unsignedRemove = (session: Session, selection: unknown) =>
  staffClient(request, session).post('/api/staff/junk', { selection, signed: session.sign!({ action: 'case.junk', detail: '' }) });

async function signedRemove(session: Session, selection: { kind: 'ids'; ids: string[] } | { kind: 'unopened'; day: string }) {
  const signed = session.sign!({ action: 'case.junk', detail: await actionDetail.junk(selection) });
  return staffClient(request, session).post('/api/staff/junk', { selection, signed });
}

describe('junk removal', () => {
  it('removes 5,000 unopened junk cases of a day in two calls; the real case stays; freed slots can be booked again', async () => {
    // Junk bookings first: ten future slots taken by random-bytes "appointments".
    const day = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 10; i++) {
      const time = `${String(9 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
      expect((await staffClient(request, lead).post('/api/staff/slots', { type: 'video', date: day, time, durationMinutes: 30 })).status).toBe(201);
    }
    const { slots } = await staffClient(request, lead).get<{ slots: { id: string; startsAt: string }[] }>(`/api/staff/slots?from=${day}&days=1`);
    const junkIds = await insertJunkCases(d1.env.DB, TEAM, 4990);
    const bookedJunk = await insertJunkCases(d1.env.DB, TEAM, 10, new Date(), { kind: 'appointment' });
    for (const [i, caseId] of bookedJunk.entries()) {
      await d1.env.DB.prepare("UPDATE slots SET status = 'booked', case_id = ? WHERE id = ?").bind(caseId, slots[i]!.id).run();
    }
    // The real question of the same day, opened by intake.
    const real = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team', text: 'Echte vraag tussen de rommel' });
    const intake = await signIn(request, 'intake.centrum');
    expect((await staffClient(request, intake).open(real.id)).caseKey.ok).toBe(true);
    expect((await staffClient(request, lead).get<CaseList>('/api/staff/cases')).total).toBe(5001);

    // 1. How many would go.
    const count = await staffClient(request, lead).get<{ unopened: number; slots: number }>(`/api/staff/junk?day=${today}`);
    expect(count).toMatchObject({ unopened: 5000, slots: 10 });
    // 2. Remove them.
    const res = await signedRemove(lead, { kind: 'unopened', day: today });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ removed: 5000, freedSlots: 10 });

    const left = await staffClient(request, lead).get<CaseList>(`/api/staff/cases?q=${real.id.slice(0, 8)}`);
    expect(left.cases.map((c) => c.id)).toEqual([real.id]);
    const remaining = (await d1.env.DB.prepare(`SELECT COUNT(*) AS n FROM cases WHERE id IN (${junkIds.slice(0, 50).map(() => '?').join(',')})`).bind(...junkIds.slice(0, 50)).first<{ n: number }>())!.n;
    expect(remaining).toBe(0);
    // The freed times are bookable again.
    const { envelope } = appointmentEnvelope(sodium);
    const again = await postWithPow(request, '/api/appointments', 'booking', { envelope, slotId: slots[0]!.id, idempotencyKey: idempotencyKey(sodium) });
    expect(again.status).toBe(201);
    // One signed audit row for the whole removal.
    const rows = (await d1.env.DB.prepare("SELECT staff_id, subject_id, detail, signature FROM audit_log WHERE action = 'case.junk'").all<Record<string, string>>()).results;
    expect(rows).toEqual([{ staff_id: lead.staff!.id, subject_id: null, detail: `unopened=${today}`, signature: expect.any(String) }]);
    // The privacy officer's browser checks that row's signature like any other.
    const privacy = await signIn(request, 'privacy');
    const fetched = await fetchAudit(staffApi(request, privacy));
    if (!fetched.ok) throw new Error('audit not fetched');
    expect((await checkAudit(privacy.vault as Vault, fetched.data)).problems).toEqual([]);
  });

  it('removes chosen cases by number, only of the own team, and only for a team lead', async () => {
    const [mine] = await insertJunkCases(d1.env.DB, TEAM, 1);
    const [theirs] = await insertJunkCases(d1.env.DB, 'nieuwland-groenoord', 1);
    const intake = await signIn(request, 'intake.centrum');
    expect((await signedRemove(intake, { kind: 'ids', ids: [mine!] })).status).toBe(403);
    const res = await signedRemove(lead, { kind: 'ids', ids: [mine!, theirs!] });
    expect(await res.json()).toEqual({ removed: 1, freedSlots: 0 });
    const exists = async (id: string) => (await d1.env.DB.prepare('SELECT 1 FROM cases WHERE id = ?').bind(id).first()) !== null;
    expect(await exists(mine!)).toBe(false);
    expect(await exists(theirs!)).toBe(true);
  });

  it('refuses an unsigned or malformed removal with a JSON error and removes nothing', async () => {
    const [kept] = await insertJunkCases(d1.env.DB, TEAM, 1);
    expect((await unsignedRemove(lead, { kind: 'unopened', day: today })).status).toBe(400);
    for (const selection of [{ kind: 'all' }, { kind: 'ids', ids: [] }, { kind: 'unopened', day: 'gisteren' }, { kind: 'ids', ids: Array.from({ length: 41 }, () => crypto.randomUUID()) }]) {
      const res = await unsignedRemove(lead, selection);
      expect(res.status, JSON.stringify(selection).slice(0, 40)).toBe(400);
    }
    expect((await d1.env.DB.prepare('SELECT 1 FROM cases WHERE id = ?').bind(kept!).first()) !== null).toBe(true);
  });
});
