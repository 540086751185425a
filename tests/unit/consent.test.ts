// The resident's consent, enforced by the API on a real local D1: under "only the
// handler" intake reads for triage and the one assigned member reads; a team lead who
// is not that member and an unassigned colleague get neither ciphertext nor key, and
// listing the inbox is not reading (no audit row, nothing for the resident to see).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../helpers/sodiumNode';
import { askQuestion, openMailbox, type AskedCase } from '../helpers/resident';
import { staffClient, type Session } from '../helpers/staffConsole';
import type { CaseList } from '../../src/lib/schemas/caseListItem';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp();
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

const get = (path: string, session: Session) => request(path, { headers: { cookie: session.cookie } });

async function accessRoles(asked: AskedCase): Promise<string[]> {
  const body = (await (await openMailbox(request, asked.mailboxId)).json()) as { access: { role: string }[] };
  return [...new Set(body.access.map((a) => a.role))].sort();
}

async function listed(session: Session): Promise<CaseList> {
  return (await (await get('/api/staff/cases', session)).json()) as CaseList;
}

/** Every endpoint that gives or uses content, as the member would call it. */
async function contentCalls(session: Session, caseId: string): Promise<Record<string, { status: number; body: string }>> {
  const console = staffClient(request, session);
  const calls = {
    open: await get(`/api/staff/cases/${caseId}`, session),
    status: await console.status(caseId, 'in_behandeling'),
    noteKey: await console.post(`/api/staff/cases/${caseId}/note-key`, {}),
  };
  return Object.fromEntries(await Promise.all(Object.entries(calls).map(async ([k, r]) => [k, { status: r.status, body: await r.text() }])));
}

describe('consent "only the handler"', () => {
  it('a team lead who is not the handler sees the line in the list, but gets neither content nor key, and adds nothing to the access list', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'handler', text: 'Alleen voor de behandelaar' });
    const intake = await signIn(request, 'intake.centrum');
    const triage = staffClient(request, intake);
    expect((await triage.open(asked.id)).caseKey.ok).toBe(true);
    const { res } = await triage.assign(asked.id, 'casemanager.centrum');
    expect(res?.status).toBe(201);

    const lead = await signIn(request, 'teamlead.centrum');
    const list = await listed(lead);
    const line = list.cases.find((c) => c.id === asked.id)!;
    expect(line).toMatchObject({ consent: 'handler', mayOpen: false });
    const caseRow = await d1.env.DB.prepare('SELECT ciphertext, sealed_key, sealed_note_key FROM cases WHERE id = ?').bind(asked.id).first<Record<string, string>>();
    const secrets = Object.values(caseRow!);
    expect(secrets.every(Boolean)).toBe(true);
    const listText = JSON.stringify(list);
    for (const s of secrets) expect(listText).not.toContain(s);

    const calls = await contentCalls(lead, asked.id);
    for (const [name, call] of Object.entries(calls)) {
      expect(call.status, name).toBe(403);
      expect(JSON.parse(call.body).error.code, name).toBe('consent_handler_only');
      for (const s of secrets) expect(call.body, name).not.toContain(s);
    }
    // Assigning is refused too: it would need the case key.
    expect((await staffClient(request, lead).post(`/api/staff/cases/${asked.id}/grants`, {})).status).toBe(403);

    // The handler reads it; the resident sees exactly intake and the handler.
    const handler = await signIn(request, 'casemanager.centrum');
    expect((await staffClient(request, handler).open(asked.id)).caseKey.ok).toBe(true);
    expect(await accessRoles(asked)).toEqual(['casemanager', 'intake']);
  });

  it('an unassigned colleague gets neither content nor key, and the team lead may hold it when assigned', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'handler', text: 'Voor de teamleider als behandelaar' });
    const intake = await signIn(request, 'intake.centrum');
    expect((await staffClient(request, intake).assign(asked.id, 'teamlead.centrum')).res?.status).toBe(201);

    const colleague = await signIn(request, 'casemanager2.centrum');
    expect((await listed(colleague)).cases.map((c) => c.id)).not.toContain(asked.id);
    const calls = await contentCalls(colleague, asked.id);
    for (const [name, call] of Object.entries(calls)) expect(call.status, name).toBe(403);

    const lead = await signIn(request, 'teamlead.centrum');
    expect((await listed(lead)).cases.find((c) => c.id === asked.id)?.mayOpen).toBe(true);
    expect((await staffClient(request, lead).open(asked.id)).caseKey.ok).toBe(true);
    expect(await accessRoles(asked)).toEqual(['intake', 'teamlead']);
  });

  it('a team lead may still remove a case they may not read', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'handler' });
    const lead = await signIn(request, 'teamlead.centrum');
    expect((await staffClient(request, lead).remove(asked.id)).status).toBe(204);
    expect((await openMailbox(request, asked.mailboxId)).status).toBe(404);
  });
});

describe('consent "the team may discuss it"', () => {
  it('the team lead opens it without a grant', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
    const lead = await signIn(request, 'teamlead.centrum');
    expect((await listed(lead)).cases.find((c) => c.id === asked.id)?.mayOpen).toBe(true);
    expect((await staffClient(request, lead).open(asked.id)).caseKey.ok).toBe(true);
    expect(await accessRoles(asked)).toEqual(['teamlead']);
  });
});

describe('listing is not reading', () => {
  it('signing in and listing the inbox writes no audit row and shows the resident nothing', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
    const reads = async () =>
      (await d1.env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE case_id = ?").bind(asked.id).first<{ n: number }>())!.n;
    for (const username of ['teamlead.centrum', 'intake.centrum']) {
      const session = await signIn(request, username);
      expect((await listed(session)).cases.map((c) => c.id)).toContain(asked.id);
    }
    expect(await reads()).toBe(0);
    expect(await accessRoles(asked)).toEqual([]);
    const opened = await d1.env.DB.prepare('SELECT opened FROM cases WHERE id = ?').bind(asked.id).first<{ opened: number }>();
    expect(opened?.opened).toBe(0);
  });
});
