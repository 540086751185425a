// The first privacy officer's key ceremony against the real API and a real local D1, with
// real keys: invited from the command line, they activate and make the organisation's
// signing key in "the browser" (makeOrganisationKey); once it is pinned, their
// certificate and their signed audit row check out. Once only; forgeries are refused.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { auditRecord, verifyAuditChain, type AuditRow } from '../audit';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { enrolStaff } from '../../../src/lib/crypto/staffKeys';
import { makeOrganisationKey } from '../../../src/lib/crypto/teamCeremony';
import { verifyCertificate } from '../../../src/lib/crypto/memberCertificate';
import { verifyAuditLog } from '../../../src/lib/audit/verifyAuditLog';
import { randomToken, sha256Base64 } from '../bytes';
import { dayOf } from '../storage';

// A municipality that has not made its organisation key yet: teamKeys.json says null.
vi.mock('../../../src/lib/config/teamKeys.json', async (importOriginal) => {
  const pinned = ((await importOriginal()) as { default: Record<string, unknown> }).default;
  return { default: { ...pinned, organisation: null } };
});

let d1: LocalD1;
let sodium: Sodium;
const app = createApp();
const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, d1.env);
const today = () => dayOf(new Date());

async function privacyInvite(createdBy = 'admin-cli') {
  const token = randomToken();
  await d1.env.DB.prepare("INSERT INTO invites (token_hash, team_id, role, created_by, expires_at) VALUES (?, NULL, 'privacy', ?, ?)")
    .bind(await sha256Base64(token), createdBy, Math.floor(Date.now() / 1000) + 3600)
    .run();
  return token;
}

async function activate(token: string, username: string) {
  const { enrolment, keys } = enrolStaff(sodium, `${username} kiest een lange zin`);
  const res = await post('/api/staff/activate', { token, username, displayName: 'Functionaris', ...enrolment });
  const body = (await res.json()) as { id: string; ceremony: boolean; teamId: string | null; role: string };
  return { res, body, keys, officer: { id: body.id, username, boxPublicKey: enrolment.boxPublicKey, signPublicKey: enrolment.signPublicKey } };
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1({ seed: false }), loadSodium()]);
});
afterAll(() => d1?.dispose());

describe('POST /api/staff/activate/ceremony/organisation', () => {
  it('refuses a certificate or signature that does not belong to the key sent, and a privacy invite a member made', async () => {
    const token = await privacyInvite();
    const { keys, officer } = await activate(token, 'fg.eerst');
    const good = (await makeOrganisationKey(sodium, officer, keys.sign.privateKey, today())).request;
    const other = (await makeOrganisationKey(sodium, officer, keys.sign.privateKey, today())).request;
    const forged = (await makeOrganisationKey(sodium, officer, sodium.crypto_sign_keypair().privateKey, today())).request;
    for (const [what, body, code] of [
      ['a certificate signed with another key', { ...good, certificate: other.certificate, certificateSignature: other.certificateSignature }, 'invalid_certificate'],
      ['an audit signature by someone else', { ...good, signed: forged.signed }, 'bad_signature'],
    ] as const) {
      const res = await post('/api/staff/activate/ceremony/organisation', { token, ...body });
      expect(res.status, what).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, what).toBe(code);
    }
    const byMember = await privacyInvite('demo-privacy');
    const led = await activate(byMember, 'fg.via.collega');
    expect(led.body.ceremony).toBe(false);
    const made = await makeOrganisationKey(sodium, led.officer, led.keys.sign.privateKey, today());
    expect((await post('/api/staff/activate/ceremony/organisation', { token: byMember, ...made.request })).status).toBe(410);
  });

  it('makes the organisation key once; pinned, it vouches for the officer and their audit row', async () => {
    const token = await privacyInvite();
    const { res, body, keys, officer } = await activate(token, 'fg.schiedam');
    expect(res.status).toBe(201);
    expect(body).toMatchObject({ status: 'pending', role: 'privacy', teamId: null, ceremony: true });
    const made = await makeOrganisationKey(sodium, officer, keys.sign.privateKey, today());
    const done = await post('/api/staff/activate/ceremony/organisation', { token, ...made.request });
    expect(done.status, await done.clone().text()).toBe(201);
    expect(await d1.env.DB.prepare('SELECT status FROM staff WHERE id = ?').bind(officer.id).first('status')).toBe('active');
    expect(await verifyAuditChain(d1.env.DB)).toMatchObject({ ok: true });

    const cert = (await d1.env.DB.prepare('SELECT certificate, certificate_signature AS signature FROM staff WHERE id = ?').bind(officer.id).first()) as { certificate: string; signature: string };
    const issuerKey = (teamId: string | null) => (teamId === null ? made.pin.signPublicKey : undefined);
    expect(verifyCertificate(sodium, cert, issuerKey, { id: officer.id, role: 'privacy', teamId: null }, today()).ok).toBe(true);
    const { results } = await d1.env.DB.prepare('SELECT * FROM audit_log ORDER BY id').all<AuditRow>();
    const report = await verifyAuditLog({ sodium, rows: results.map(auditRecord), certificates: { [officer.id]: cert }, issuerKey });
    expect(report.problems).toEqual([]);
    expect(report.signed).toBe(1);

    // Once: a second officer invited the same way cannot make another organisation key.
    const second = await privacyInvite();
    const again = await activate(second, 'fg.tweede');
    const theirs = await makeOrganisationKey(sodium, again.officer, again.keys.sign.privateKey, today());
    const race = await post('/api/staff/activate/ceremony/organisation', { token: second, ...theirs.request });
    expect(race.status).toBe(409);
    expect(((await race.json()) as { error: { code: string } }).error.code).toBe('ceremony_done');
  });
});
