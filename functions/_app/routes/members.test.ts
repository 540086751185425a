// Member lifecycle with real keys: invite, activate in "the browser", approve with a
// certificate and the team key sealed and signed in the lead's console (the same code,
// src/islands/staff/memberKeys.ts), sign in, change passphrase, revoke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { derivePassphraseKeys, enrolStaff, rewrapStaffKeys, unlockStaffKeys } from '../../../src/lib/crypto/staffKeys';
import { toBase64 } from '../../../src/lib/crypto/sodium';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { issueCertificate } from '../../../src/lib/crypto/memberCertificate';
import { prepareApproval } from '../../../src/islands/staff/memberKeys';
import { memberTrust } from '../../../src/islands/staff/trust';
import type { Member } from '../../../src/islands/staff/types';
import { INVITE_LIFETIME_SECONDS } from './members';

type Session = Awaited<ReturnType<typeof signIn>>;

async function memberById(lead: Session, id: string): Promise<Member> {
  const list = (await (await request('/api/staff/members', { headers: { cookie: lead.cookie } })).json()) as { members: Member[] };
  return list.members.find((m) => m.id === id)!;
}

/** The approval body the lead's console sends. */
async function approval(lead: Session, member: Member, day = START.toISOString().slice(0, 10)) {
  const prepared = prepareApproval(lead.vault!, lead.staff!, member, day);
  if (!prepared.ok) throw new Error(prepared.refusal);
  return { ...prepared.body, signed: lead.sign!({ action: 'member.approve', subjectId: member.id, detail: await actionDetail.certificate(prepared.body.certificate) }) };
}

let d1: LocalD1;
let sodium: Sodium;
// Real time: signatures bind today's date, as in the console.
const START = new Date();
let now = START;
const app = createApp({ clock: () => now, purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const send = (path: string, cookie: string, body?: unknown) =>
  request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

async function invite(cookie: Session, role: string) {
  const res = await send('/api/staff/members/invites', cookie.cookie, { role, signed: cookie.sign!({ action: 'member.invite', detail: actionDetail.invite(role) }) });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; path: string };
}

function activation(token: string, username: string, passphrase: string) {
  const { enrolment } = enrolStaff(sodium, passphrase);
  return { body: { token, username, displayName: 'Nieuwe collega', ...enrolment }, enrolment };
}

describe('members', () => {
  it('invites, activates, approves with the team key, and the new intake worker opens the team key', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token, path } = await invite(lead, 'intake');
    expect(path).toBe(`/medewerker/activeren/#${token}`);
    const { body, enrolment } = activation(token, 'nieuw.intake', 'een nieuwe lange wachtwoordzin');
    const res = await send('/api/staff/activate', '', body);
    expect(res.status).toBe(201);
    const { id, status } = (await res.json()) as { id: string; status: string };
    expect(status).toBe('pending');

    // Single use.
    expect((await send('/api/staff/activate', '', activation(token, 'nog.iemand', 'weer een andere zin').body)).status).toBe(410);
    // Pending members cannot sign in yet.
    expect((await signIn(request, 'nieuw.intake', 'een nieuwe lange wachtwoordzin')).res.status).toBe(401);

    const pending = await memberById(lead, id);
    expect(pending.boxPublicKey).toBe(enrolment.boxPublicKey);
    expect(memberTrust(sodium, pending).ok).toBe(false);
    const approveBody = await approval(lead, pending);
    // Intake needs the team key: refused without it.
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, { ...approveBody, teamKeyGrants: [] })).status).toBe(400);
    // A certificate signed by anyone but the team signing key is refused.
    const forged = issueCertificate(sodium, sodium.crypto_sign_keypair().privateKey, JSON.parse(approveBody.certificate));
    const refused = await send(`/api/staff/members/${id}/approve`, lead.cookie, { ...approveBody, certificateSignature: forged.signature });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('invalid_certificate');
    // A grant signature that is not the lead's is refused.
    const badGrant = { ...approveBody.teamKeyGrants[0]!, signature: toBase64(sodium, sodium.randombytes_buf(64)) };
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, { ...approveBody, teamKeyGrants: [badGrant] })).status).toBe(400);
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, approveBody)).status).toBe(200);

    // Every console now finds the new member certified by the pinned team signing key.
    const approved = await memberById(lead, id);
    expect(memberTrust(sodium, approved)).toMatchObject({ ok: true, body: { memberId: id, role: 'intake', teamId: 'centrum-oost' } });

    const member = await signIn(request, 'nieuw.intake', 'een nieuwe lange wachtwoordzin');
    expect(member.res.status).toBe(200);
    expect(toBase64(sodium, member.teamKeys!.publicKey)).toBe(toBase64(sodium, lead.teamKeys!.publicKey));
    expect(member.vault!.teamSign).toBeNull();
    expect((await request('/api/staff/cases', { headers: { cookie: member.cookie } })).status).toBe(200);

    // Revoking ends the session and removes the grant.
    const revoked = await send(`/api/staff/members/${id}/revoke`, lead.cookie, { signed: lead.sign!({ action: 'member.revoke', subjectId: id, detail: '' }) });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { rotationAdvised: boolean }).rotationAdvised).toBe(true);
    expect((await request('/api/staff/me', { headers: { cookie: member.cookie } })).status).toBe(401);
    expect((await signIn(request, 'nieuw.intake', 'een nieuwe lange wachtwoordzin')).res.status).toBe(401);
    const grants = await d1.env.DB.prepare('SELECT COUNT(*) AS n FROM team_key_grants WHERE staff_id = ?').bind(id).first<{ n: number }>();
    expect(grants!.n).toBe(0);
  });

  it('refuses an expired invite', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token } = await invite(lead, 'casemanager');
    now = new Date(now.getTime() + (INVITE_LIFETIME_SECONDS + 60) * 1000);
    const res = await send('/api/staff/activate', '', activation(token, 'te.laat', 'een zin die te laat komt').body);
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invite_invalid');
    now = START;
  });

  it('gives case managers no team key', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token } = await invite(lead, 'casemanager');
    const { body } = activation(token, 'nieuw.cm', 'casemanager wachtwoordzin lang');
    const { id } = (await (await send('/api/staff/activate', '', body)).json()) as { id: string };
    const approve = await approval(lead, await memberById(lead, id));
    expect(approve.teamKeyGrants).toEqual([]);
    // A team key smuggled into a case manager's approval is refused.
    const asIntake = await approval(lead, { ...(await memberById(lead, id)), role: 'intake' });
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, { ...approve, teamKeyGrants: asIntake.teamKeyGrants })).status).toBe(400);
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, approve)).status).toBe(200);
  });

  it('refuses a username that is taken', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token } = await invite(lead, 'casemanager');
    const res = await send('/api/staff/activate', '', activation(token, 'intake.centrum', 'welke zin dan ook hier').body);
    expect(res.status).toBe(409);
  });

  it('changes a passphrase by re-wrapping the same keys, and ends the member’s other sessions', async () => {
    const before = await signIn(request, 'casemanager2.centrum');
    const elsewhere = await signIn(request, 'casemanager2.centrum');
    const sodiumSalt = ((await (await send('/api/staff/salt', '', { username: 'casemanager2.centrum' })).json()) as { salt: string }).salt;
    const current = derivePassphraseKeys(sodium, 'oefenen in achterom', sodiumSalt);
    const keys = unlockStaffKeys(sodium, current.wrapKey, before.body!);
    expect(keys.ok).toBe(true);
    if (!keys.ok) return;
    const rewrapped = rewrapStaffKeys(sodium, keys.value, 'mijn nieuwe wachtwoordzin');
    const { boxPublicKey: _box, signPublicKey: _sign, ...material } = rewrapped;
    const signed = before.sign!({ action: 'member.passphrase', subjectId: before.staff!.id, detail: '' });
    const res = await send('/api/staff/passphrase', before.cookie, { currentAuthKey: toBase64(sodium, current.authKey), ...material, signed });
    expect(res.status).toBe(204);
    // The session on the other computer ends; this one goes on.
    expect((await request('/api/staff/me', { headers: { cookie: elsewhere.cookie } })).status).toBe(401);
    expect((await request('/api/staff/me', { headers: { cookie: before.cookie } })).status).toBe(200);
    expect((await signIn(request, 'casemanager2.centrum')).res.status).toBe(401);
    const after = await signIn(request, 'casemanager2.centrum', 'mijn nieuwe wachtwoordzin');
    expect(after.res.status).toBe(200);
    expect(toBase64(sodium, after.boxKeys!.publicKey)).toBe(toBase64(sodium, keys.value.box.publicKey));
  });
});
