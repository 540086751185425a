// Every staff endpoint, called as every role of the own team, as staff of another
// team, and as no one. "Let through" means the role check passed (the answer may
// still be a 409 for a repeated action); the bodies are well-formed so no 400 hides
// a missing role check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../helpers/sodiumNode';
import { askQuestion } from '../helpers/resident';
import { toBase64 } from '../../src/lib/crypto/sodium';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp({ purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

type Caller = 'anonymous' | 'intake' | 'casemanager' | 'casemanagerGranted' | 'teamlead' | 'privacy' | 'otherIntake' | 'otherTeamlead';
const USERNAMES: Record<Exclude<Caller, 'anonymous'>, string> = {
  intake: 'intake.centrum',
  casemanager: 'casemanager2.centrum',
  casemanagerGranted: 'casemanager.centrum',
  teamlead: 'teamlead.centrum',
  privacy: 'privacy',
  otherIntake: 'intake.nieuwland',
  otherTeamlead: 'teamlead.nieuwland',
};
const cookies = {} as Record<Caller, string>;
const ids = {} as Record<string, string>;

const b64 = (n: number) => toBase64(sodium, sodium.randombytes_buf(n));
const sealed = () => ({ nonce: b64(24), ciphertext: b64(1040) });

const send = (method: string, path: string, cookie: string, body?: unknown) =>
  request(path, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

/** A fresh Centrum case (consent "team"), assigned to casemanager.centrum, with a note key. */
async function freshCase(): Promise<string> {
  const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
  expect((await send('POST', `/api/staff/cases/${asked.id}/note-key`, cookies.intake, { sealedNoteKey: b64(80) })).status).toBe(204);
  const grant = await send('POST', `/api/staff/cases/${asked.id}/grants`, cookies.intake, { staffId: ids.casemanagerGranted, sealedCaseKey: b64(80), sealedNoteKey: b64(80) });
  expect(grant.status).toBe(201);
  return asked.id;
}

/** A fresh member of Centrum waiting for approval. */
async function freshPendingMember(): Promise<string> {
  const invite = await send('POST', '/api/staff/members/invites', cookies.teamlead, { role: 'casemanager' });
  const { token } = (await invite.json()) as { token: string };
  const res = await send('POST', '/api/staff/activate', '', {
    token, username: `nieuw.${crypto.randomUUID().slice(0, 8)}`, displayName: 'Nieuwe collega',
    salt: b64(16), authKey: b64(32), keyBlob: b64(112), keyBlobNonce: b64(24), boxPublicKey: b64(32), signPublicKey: b64(32),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

interface Endpoint {
  name: string;
  call: (cookie: string, target: string) => Response | Promise<Response>;
  /** Needs a fresh case or member per call because it changes or removes it. */
  fresh?: 'case' | 'member';
  allowed: Caller[];
}

const SIGNED_IN: Caller[] = ['intake', 'casemanager', 'casemanagerGranted', 'teamlead', 'privacy', 'otherIntake', 'otherTeamlead'];
const CASE_WORKERS: Caller[] = ['intake', 'casemanagerGranted', 'teamlead'];

const endpoints: Endpoint[] = [
  { name: 'GET /staff/me', call: (c) => send('GET', '/api/staff/me', c), allowed: SIGNED_IN },
  { name: 'GET /staff/cases', call: (c) => send('GET', '/api/staff/cases', c), allowed: SIGNED_IN.filter((r) => r !== 'privacy') },
  { name: 'GET /staff/cases/:id', call: (c, id) => send('GET', `/api/staff/cases/${id}`, c), allowed: CASE_WORKERS },
  { name: 'POST /staff/cases/:id/note-key', call: (c, id) => send('POST', `/api/staff/cases/${id}/note-key`, c, { sealedNoteKey: b64(80) }), allowed: ['intake', 'teamlead'] },
  { name: 'POST /staff/cases/:id/messages', call: (c, id) => send('POST', `/api/staff/cases/${id}/messages`, c, { seq: 1, ...sealed() }), allowed: CASE_WORKERS },
  { name: 'POST /staff/cases/:id/status', call: (c, id) => send('POST', `/api/staff/cases/${id}/status`, c, { status: 'in_behandeling' }), allowed: CASE_WORKERS },
  { name: 'POST /staff/cases/:id/grants', call: (c, id) => send('POST', `/api/staff/cases/${id}/grants`, c, { staffId: ids.casemanager, sealedCaseKey: b64(80), sealedNoteKey: b64(80) }), allowed: ['intake', 'teamlead'] },
  { name: 'POST /staff/cases/:id/notes', call: (c, id) => send('POST', `/api/staff/cases/${id}/notes`, c, { id: crypto.randomUUID(), ...sealed() }), allowed: CASE_WORKERS },
  { name: 'DELETE /staff/cases/:id', call: (c, id) => send('DELETE', `/api/staff/cases/${id}`, c), fresh: 'case', allowed: ['teamlead'] },
  { name: 'GET /staff/members', call: (c) => send('GET', '/api/staff/members', c), allowed: ['intake', 'teamlead', 'otherIntake', 'otherTeamlead'] },
  { name: 'POST /staff/members/invites', call: (c) => send('POST', '/api/staff/members/invites', c, { role: 'casemanager' }), allowed: ['teamlead', 'otherTeamlead'] },
  { name: 'POST /staff/members/:id/approve', call: (c, id) => send('POST', `/api/staff/members/${id}/approve`, c, {}), fresh: 'member', allowed: ['teamlead'] },
  { name: 'POST /staff/members/:id/revoke', call: (c, id) => send('POST', `/api/staff/members/${id}/revoke`, c), fresh: 'member', allowed: ['teamlead'] },
  { name: 'GET /staff/audit', call: (c) => send('GET', '/api/staff/audit', c), allowed: ['teamlead', 'privacy', 'otherTeamlead'] },
];

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
  cookies.anonymous = '';
  for (const [caller, username] of Object.entries(USERNAMES) as [Exclude<Caller, 'anonymous'>, string][]) {
    const { cookie, body } = await signIn(request, username);
    cookies[caller] = cookie;
    ids[caller] = body!.staff.id;
  }
});
afterAll(() => d1?.dispose());

describe('authorization matrix', () => {
  it.each(endpoints)('$name', async (endpoint) => {
    const sharedCase = await freshCase();
    const failures: string[] = [];
    for (const caller of ['anonymous', ...SIGNED_IN] as Caller[]) {
      const target = endpoint.fresh === 'case' ? await freshCase() : endpoint.fresh === 'member' ? await freshPendingMember() : sharedCase;
      const res = await endpoint.call(cookies[caller], target);
      const body = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
      const allowed = endpoint.allowed.includes(caller);
      const verdict =
        caller === 'anonymous' ? (res.status === 401 ? 'ok' : 'expected 401')
        : allowed ? ([200, 201, 204, 409].includes(res.status) ? 'ok' : 'expected to be let through')
        : [403, 404].includes(res.status) && body?.error?.code ? 'ok' : 'expected 403 or 404 with a JSON error';
      if (verdict !== 'ok') failures.push(`${caller}: ${res.status} ${body?.error?.code ?? ''} (${verdict})`);
    }
    expect(failures).toEqual([]);
  });

  it('answers another team’s case as not found, not forbidden', async () => {
    const id = await freshCase();
    expect((await send('GET', `/api/staff/cases/${id}`, cookies.otherTeamlead)).status).toBe(404);
  });

  it('asks for the current passphrase before changing it', async () => {
    expect((await send('POST', '/api/staff/passphrase', '', {})).status).toBe(401);
    const res = await send('POST', '/api/staff/passphrase', cookies.intake, {
      currentAuthKey: b64(32), salt: b64(16), authKey: b64(32), keyBlob: b64(112), keyBlobNonce: b64(24),
    });
    expect(res.status).toBe(403);
  });
});
