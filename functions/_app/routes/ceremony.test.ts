// A new team's key ceremony against the real API and a real local D1, with real keys:
// a first team lead invited from the command line activates, makes the team's keys in
// "the browser" (makeTeamKeys, the console's own code) and is active with both team
// secrets, which open once the public keys are pinned. Attempts to cheat are refused.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { enrolStaff, type StaffSecretKeys } from '../../../src/lib/crypto/staffKeys';
import { makeTeamKeys } from '../../../src/lib/crypto/teamCeremony';
import { verifyCertificate } from '../../../src/lib/crypto/memberCertificate';
import { unlockTeamKeys } from '../../../src/islands/staff/trust';
import { randomToken, sha256Base64 } from '../bytes';
import { verifyAuditChain } from '../audit';
import { dayOf } from '../storage';
import type { Team } from '../../../src/lib/config/teams';

// The Schiedam example has every team pinned; this run's configuration adds one that is not.
vi.mock('../../../src/lib/config/municipality', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/lib/config/municipality')>();
  const haven = { id: 'wot-haven', name: 'WOT Haven', live: false, neighbourhoods: [{ id: 'haven', name: 'Haven' }] };
  return { ...real, configTeams: [...real.configTeams, haven] };
});

let d1: LocalD1;
let sodium: Sodium;
const app = createApp();
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, d1.env);
const today = () => dayOf(new Date());

/** What `npm run admin -- invite` writes (tested on its own in tests/unit/adminInvite.test.ts). */
async function adminInvite(teamId: string, createdBy = 'admin-cli', role = 'teamlead') {
  const token = randomToken();
  await d1.env.DB.prepare('INSERT INTO invites (token_hash, team_id, role, created_by, expires_at) VALUES (?, ?, ?, ?, ?)')
    .bind(await sha256Base64(token), teamId, role, createdBy, Math.floor(Date.now() / 1000) + 3600)
    .run();
  return token;
}

async function activate(token: string, username: string) {
  const { enrolment, keys } = enrolStaff(sodium, `${username} kiest een lange zin`);
  const res = await post('/api/staff/activate', { token, username, displayName: 'Eerste teamleider', ...enrolment });
  const body = (await res.json()) as { id: string; ceremony: boolean; teamId: string };
  return { res, body, keys, lead: { id: body.id, username, teamId: body.teamId, boxPublicKey: enrolment.boxPublicKey, signPublicKey: enrolment.signPublicKey } };
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

describe('POST /api/staff/activate/ceremony', () => {
  it('makes the team keys once; the lead is active and opens both secrets once they are pinned', async () => {
    const token = await adminInvite('wot-haven');
    const { res, body, keys, lead } = await activate(token, 'lead.haven');
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ status: 'pending', role: 'teamlead', teamId: 'wot-haven', ceremony: true });

    const made = await makeTeamKeys(sodium, lead, keys.sign.privateKey, today());
    const done = await post('/api/staff/activate/ceremony', { token, ...made.request });
    expect(done.status, await done.clone().text()).toBe(201);
    expect(await d1.env.DB.prepare('SELECT status FROM staff WHERE id = ?').bind(lead.id).first('status')).toBe('active');
    expect(await d1.env.DB.prepare('SELECT box_public_key FROM team_ceremonies WHERE team_id = ?').bind('wot-haven').first('box_public_key')).toBe(made.pin.boxKeys[0]!.publicKey);
    expect(await verifyAuditChain(d1.env.DB)).toMatchObject({ ok: true });

    // Pinned as the ceremony says (teamKeys.json), the certificate checks and both secrets open.
    const pinnedTeam = { id: 'wot-haven', name: 'WOT Haven', neighbourhoods: [], publicKey: made.pin.boxKeys[0]!.publicKey, keyId: 1, fingerprint: made.pin.boxKeys[0]!.fingerprint, boxKeys: made.pin.boxKeys, signPublicKey: made.pin.signPublicKey, signFingerprint: made.pin.signFingerprint, demo: false } satisfies Team;
    const cert = (await d1.env.DB.prepare('SELECT certificate, certificate_signature FROM staff WHERE id = ?').bind(lead.id).first()) as { certificate: string; certificate_signature: string };
    expect(verifyCertificate(sodium, { certificate: cert.certificate, signature: cert.certificate_signature }, () => made.pin.signPublicKey, { id: lead.id, role: 'teamlead', teamId: 'wot-haven' }, today()).ok).toBe(true);
    const { results: grants } = await d1.env.DB.prepare('SELECT team_id AS teamId, kind, key_id AS keyId, sealed_secret_key AS sealedSecretKey, granted_by AS grantedBy, signature FROM team_key_grants WHERE staff_id = ?').bind(lead.id).all();
    const held = unlockTeamKeys(sodium, keys as StaffSecretKeys, grants as never, pinnedTeam);
    expect(held.boxKeys.has(1)).toBe(true);
    expect(held.sign).not.toBeNull();
    expect(held.mismatches).toEqual([]);

    // Once per team: the same link again, or a second first lead, are refused.
    expect((await post('/api/staff/activate/ceremony', { token, ...made.request })).status).toBe(409);
    const second = await adminInvite('wot-haven');
    const other = await activate(second, 'tweede.haven');
    const otherKeys = await makeTeamKeys(sodium, other.lead, other.keys.sign.privateKey, today());
    const race = await post('/api/staff/activate/ceremony', { token: second, ...otherKeys.request });
    expect(race.status).toBe(409);
    expect(((await race.json()) as { error: { code: string } }).error.code).toBe('ceremony_done');
  });

  it('refuses a certificate, grant or signature that does not belong to the keys sent', async () => {
    await d1.env.DB.prepare('DELETE FROM team_ceremonies').run();
    const token = await adminInvite('wot-haven');
    const { keys, lead } = await activate(token, 'derde.haven');
    const good = (await makeTeamKeys(sodium, lead, keys.sign.privateKey, today())).request;
    const other = (await makeTeamKeys(sodium, lead, keys.sign.privateKey, today())).request;
    const stranger = sodium.crypto_sign_keypair();
    const forged = (await makeTeamKeys(sodium, lead, stranger.privateKey, today())).request;
    const attempts: [string, unknown, string][] = [
      ['a certificate signed with another team key', { ...good, certificate: other.certificate, certificateSignature: other.certificateSignature }, 'invalid_certificate'],
      ['grants signed by someone else', { ...good, teamKeyGrants: forged.teamKeyGrants }, 'bad_signature'],
      ['the audit signature of someone else', { ...good, signed: forged.signed }, 'bad_signature'],
      ['only one grant', { ...good, teamKeyGrants: [good.teamKeyGrants[0], good.teamKeyGrants[0]] }, 'invalid_body'],
    ];
    for (const [what, body, code] of attempts) {
      const res = await post('/api/staff/activate/ceremony', { token, ...(body as object) });
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe(code);
    }
    expect(await d1.env.DB.prepare('SELECT status FROM staff WHERE id = ?').bind(lead.id).first('status')).toBe('pending');
  });

  it('is not for a team with pinned keys, nor for an invite a team lead made', async () => {
    const pinned = await activate(await adminInvite('centraal'), 'nieuw.centraal');
    expect(pinned.body.ceremony).toBe(false);
    const madeForPinned = await makeTeamKeys(sodium, pinned.lead, pinned.keys.sign.privateKey, today());
    const tokenPinned = await adminInvite('centraal');
    const again = await activate(tokenPinned, 'nog.centraal');
    expect((await post('/api/staff/activate/ceremony', { token: tokenPinned, ...madeForPinned.request })).status).toBe(409);
    expect(again.body.ceremony).toBe(false);

    const byLead = await adminInvite('wot-haven', 'demo-teamlead-centrum');
    const led = await activate(byLead, 'via.teamleider');
    expect(led.body.ceremony).toBe(false);
    const made = await makeTeamKeys(sodium, led.lead, led.keys.sign.privateKey, today());
    expect((await post('/api/staff/activate/ceremony', { token: byLead, ...made.request })).status).toBe(410);
  });
});
