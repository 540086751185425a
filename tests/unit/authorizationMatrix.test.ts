// Every staff endpoint, called as every role of the own team, as staff of another
// team, and as no one. "Let through" means the role check passed (the answer may
// still be a 409 for a repeated action); the bodies are well-formed so no 400 hides
// a missing role check. Bodies are signed by the caller's own keys (protocol v2), so
// a refusal is the role check and not a bad signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../helpers/sodiumNode';
import { askQuestion, uploadAttachment, uploadObject } from '../helpers/resident';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { actionDetail } from '../../src/lib/audit/auditRecord';
import { prepareApproval } from '../../src/islands/staff/memberKeys';
import type { Member } from '../../src/islands/staff/types';
import { caseGrantStatement, noteKeyStatement, signStatement } from '../../src/lib/crypto/signedStatement';
import { appointmentEnvelope, idempotencyKey } from '../helpers/booking';
import { postWithPow } from '../helpers/pow';
import { fromLocal } from '../../src/lib/time/amsterdam';

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
type Session = Awaited<ReturnType<typeof signIn>>;
const sessions = {} as Record<Caller, Session | undefined>;
const boxKeys = {} as Record<string, string>;
const byCookie = (cookie: string) => Object.values(sessions).find((s) => s?.cookie === cookie && cookie !== '');

/** The signed-action field as the caller's console makes it (garbage for anonymous). */
function signed(cookie: string, action: string, detail: string, caseId: string | null = null, subjectId: string | null = null) {
  const session = byCookie(cookie);
  if (!session?.sign) return { day: new Date().toISOString().slice(0, 10), signature: b64(64) };
  return session.sign({ action, caseId, subjectId, detail });
}

function noteKeyBody(cookie: string, caseId: string) {
  const session = byCookie(cookie);
  const sealedNoteKey = b64(80);
  const signature = session?.vault
    ? signStatement(sodium, session.vault.staff.sign.privateKey, noteKeyStatement({ caseId, teamId: 'centrum-oost', keyId: 1, sealedNoteKey, makerId: session.staff!.id }))
    : b64(64);
  return { sealedNoteKey, keyId: 1, signature };
}

async function grantBody(cookie: string, caseId: string, staffId: string) {
  const session = byCookie(cookie);
  const sealedCaseKey = b64(80);
  const sealedNoteKey = b64(80);
  const granterId = session?.staff?.id ?? 'x';
  const grantSignature = session?.vault
    ? signStatement(sodium, session.vault.staff.sign.privateKey, caseGrantStatement({ caseId, recipientId: staffId, recipientBoxPublicKey: boxKeys[staffId] ?? '', sealedCaseKey, sealedNoteKey, granterId }))
    : b64(64);
  return { staffId, sealedCaseKey, sealedNoteKey, grantSignature, signed: signed(cookie, 'case.assign', await actionDetail.assign(grantSignature), caseId, staffId) };
}

async function replyBody(cookie: string, caseId: string) {
  const body = { seq: 1, ...sealed() };
  return { ...body, signed: signed(cookie, 'case.reply', await actionDetail.reply(1, body.nonce, body.ciphertext), caseId) };
}

async function noteBody(cookie: string, caseId: string) {
  const body = { id: crypto.randomUUID(), ...sealed() };
  return { ...body, signed: signed(cookie, 'case.note', await actionDetail.note(body.id, body.nonce, body.ciphertext), caseId) };
}

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
  expect((await send('POST', `/api/staff/cases/${asked.id}/note-key`, cookies.intake, noteKeyBody(cookies.intake, asked.id))).status).toBe(204);
  const grant = await send('POST', `/api/staff/cases/${asked.id}/grants`, cookies.intake, await grantBody(cookies.intake, asked.id, ids.casemanagerGranted!));
  expect(grant.status).toBe(201);
  return asked.id;
}

/** A Centrum case as freshCase, with one sealed attachment; made once, read by every caller. */
let withAttachment: Promise<{ caseId: string; attachmentId: string }> | undefined;
function caseWithAttachment() {
  withAttachment ??= (async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
    const up = await uploadAttachment(request, sodium, asked, sodium.randombytes_buf(5000));
    expect(up.res.status).toBe(201);
    expect((await send('POST', `/api/staff/cases/${asked.id}/note-key`, cookies.intake, noteKeyBody(cookies.intake, asked.id))).status).toBe(204);
    expect((await send('POST', `/api/staff/cases/${asked.id}/grants`, cookies.intake, await grantBody(cookies.intake, asked.id, ids.casemanagerGranted!))).status).toBe(201);
    return { caseId: asked.id, attachmentId: up.id };
  })();
  return withAttachment;
}

/** A new free five-minute video time of Centrum, 40 days ahead (a new minute each call). */
let slotCount = 0;
async function freeSlot(): Promise<string> {
  const day = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const minutes = 8 * 60 + 5 * slotCount++;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  expect((await send('POST', '/api/staff/slots', cookies.teamlead, { type: 'video', date: day, time, durationMinutes: 5 })).status).toBe(201);
  const { slots } = (await (await send('GET', `/api/staff/slots?from=${day}&days=1`, cookies.teamlead)).json()) as { slots: { id: string; startsAt: string }[] };
  return slots.find((slot) => Date.parse(slot.startsAt) === fromLocal(day, time)!.getTime())!.id;
}

/** A fresh booking of Centrum (consent "only the handler"), assigned to casemanager.centrum. */
async function freshBooking(): Promise<string> {
  const { envelope } = appointmentEnvelope(sodium);
  const res = await postWithPow(request, '/api/appointments', 'booking', { envelope, slotId: await freeSlot(), idempotencyKey: idempotencyKey(sodium) });
  expect(res.status).toBe(201);
  const { caseId } = (await res.json()) as { caseId: string };
  expect((await send('POST', `/api/staff/cases/${caseId}/note-key`, cookies.intake, noteKeyBody(cookies.intake, caseId))).status).toBe(204);
  expect((await send('POST', `/api/staff/cases/${caseId}/grants`, cookies.intake, await grantBody(cookies.intake, caseId, ids.casemanagerGranted!))).status).toBe(201);
  return caseId;
}

async function appointmentBody(cookie: string, caseId: string, action: 'cancel' | 'move') {
  const slotId = action === 'move' ? await freeSlot() : null;
  const message = { seq: 1, ...sealed() };
  const detail = await actionDetail.appointment(slotId ?? 'none', 1, message.nonce, message.ciphertext);
  return { ...(slotId ? { slotId } : {}), message, signed: signed(cookie, `appointment.${action}`, detail, caseId, slotId) };
}

/** A fresh member of Centrum waiting for approval. */
async function freshPendingMember(): Promise<string> {
  const invite = await send('POST', '/api/staff/members/invites', cookies.teamlead, { role: 'casemanager', signed: signed(cookies.teamlead, 'member.invite', actionDetail.invite('casemanager')) });
  const { token } = (await invite.json()) as { token: string };
  const username = `nieuw.${crypto.randomUUID().slice(0, 8)}`;
  const keys = { boxPublicKey: b64(32), signPublicKey: b64(32) };
  const res = await send('POST', '/api/staff/activate', '', {
    token, username, displayName: 'Nieuwe collega', salt: b64(16), authKey: b64(32), keyBlob: b64(112), keyBlobNonce: b64(24), ...keys,
  });
  expect(res.status).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  pending.set(id, { id, username, displayName: 'Nieuwe collega', role: 'casemanager', status: 'pending', teamId: 'centrum-oost', ...keys, certificate: null, certificateSignature: null });
  return id;
}

const pending = new Map<string, Member>();

/** What the lead's console sends: a certificate signed with the team signing key (no team key for a case manager). */
async function approvalBody(cookie: string, id: string) {
  const session = byCookie(cookie);
  const member = pending.get(id)!;
  const prepared = session?.vault && session.staff && session.vault.teamSign ? prepareApproval(session.vault, session.staff, member) : null;
  const body = prepared?.ok
    ? prepared.body
    : { certificate: JSON.stringify({ v: 2, memberId: id }), certificateSignature: b64(64), teamKeyGrants: [] };
  return { ...body, signed: signed(cookie, 'member.approve', await actionDetail.certificate(body.certificate), null, id) };
}

interface Endpoint {
  name: string;
  call: (cookie: string, target: string) => Response | Promise<Response>;
  /** Needs a fresh case or member per call because it changes or removes it. */
  fresh?: 'case' | 'member' | 'booking';
  allowed: Caller[];
}

const SIGNED_IN: Caller[] = ['intake', 'casemanager', 'casemanagerGranted', 'teamlead', 'privacy', 'otherIntake', 'otherTeamlead'];
const CASE_WORKERS: Caller[] = ['intake', 'casemanagerGranted', 'teamlead'];

const endpoints: Endpoint[] = [
  { name: 'GET /staff/me', call: (c) => send('GET', '/api/staff/me', c), allowed: SIGNED_IN },
  { name: 'GET /staff/cases', call: (c) => send('GET', '/api/staff/cases', c), allowed: SIGNED_IN.filter((r) => r !== 'privacy') },
  { name: 'GET /staff/cases/:id', call: (c, id) => send('GET', `/api/staff/cases/${id}`, c), allowed: CASE_WORKERS },
  {
    name: 'GET /staff/cases/:id/attachments/:attachmentId',
    call: async (c) => {
      const { caseId, attachmentId } = await caseWithAttachment();
      return send('GET', `/api/staff/cases/${caseId}/attachments/${attachmentId}`, c);
    },
    allowed: CASE_WORKERS,
  },
  { name: 'POST /staff/cases/:id/note-key', call: (c, id) => send('POST', `/api/staff/cases/${id}/note-key`, c, noteKeyBody(c, id)), allowed: ['intake', 'teamlead'] },
  { name: 'POST /staff/cases/:id/messages', call: async (c, id) => send('POST', `/api/staff/cases/${id}/messages`, c, await replyBody(c, id)), allowed: CASE_WORKERS },
  {
    name: 'POST /staff/cases/:id/status',
    call: (c, id) => send('POST', `/api/staff/cases/${id}/status`, c, { status: 'in_behandeling', signed: signed(c, 'case.status', actionDetail.status('in_behandeling'), id) }),
    allowed: CASE_WORKERS,
  },
  { name: 'POST /staff/cases/:id/grants', call: async (c, id) => send('POST', `/api/staff/cases/${id}/grants`, c, await grantBody(c, id, ids.casemanager!)), allowed: ['intake', 'teamlead'] },
  { name: 'POST /staff/cases/:id/notes', call: async (c, id) => send('POST', `/api/staff/cases/${id}/notes`, c, await noteBody(c, id)), allowed: CASE_WORKERS },
  { name: 'DELETE /staff/cases/:id', call: (c, id) => send('DELETE', `/api/staff/cases/${id}`, c, { signed: signed(c, 'case.delete', '', id) }), fresh: 'case', allowed: ['teamlead'] },
  {
    // Under "only the handler": intake and the handler, not the team lead.
    name: 'POST /staff/cases/:id/appointment/cancel',
    call: async (c, id) => send('POST', `/api/staff/cases/${id}/appointment/cancel`, c, await appointmentBody(c, id, 'cancel')),
    fresh: 'booking',
    allowed: ['intake', 'casemanagerGranted'],
  },
  {
    name: 'POST /staff/cases/:id/appointment/move',
    call: async (c, id) => send('POST', `/api/staff/cases/${id}/appointment/move`, c, await appointmentBody(c, id, 'move')),
    fresh: 'booking',
    allowed: ['intake', 'casemanagerGranted'],
  },
  { name: 'GET /staff/members', call: (c) => send('GET', '/api/staff/members', c), allowed: ['intake', 'teamlead', 'otherIntake', 'otherTeamlead'] },
  {
    name: 'POST /staff/members/invites',
    call: (c) => send('POST', '/api/staff/members/invites', c, { role: 'casemanager', signed: signed(c, 'member.invite', actionDetail.invite('casemanager')) }),
    allowed: ['teamlead', 'otherTeamlead'],
  },
  { name: 'POST /staff/members/:id/approve', call: async (c, id) => send('POST', `/api/staff/members/${id}/approve`, c, await approvalBody(c, id)), fresh: 'member', allowed: ['teamlead'] },
  { name: 'POST /staff/members/:id/revoke', call: (c, id) => send('POST', `/api/staff/members/${id}/revoke`, c, { signed: signed(c, 'member.revoke', '', null, id) }), fresh: 'member', allowed: ['teamlead'] },
  { name: 'GET /staff/audit', call: (c) => send('GET', '/api/staff/audit', c), allowed: ['teamlead', 'privacy', 'otherTeamlead'] },
  { name: 'GET /staff/team-keys', call: (c) => send('GET', '/api/staff/team-keys', c), allowed: ['teamlead', 'otherTeamlead'] },
  {
    name: 'POST /staff/audit/exports',
    call: (c) => send('POST', '/api/staff/audit/exports', c, { rows: 3, filter: 'none', signed: signed(c, 'audit.export', actionDetail.export(3, 'none')) }),
    allowed: ['teamlead', 'privacy', 'otherTeamlead'],
  },
  {
    // A made-up head: let through means 409 head_moved, after the role check.
    name: 'POST /staff/audit/checkpoints',
    call: (c) => send('POST', '/api/staff/audit/checkpoints', c, { headId: 1, headHash: b64(32), signed: signed(c, 'audit.checkpoint', 'x', null, '1') }),
    allowed: ['teamlead', 'otherTeamlead'],
  },
  {
    name: 'POST /staff/team-keys',
    call: (c) => send('POST', '/api/staff/team-keys', c, { keyId: 1, publicKey: b64(32), keySignature: b64(64), grants: [{ staffId: 'x', sealedSecretKey: b64(80), signature: b64(64) }], signed: signed(c, 'team.key_rotate', 'x') }),
    allowed: ['teamlead', 'otherTeamlead'],
  },
];

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
  cookies.anonymous = '';
  for (const [caller, username] of Object.entries(USERNAMES) as [Exclude<Caller, 'anonymous'>, string][]) {
    const session = await signIn(request, username);
    cookies[caller] = session.cookie;
    ids[caller] = session.body!.staff.id;
    sessions[caller] = session;
  }
  const list = (await (await send('GET', '/api/staff/members', cookies.teamlead)).json()) as { members: { id: string; boxPublicKey: string }[] };
  for (const m of list.members) boxKeys[m.id] = m.boxPublicKey;
});
afterAll(() => d1?.dispose());

describe('authorization matrix', () => {
  it.each(endpoints)('$name', async (endpoint) => {
    const sharedCase = await freshCase();
    const failures: string[] = [];
    for (const caller of ['anonymous', ...SIGNED_IN] as Caller[]) {
      const target =
        endpoint.fresh === 'case' ? await freshCase() : endpoint.fresh === 'member' ? await freshPendingMember() : endpoint.fresh === 'booking' ? await freshBooking() : sharedCase;
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

  it('an upload needs the code of the case, not a staff session', async () => {
    const object = sodium.randombytes_buf(24 + 65_536 + 17);
    for (const caller of ['anonymous', ...SIGNED_IN] as Caller[]) {
      const res = await uploadObject((path, init) => request(path, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(cookies[caller] ? { cookie: cookies[caller] } : {}) } }), b64(32), object);
      expect(res.status, caller).toBe(404);
    }
  });

  it('answers another team’s case as not found, not forbidden', async () => {
    const id = await freshCase();
    expect((await send('GET', `/api/staff/cases/${id}`, cookies.otherTeamlead)).status).toBe(404);
  });

  it('asks for the current passphrase before changing it', async () => {
    expect((await send('POST', '/api/staff/passphrase', '', {})).status).toBe(401);
    const res = await send('POST', '/api/staff/passphrase', cookies.intake, {
      currentAuthKey: b64(32), salt: b64(16), authKey: b64(32), keyBlob: b64(112), keyBlobNonce: b64(24), signed: signed(cookies.intake, 'member.passphrase', '', null, ids.intake!),
    });
    expect(res.status).toBe(403);
  });
});
