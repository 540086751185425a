import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadSodium, toBase64, type Sodium } from './sodium';
import { addDays, issueCertificate, verifyCertificate, type MemberCertificateBody } from './memberCertificate';
import { certificateIssuerKey } from '../config/teams';

let sodium: Sodium;
let teamSign: { publicKey: Uint8Array; privateKey: Uint8Array };
let body: MemberCertificateBody;

beforeAll(async () => {
  sodium = await loadSodium();
  teamSign = sodium.crypto_sign_keypair();
  body = {
    v: 2, memberId: 'staff-1', username: 'nina', teamId: 'centrum-oost', role: 'casemanager',
    boxPublicKey: toBase64(sodium, sodium.crypto_box_keypair().publicKey), signPublicKey: toBase64(sodium, sodium.crypto_sign_keypair().publicKey),
    issuedDay: '2026-11-30', validUntilDay: addDays('2026-11-30', 400), issuerId: 'lead',
  };
});

const claim = () => ({ id: body.memberId, username: body.username, teamId: body.teamId, role: body.role, boxPublicKey: body.boxPublicKey, signPublicKey: body.signPublicKey });
const issuer = () => () => toBase64(sodium, teamSign.publicKey);

describe('member certificates', () => {
  it('verifies against the issuer key and what the API claims', () => {
    const cert = issueCertificate(sodium, teamSign.privateKey, body);
    expect(verifyCertificate(sodium, cert, issuer(), claim(), '2026-12-01')).toEqual({ ok: true, body });
  });

  it('names what is wrong: missing, another signer, another key, another role, expired, malformed', () => {
    const cert = issueCertificate(sodium, teamSign.privateKey, body);
    expect(verifyCertificate(sodium, null, issuer(), claim(), '2026-12-01')).toEqual({ ok: false, problem: 'missing' });
    const stranger = issueCertificate(sodium, sodium.crypto_sign_keypair().privateKey, body);
    expect(verifyCertificate(sodium, stranger, issuer(), claim(), '2026-12-01')).toEqual({ ok: false, problem: 'bad_signature' });
    const swapped = { ...claim(), boxPublicKey: toBase64(sodium, sodium.crypto_box_keypair().publicKey) };
    expect(verifyCertificate(sodium, cert, issuer(), swapped, '2026-12-01')).toEqual({ ok: false, problem: 'mismatch' });
    expect(verifyCertificate(sodium, cert, issuer(), { ...claim(), role: 'teamlead' }, '2026-12-01')).toEqual({ ok: false, problem: 'mismatch' });
    expect(verifyCertificate(sodium, cert, issuer(), claim(), '2028-01-05')).toEqual({ ok: false, problem: 'expired' });
    // The text itself is what is signed: a re-serialised copy with a change fails.
    const edited = { certificate: cert.certificate.replace('casemanager', 'teamlead'), signature: cert.signature };
    expect(verifyCertificate(sodium, edited, issuer(), { ...claim(), role: 'teamlead' }, '2026-12-01')).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verifyCertificate(sodium, { certificate: '{', signature: cert.signature }, issuer(), claim(), '2026-12-01')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('keeps the privacy officer, and only them, outside the teams', () => {
    const officer = issueCertificate(sodium, teamSign.privateKey, { ...body, role: 'privacy', teamId: null });
    expect(verifyCertificate(sodium, officer, issuer(), { ...claim(), role: 'privacy', teamId: null }, '2026-12-01').ok).toBe(true);
    const teamless = issueCertificate(sodium, teamSign.privateKey, { ...body, teamId: null });
    expect(verifyCertificate(sodium, teamless, issuer(), { ...claim(), teamId: null }, '2026-12-01')).toEqual({ ok: false, problem: 'malformed' });
  });

  it('every demo account carries a certificate the pinned keys vouch for', () => {
    const sql = readFileSync(new URL('../../../functions/_db/demo/demo.sql', import.meta.url), 'utf8');
    const values = (list: string) => [...list.matchAll(/'((?:[^']|'')*)'|NULL/g)].map((m) => (m[0] === 'NULL' ? null : m[1]!.replace(/''/g, "'")));
    const rows = [...sql.matchAll(/INSERT OR IGNORE INTO staff \(.*?\) VALUES \((.*)\);/g)].map((m) => values(m[1]!));
    expect(rows.length).toBe(14);
    for (const r of rows) {
      const [id, username, , teamId, role, , , boxPublicKey, signPublicKey, , , certificate, signature] = r;
      const check = verifyCertificate(sodium, { certificate: certificate ?? null, signature: signature ?? null }, certificateIssuerKey, { id: id!, username: username!, teamId: teamId ?? null, role: role!, boxPublicKey: boxPublicKey!, signPublicKey: signPublicKey! }, '2026-12-01');
      expect(check.ok, `${username}`).toBe(true);
    }
  });
});
