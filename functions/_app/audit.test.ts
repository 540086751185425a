// The audit chain on a real local D1: it verifies when untouched and names the first
// row that was changed, removed or re-linked.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { runAudited, verifyAuditChain } from './audit';
import { createApp } from './app';
import { signIn } from '../../tests/helpers/sodiumNode';

let d1: LocalD1 | undefined;
const now = new Date('2026-11-25T10:00:00Z');

beforeEach(async () => {
  await d1?.dispose();
  d1 = await startLocalD1({ seed: false });
  for (let i = 0; i < 5; i++) {
    await runAudited(d1.env.DB, { staffId: `staff-${i}`, role: 'intake', teamId: 'centrum-oost', action: 'case.read', caseId: `case-${i}` }, now);
  }
});
afterAll(() => d1?.dispose());

describe('audit chain', () => {
  it('verifies an untouched log', async () => {
    expect(await verifyAuditChain(d1!.env.DB)).toEqual({ ok: true, rows: 5 });
  });

  it('reports a row whose action was altered in the database', async () => {
    await d1!.env.DB.prepare("UPDATE audit_log SET action = 'case.reply' WHERE id = 3").run();
    expect(await verifyAuditChain(d1!.env.DB)).toMatchObject({ ok: false, brokenAt: 3, code: 'changed' });
  });

  it('reports a row whose hash was recomputed to hide a change, at the next row', async () => {
    await d1!.env.DB.prepare("UPDATE audit_log SET staff_id = 'someone-else', hash = 'forged' WHERE id = 2").run();
    const check = await verifyAuditChain(d1!.env.DB);
    expect(check.ok).toBe(false);
    expect(check.ok === false && check.brokenAt).toBe(2);
  });

  it('reports a removed row', async () => {
    await d1!.env.DB.prepare('DELETE FROM audit_log WHERE id = 4').run();
    expect(await verifyAuditChain(d1!.env.DB)).toMatchObject({ ok: false, brokenAt: 5, code: 'missing' });
  });

  it('keeps one chain when many appends race', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        runAudited(d1!.env.DB, { staffId: 'racer', role: 'intake', teamId: 'centrum-oost', action: 'case.read', caseId: `race-${i}` }, now),
      ),
    );
    expect(await verifyAuditChain(d1!.env.DB)).toEqual({ ok: true, rows: 25 });
  });

  it('serves the rows, not a verdict: the privacy officer’s browser checks them', async () => {
    await d1!.dispose();
    d1 = await startLocalD1();
    const app = createApp({ purge: false });
    const request = (path: string, init?: RequestInit) => app.request(path, init, d1!.env);
    const privacy = await signIn(request, 'privacy');
    const lead = await signIn(request, 'teamlead.centrum');
    const invite = await request('/api/staff/members/invites', {
      method: 'POST',
      headers: { cookie: lead.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'intake', signed: lead.sign!({ action: 'member.invite', detail: 'role=intake' }) }),
    });
    expect(invite.status).toBe(201);
    const body = (await (await request('/api/staff/audit', { headers: { cookie: privacy.cookie } })).json()) as { chain?: unknown; rows: { action: string; signature: string | null }[] };
    expect(body.chain).toBeUndefined();
    const row = body.rows.find((r) => r.action === 'member.invite')!;
    expect(row.signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
  });

  it('refuses an action signed by someone else, or for another day', async () => {
    await d1!.dispose();
    d1 = await startLocalD1();
    const app = createApp({ purge: false });
    const request = (path: string, init?: RequestInit) => app.request(path, init, d1!.env);
    const lead = await signIn(request, 'teamlead.centrum');
    const other = await signIn(request, 'teamlead.nieuwland');
    const send = (signed: unknown) =>
      request('/api/staff/members/invites', { method: 'POST', headers: { cookie: lead.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'intake', signed }) });
    // A stolen session cookie without the member's own key can do nothing.
    const stolen = await send(other.sign!({ action: 'member.invite', detail: 'role=intake' }));
    expect(stolen.status).toBe(400);
    expect(((await stolen.json()) as { error: { code: string } }).error.code).toBe('bad_signature');
    expect((await send(lead.sign!({ action: 'member.invite', detail: 'role=intake', day: '2026-01-01' }))).status).toBe(400);
    expect((await send(lead.sign!({ action: 'member.invite', detail: 'role=casemanager' }))).status).toBe(400);
    expect((await send(lead.sign!({ action: 'member.invite', detail: 'role=intake' }))).status).toBe(201);
  });

  it('records an export of the log as a signed row of its own', async () => {
    await d1!.dispose();
    d1 = await startLocalD1();
    const app = createApp({ purge: false });
    const request = (path: string, init?: RequestInit) => app.request(path, init, d1!.env);
    const privacy = await signIn(request, 'privacy');
    const send = (body: unknown) => request('/api/staff/audit/exports', { method: 'POST', headers: { cookie: privacy.cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await send({ rows: 12, filter: 'action,day', signed: privacy.sign!({ action: 'audit.export', detail: 'rows=12;filter=action,day' }) })).status).toBe(204);
    // The filter's values never reach the log: only which filters were on.
    expect((await send({ rows: 1, filter: 'case=abc', signed: privacy.sign!({ action: 'audit.export', detail: 'rows=1;filter=case=abc' }) })).status).toBe(400);
    const row = await d1!.env.DB.prepare("SELECT * FROM audit_log WHERE action = 'audit.export'").first<{ role: string; team_id: string | null; detail: string; signature: string }>();
    expect(row).toMatchObject({ role: 'privacy', team_id: null, detail: 'rows=12;filter=action,day' });
    expect(row!.signature).toBeTruthy();
  });
});
