// Member lifecycle with real keys: invite, activate in "the browser", approve with the
// team key sealed by the lead, sign in, change passphrase, revoke.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { derivePassphraseKeys, enrolStaff, rewrapStaffKeys, sealTeamKeyGrant, unlockStaffKeys } from '../../../src/lib/crypto/staffKeys';
import { toBase64 } from '../../../src/lib/crypto/sodium';
import { INVITE_LIFETIME_SECONDS } from './members';

let d1: LocalD1;
let sodium: Sodium;
let now = new Date('2026-11-25T09:00:00Z');
const app = createApp({ clock: () => now, purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const send = (path: string, cookie: string, body?: unknown) =>
  request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

async function invite(cookie: string, role: string) {
  const res = await send('/api/staff/members/invites', cookie, { role });
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
    const { token, path } = await invite(lead.cookie, 'intake');
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

    // Intake needs the team key: refused without it.
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, {})).status).toBe(400);
    const sealedTeamKey = sealTeamKeyGrant(sodium, lead.teamKeys!.privateKey, enrolment.boxPublicKey);
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, { sealedTeamKey })).status).toBe(200);

    const member = await signIn(request, 'nieuw.intake', 'een nieuwe lange wachtwoordzin');
    expect(member.res.status).toBe(200);
    expect(toBase64(sodium, member.teamKeys!.publicKey)).toBe(toBase64(sodium, lead.teamKeys!.publicKey));
    expect((await request('/api/staff/cases', { headers: { cookie: member.cookie } })).status).toBe(200);

    // Revoking ends the session and removes the grant.
    expect((await send(`/api/staff/members/${id}/revoke`, lead.cookie)).status).toBe(200);
    expect((await request('/api/staff/me', { headers: { cookie: member.cookie } })).status).toBe(401);
    expect((await signIn(request, 'nieuw.intake', 'een nieuwe lange wachtwoordzin')).res.status).toBe(401);
    const grants = await d1.env.DB.prepare('SELECT COUNT(*) AS n FROM team_key_grants WHERE staff_id = ?').bind(id).first<{ n: number }>();
    expect(grants!.n).toBe(0);
  });

  it('refuses an expired invite', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token } = await invite(lead.cookie, 'casemanager');
    now = new Date(now.getTime() + (INVITE_LIFETIME_SECONDS + 60) * 1000);
    const res = await send('/api/staff/activate', '', activation(token, 'te.laat', 'een zin die te laat komt').body);
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invite_invalid');
    now = new Date('2026-11-25T09:00:00Z');
  });

  it('gives case managers no team key', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token } = await invite(lead.cookie, 'casemanager');
    const { body, enrolment } = activation(token, 'nieuw.cm', 'casemanager wachtwoordzin lang');
    const { id } = (await (await send('/api/staff/activate', '', body)).json()) as { id: string };
    const sealedTeamKey = sealTeamKeyGrant(sodium, lead.teamKeys!.privateKey, enrolment.boxPublicKey);
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, { sealedTeamKey })).status).toBe(400);
    expect((await send(`/api/staff/members/${id}/approve`, lead.cookie, {})).status).toBe(200);
  });

  it('refuses a username that is taken', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const { token } = await invite(lead.cookie, 'casemanager');
    const res = await send('/api/staff/activate', '', activation(token, 'intake.centrum', 'welke zin dan ook hier').body);
    expect(res.status).toBe(409);
  });

  it('changes a passphrase by re-wrapping the same keys', async () => {
    const before = await signIn(request, 'casemanager2.centrum');
    const sodiumSalt = ((await (await send('/api/staff/salt', '', { username: 'casemanager2.centrum' })).json()) as { salt: string }).salt;
    const current = derivePassphraseKeys(sodium, 'oefenen in achterom', sodiumSalt);
    const keys = unlockStaffKeys(sodium, current.wrapKey, before.body!);
    expect(keys.ok).toBe(true);
    if (!keys.ok) return;
    const rewrapped = rewrapStaffKeys(sodium, keys.value, 'mijn nieuwe wachtwoordzin');
    const { boxPublicKey: _box, signPublicKey: _sign, ...material } = rewrapped;
    const res = await send('/api/staff/passphrase', before.cookie, { currentAuthKey: toBase64(sodium, current.authKey), ...material });
    expect(res.status).toBe(204);
    expect((await signIn(request, 'casemanager2.centrum')).res.status).toBe(401);
    const after = await signIn(request, 'casemanager2.centrum', 'mijn nieuwe wachtwoordzin');
    expect(after.res.status).toBe(200);
    expect(toBase64(sodium, after.boxKeys!.publicKey)).toBe(toBase64(sodium, keys.value.box.publicKey));
  });
});
