// Retention with an injected clock: which cases the purge removes and which it keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { loadSodium, signIn, type Sodium } from '../../tests/helpers/sodiumNode';
import { askQuestion, sendFollowUp } from '../../tests/helpers/resident';
import { createApp } from './app';
import { purgeExpired, purgeIfDue, purgeStaleSignIns } from './retention';
import { verifyAuditChain } from './audit';

let d1: LocalD1;
let sodium: Sodium;
let now = new Date('2026-01-10T12:00:00Z');
const app = createApp({ clock: () => now, purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

async function exists(id: string) {
  return (await d1.env.DB.prepare('SELECT 1 FROM cases WHERE id = ?').bind(id).first()) !== null;
}

describe('retention purge', () => {
  it('deletes closed, never-opened and abandoned cases after 90 days and keeps the rest', async () => {
    at('2026-01-10T12:00:00Z');
    const unopenedOld = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    const closedOld = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    const abandoned = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    const active = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    // The team may discuss it, so the team lead (not its handler) may close it.
    const closedRecently = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
    at('2026-03-01T12:00:00Z');
    const unopenedNew = await askQuestion(request, sodium, { neighbourhood: 'oost' });

    at('2026-01-12T09:00:00Z');
    const intake = await signIn(request, 'intake.centrum');
    const get = (id: string) => request(`/api/staff/cases/${id}`, { headers: { cookie: intake.cookie } });
    const status = (id: string, s: string) =>
      request(`/api/staff/cases/${id}/status`, {
        method: 'POST',
        headers: { cookie: intake.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ status: s, signed: intake.sign!({ action: 'case.status', caseId: id, detail: `status=${s}`, day: '2026-01-12' }) }),
      });
    for (const c of [closedOld, abandoned, active, closedRecently]) expect((await get(c.id)).status).toBe(200);
    expect((await status(closedOld.id, 'afgerond')).status).toBe(200);
    expect((await status(abandoned.id, 'in_behandeling')).status).toBe(200);

    at('2026-03-20T09:00:00Z');
    expect((await sendFollowUp(request, sodium, active, 1, 'Nog een vraag')).status).toBe(201);
    const lead = await signIn(request, 'teamlead.centrum');
    expect(
      (
        await request(`/api/staff/cases/${closedRecently.id}/status`, {
          method: 'POST',
          headers: { cookie: lead.cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'afgerond', signed: lead.sign!({ action: 'case.status', caseId: closedRecently.id, detail: 'status=afgerond', day: '2026-03-20' }) }),
        })
      ).status,
    ).toBe(200);

    // 2026-04-13 is 91 days after 2026-01-12 and 92 after 2026-01-10.
    const purged = await purgeExpired(d1.env.DB, new Date('2026-04-13T03:00:00Z'));
    expect(new Set(purged)).toEqual(new Set([unopenedOld.id, closedOld.id, abandoned.id]));
    for (const c of [unopenedOld, closedOld, abandoned]) expect(await exists(c.id)).toBe(false);
    for (const c of [active, closedRecently, unopenedNew]) expect(await exists(c.id)).toBe(true);

    // Audit rows for the purge carry only ids, and the chain still holds.
    const rows = await d1.env.DB.prepare("SELECT * FROM audit_log WHERE action = 'case.purge'").all();
    expect(rows.results.map((r) => r.case_id).sort()).toEqual(purged.sort());
    expect((await verifyAuditChain(d1.env.DB)).ok).toBe(true);
  });

  it('honours a configured period', async () => {
    at('2026-05-01T12:00:00Z');
    const asked = await askQuestion(request, sodium, { neighbourhood: 'kethel' });
    const config = { closedDays: 30, unopenedDays: 7, abandonedDays: 30 };
    expect(await purgeExpired(d1.env.DB, new Date('2026-05-07T12:00:00Z'), config)).not.toContain(asked.id);
    expect(await purgeExpired(d1.env.DB, new Date('2026-05-08T12:00:00Z'), config)).toContain(asked.id);
  });

  it('runs from traffic at most once an hour', async () => {
    const t = new Date('2026-06-01T12:00:00Z');
    expect(await purgeIfDue(d1.env, t)).not.toBeNull();
    expect(await purgeIfDue(d1.env, new Date(t.getTime() + 30 * 60_000))).toBeNull();
    expect(await purgeIfDue(d1.env, new Date(t.getTime() + 61 * 60_000))).not.toBeNull();
  });

  it('removes ended sessions and old sign-in failures with the hourly purge', async () => {
    at('2026-06-01T09:00:00Z');
    const live = await signIn(request, 'intake.centrum');
    const old = await signIn(request, 'teamlead.centrum');
    await request('/api/staff/salt', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"intake.centrum"}' });
    const count = async (table: string) => (await d1.env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
    await d1.env.DB.prepare("INSERT INTO signin_failures (username_hash, failures, last_failure_at, locked_until) VALUES ('x', 4, ?, ?)").bind(Date.parse('2026-06-01T08:00:00Z') / 1000 - 7200, 0).run();
    // Ten minutes on, only one member is still working; at 9:21 the other is idle too long.
    at('2026-06-01T09:10:00Z');
    expect((await request('/api/staff/me', { headers: { cookie: live.cookie } })).status).toBe(200);
    expect(old.cookie).toBeTruthy();
    expect(await count('sessions')).toBeGreaterThanOrEqual(2);
    await purgeStaleSignIns(d1.env.DB, new Date('2026-06-01T09:21:00Z'));
    expect(await count('sessions')).toBe(1);
    expect(await count('signin_failures')).toBe(0);
  });
});
