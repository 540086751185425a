// The server lies about team keys: a member revoked before a key rotation keeps the old key
// blob, and a case names a key id the team never had. The staff console's own code
// (src/islands/staff/*) runs on what the database holds. The other lies (planted keys, a
// rewritten audit log): hostileServer.test.ts.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { db, freshD1, request, sodium, useLocalApp } from '../helpers/localApp';
import { DEMO_PASSPHRASE, signIn } from '../helpers/sodiumNode';
import { askQuestion } from '../helpers/resident';
import { staffClient, type Session } from '../helpers/staffConsole';
import { fromBase64 } from '../../src/lib/crypto/sodium';
import { caseKeyId, openCasePayload, sealCase } from '../../src/lib/crypto/caseEnvelope';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';
import { derivePassphraseKeys, unlockStaffKeys } from '../../src/lib/crypto/staffKeys';
import { findTeam, type Team } from '../../src/lib/config/teams';
import { actionDetail } from '../../src/lib/audit/auditRecord';
import { QuestionPayload } from '../../src/lib/schemas/questionPayload';
import { openKeyOf } from '../../src/islands/staff/caseCrypto';
import { unlockTeamKeys, type TeamKeyGrantJson } from '../../src/islands/staff/trust';
import { prepareRotation } from '../../src/islands/staff/memberKeys';
import type { CaseJson, Member, Vault } from '../../src/islands/staff/types';

useLocalApp();
const centrum = () => findTeam('centrum-oost')!;

describe('team key rotation and key ids', () => {
  /** The bundle after the IT team pinned a new key and redeployed. */
  const redeployed = (team: Team, key: { keyId: number; publicKey: string; fingerprint: string }): Team => ({
    ...team,
    boxKeys: [...team.boxKeys, { id: key.keyId, publicKey: key.publicKey, fingerprint: key.fingerprint }],
    publicKey: key.publicKey,
    keyId: key.keyId,
    fingerprint: key.fingerprint,
  });

  it('a revoked member’s old key blob opens no case made after rotation; old cases stay readable', async () => {
    await freshD1();
    const oldCase = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team', text: 'Van voor de wissel' });
    // What the leaving intake worker keeps: their key blob, salt and grants (a backup, a copy).
    const kept = (await db().prepare("SELECT id, salt, key_blob, key_blob_nonce FROM staff WHERE username = 'intake.centrum'").first<{ id: string; salt: string; key_blob: string; key_blob_nonce: string }>())!;
    const keptGrants = (await db().prepare('SELECT team_id AS teamId, kind, key_id AS keyId, sealed_secret_key AS sealedSecretKey FROM team_key_grants WHERE staff_id = ?').bind(kept.id).all<TeamKeyGrantJson>()).results;

    const lead = await signIn(request, 'teamlead.centrum');
    const leadConsole = staffClient(request, lead);
    const revoked = await leadConsole.post(`/api/staff/members/${kept.id}/revoke`, { signed: lead.sign!({ action: 'member.revoke', subjectId: kept.id, detail: '' }) });
    expect(((await revoked.json()) as { rotationAdvised: boolean }).rotationAdvised).toBe(true);

    const members = await leadConsole.members();
    const rotation = prepareRotation(lead.vault!, lead.staff!, centrum(), members as Member[], [])!;
    expect(rotation.keyId).toBe(2);
    expect(rotation.body.grants.map((g) => g.staffId)).not.toContain(kept.id);
    const made = await leadConsole.post('/api/staff/team-keys', {
      ...rotation.body,
      signed: lead.sign!({ action: 'team.key_rotate', subjectId: '2', detail: await actionDetail.rotate(2, rotation.publicKey) }),
    });
    expect(made.status).toBe(201);
    const team2 = redeployed(centrum(), rotation);

    // After the redeploy a resident seals to key 2 (written as the redeployed API stores it).
    const code = generateCaseCode(sodium);
    const payload = v.parse(QuestionPayload, { type: 'question', neighbourhood: 'oost', question: 'Na de wissel', contact: { method: 'portal' }, consent: 'team', submittedAt: new Date().toISOString(), language: 'nl' });
    const sealed = sealCase(sodium, { code, teamId: 'centrum-oost', teamPublicKey: team2.publicKey, teamKeyId: 2, kind: 'question', consent: 'team', payloadJson: JSON.stringify(payload) });
    const newId = crypto.randomUUID();
    await db()
      .prepare("INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, key_id, nonce, ciphertext, sealed_key, created_day) VALUES (?, 'centrum-oost', 'question', 'team', ?, 2, 2, ?, ?, ?, ?)")
      .bind(newId, `test-${newId}`, sealed.nonce, sealed.ciphertext, sealed.sealedKey, new Date().toISOString().slice(0, 10))
      .run();
    const newCase = { id: newId, teamId: 'centrum-oost', kind: 'question', consent: 'team', protocol: 2, keyId: 2, nonce: sealed.nonce, ciphertext: sealed.ciphertext, sealedKey: sealed.sealedKey, status: 'nieuw', createdDay: '' } as CaseJson;

    // The revoked member, with the old blob, the passphrase and the old grants.
    const wrap = derivePassphraseKeys(sodium, DEMO_PASSPHRASE, kept.salt).wrapKey;
    const oldKeys = unlockStaffKeys(sodium, wrap, { keyBlob: kept.key_blob, keyBlobNonce: kept.key_blob_nonce });
    if (!oldKeys.ok) throw new Error('old blob');
    const held = unlockTeamKeys(sodium, oldKeys.value, keptGrants, team2);
    expect([...held.boxKeys.keys()]).toEqual([1]);
    const theirVault: Vault = { sodium, staff: oldKeys.value, teamId: 'centrum-oost', teamKeys: held.boxKeys, unpinnedTeamKeys: new Map(), teamSign: null };
    const ctx = { me: { id: kept.id }, certificates: {} };
    expect(openKeyOf(theirVault, newCase, ctx)).toEqual({ ok: false, reason: 'unknown_key' });
    // Not even by trying key 1 on the new case's sealed key.
    expect(() => sodium.crypto_box_seal_open(fromBase64(sodium, newCase.sealedKey), held.boxKeys.get(1)!.publicKey, held.boxKeys.get(1)!.privateKey)).toThrow();

    // The team lead, after the redeploy, holds both keys: the new case and the old one open.
    const leadGrants = (await db().prepare('SELECT team_id AS teamId, kind, key_id AS keyId, sealed_secret_key AS sealedSecretKey FROM team_key_grants WHERE staff_id = ?').bind(lead.staff!.id).all<TeamKeyGrantJson>()).results;
    const leadHeld = unlockTeamKeys(sodium, lead.vault!.staff, leadGrants, team2);
    expect([...leadHeld.boxKeys.keys()].sort()).toEqual([1, 2]);
    const leadVault: Vault = { ...lead.vault!, teamKeys: leadHeld.boxKeys };
    const opened = openKeyOf(leadVault, newCase, { me: { id: lead.staff!.id }, certificates: {} });
    expect(opened.ok && openCasePayload(sodium, newCase, opened.key)).toMatchObject({ ok: true, value: { question: 'Na de wissel' } });
    const old = await staffClient(request, { ...lead, vault: leadVault } as Session).open(oldCase.id);
    expect(caseKeyId(old.detail.case)).toBe(1);
    expect(old.caseKey.ok).toBe(true);
  });

  it('an unknown key id is refused with its own reason (the API refuses such a case: cases.test.ts)', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
    await db().prepare('UPDATE cases SET key_id = 9 WHERE id = ?').bind(asked.id).run();
    const lead = await signIn(request, 'teamlead.centrum');
    const { caseKey } = await staffClient(request, lead).open(asked.id);
    expect(caseKey).toEqual({ ok: false, reason: 'unknown_key' });
  });
});
