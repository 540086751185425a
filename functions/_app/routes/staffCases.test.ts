// GET /api/staff/cases: authentication, roles, team isolation and what a listing holds, on a real local D1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { openCase, sealCase } from '../../../src/lib/crypto/caseEnvelope';
import { findTeam } from '../../../src/lib/config/teams';
import { QuestionPayload } from '../../../src/lib/schemas/questionPayload';
import { postWithPow } from '../../../tests/helpers/pow';
import { CaseList } from '../../../src/lib/schemas/caseListItem';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp();
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

interface InboxCase { id: string; teamId: string; kind: 'question'; consent: 'handler' | 'team'; protocol: number; nonce: string; ciphertext: string; sealedKey: string; status: string; createdDay: string }

async function ask(teamId: string, question: string, neighbourhood: string) {
  const payload = v.parse(QuestionPayload, {
    type: 'question',
    neighbourhood,
    question,
    contact: { method: 'portal' },
    consent: 'handler',
    submittedAt: new Date().toISOString(),
    language: 'nl',
  });
  const envelope = sealCase(sodium, {
    code: Array.from({ length: 16 }, () => sodium.randombytes_uniform(10)).join(''),
    teamId,
    teamPublicKey: findTeam(teamId)!.publicKey,
    teamKeyId: findTeam(teamId)!.keyId,
    kind: 'question',
    consent: 'handler',
    payloadJson: JSON.stringify(payload),
  });
  const res = await postWithPow(request, '/api/cases', 'case', envelope);
  expect(res.status).toBe(201);
  return { ...((await res.json()) as { id: string }), envelope };
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

describe('GET /api/staff/cases', () => {
  it('answers 401 with a JSON error without a session, or with a made-up cookie', async () => {
    for (const headers of [{}, { cookie: '__Host-achterom_session=abc' }, { cookie: 'achterom_session=abc' }]) {
      const res = await request('/api/staff/cases', { headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_signed_in');
    }
    expect((await request('/api/staff/me')).status).toBe(401);
  });

  it('lists the own team’s cases newest first with what the server knows: no ciphertext, no key', async () => {
    const first = await ask('centrum-oost', 'Eerste vraag Centrum', 'oost');
    const second = await ask('centrum-oost', 'Tweede vraag Centrum', 'centrum');
    const { cookie, teamKeys } = await signIn(request, 'intake.centrum');
    const res = await request('/api/staff/cases', { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list = v.parse(CaseList, await res.json());
    expect(list.cases.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(list.cases[0]).toMatchObject({ kind: 'question', consent: 'handler', status: 'nieuw', mayOpen: true, unseen: true, unread: 0, slot: null, assignees: [] });
    const text = JSON.stringify(list);
    for (const asked of [first, second]) {
      expect(text).not.toContain(asked.envelope.ciphertext);
      expect(text).not.toContain(asked.envelope.sealedKey);
    }
    // Opening one gives its ciphertext, which the team key opens.
    const opened = (await (await request(`/api/staff/cases/${second.id}`, { headers: { cookie } })).json()) as { case: InboxCase };
    const payload = openCase(sodium, opened.case, teamKeys!);
    expect(payload.ok && v.parse(QuestionPayload, payload.value).question).toBe('Tweede vraag Centrum');
  });

  it('never gives staff of one team another team’s cases, not even ciphertext', async () => {
    const other = await ask('nieuwland-groenoord', 'Vraag voor Nieuwland', 'groenoord');
    const centrum = await ask('centrum-oost', 'Nog een vraag Centrum', 'zuid');

    const asCentrum = await signIn(request, 'intake.centrum');
    const centrumBody = await (await request('/api/staff/cases', { headers: { cookie: asCentrum.cookie } })).text();
    expect(centrumBody).toContain(centrum.id);
    expect(centrumBody).not.toContain(other.id);
    expect((await request(`/api/staff/cases/${other.id}`, { headers: { cookie: asCentrum.cookie } })).status).toBe(404);

    const asNieuwland = await signIn(request, 'teamlead.nieuwland');
    const { cases } = (await (await request('/api/staff/cases', { headers: { cookie: asNieuwland.cookie } })).json()) as CaseList;
    expect(cases.map((c) => c.id)).toEqual([other.id]);
    // The other team's key cannot open a Centrum case either.
    expect(openCase(sodium, { ...centrum.envelope, protocol: 1 }, asNieuwland.teamKeys!).ok).toBe(false);
  });

  it('shows a case manager only cases assigned to them, and the privacy officer none', async () => {
    const manager = await signIn(request, 'casemanager.centrum');
    const res = await request('/api/staff/cases', { headers: { cookie: manager.cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { cases: InboxCase[] }).cases).toEqual([]);
    const privacy = await signIn(request, 'privacy');
    const refused = await request('/api/staff/cases', { headers: { cookie: privacy.cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });
});

describe('reading is audited', () => {
  it('writes a case.read row when a case is opened, none when the inbox is listed', async () => {
    const asked = await ask('woudhoek-kethel-spaland', 'Vraag voor Kethel', 'kethel');
    const { cookie } = await signIn(request, 'intake.woudhoek');
    const count = async () =>
      (await d1.env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE case_id = ? AND action = 'case.read'").bind(asked.id).first<{ n: number }>())!.n;
    await request('/api/staff/cases', { headers: { cookie } });
    expect(await count()).toBe(0);
    expect((await request(`/api/staff/cases/${asked.id}`, { headers: { cookie } })).status).toBe(200);
    expect(await count()).toBe(1);
    await request('/api/staff/cases', { headers: { cookie } });
    expect(await count()).toBe(1);
  });
});
