// Cases made before protocol version 2 stay readable. The fixture is a version-1
// database: migrations 0001-0004 only, with staff, a team key grant, a case sealed the
// version-1 way (no key id in the associated data), a reply, an internal note, a case
// grant and audit rows, all made with real libsodium. Then 0005 runs, and the version-2
// console code opens everything through the real API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { createApp } from '../../functions/_app/app';
import { auditRecord, type AuditRow } from '../../functions/_app/audit';
import { applySql, startLocalD1, type LocalD1 } from '../helpers/localD1';
import { loadSodium, signIn, type Sodium } from '../helpers/sodiumNode';
import { staffClient, type Session } from '../helpers/staffConsole';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { caseAssociatedData, encryptPadded, openCasePayload } from '../../src/lib/crypto/caseEnvelope';
import { deriveCaseKeys } from '../../src/lib/crypto/deriveCaseKeys';
import { makeNoteKey, sealKeyTo, sealMessage, sealNote } from '../../src/lib/crypto/caseMessages';
import { enrolStaff } from '../../src/lib/crypto/staffKeys';
import { keyFingerprint } from '../../src/lib/crypto/fingerprint';
import { findTeam, type Team } from '../../src/lib/config/teams';
import { AUDIT_GENESIS, auditHash } from '../../src/lib/audit/auditRecord';
import { verifyAuditLog } from '../../src/lib/audit/verifyAuditLog';
import { openMessages, openNotes } from '../../src/islands/staff/caseCrypto';
import { unlockTeamKeys } from '../../src/islands/staff/trust';
import { QuestionPayload } from '../../src/lib/schemas/questionPayload';
import type { AuditRecord } from '../../src/lib/audit/auditRecord';
import type { Vault } from '../../src/islands/staff/types';

const PASSPHRASE = 'een oude wachtwoordzin van voor versie twee';
const migrations = readdirSync(path.resolve('functions/_db/migrations')).sort();

let d1: LocalD1;
let sodium: Sodium;
const app = createApp({ purge: false });
const request = (p: string, init?: RequestInit) => app.request(p, init, d1.env);
let legacyTeam: Team;
const fixture = { caseId: crypto.randomUUID(), code: '4821093755621180', intakeId: 'staff-oud-intake', managerId: 'staff-oud-cm', noteId: crypto.randomUUID() };

async function authHash(authKey: string) {
  const digest = await crypto.subtle.digest('SHA-256', Uint8Array.from(atob(authKey), (ch) => ch.charCodeAt(0)));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1({ migrate: migrations.filter((m) => m < '0005'), seed: false }), loadSodium()]);
  const db = d1.env.DB;
  const teamKey = sodium.crypto_box_keypair();
  const teamPublic = toBase64(sodium, teamKey.publicKey);
  // The bundle of the day pinned this key for the team; version 2 calls it key 1.
  const fingerprint = keyFingerprint(sodium, teamPublic);
  legacyTeam = { ...findTeam('centrum-oost')!, publicKey: teamPublic, keyId: 1, fingerprint, boxKeys: [{ id: 1, publicKey: teamPublic, fingerprint }] };

  const staff = [
    { id: fixture.intakeId, username: 'oud.intake', role: 'intake' },
    { id: fixture.managerId, username: 'oud.casemanager', role: 'casemanager' },
  ].map((s) => ({ ...s, ...enrolStaff(sodium, PASSPHRASE) }));
  for (const s of staff) {
    const e = s.enrolment;
    await db
      .prepare(
        `INSERT INTO staff (id, username, display_name, team_id, role, salt, auth_hash, box_public_key, sign_public_key, key_blob, key_blob_nonce)
         VALUES (?, ?, ?, 'centrum-oost', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(s.id, s.username, s.username, s.role, e.salt, await authHash(e.authKey), e.boxPublicKey, e.signPublicKey, e.keyBlob, e.keyBlobNonce)
      .run();
  }
  const [intake, manager] = staff as [(typeof staff)[0], (typeof staff)[0]];
  await db.prepare("INSERT INTO team_key_grants (staff_id, team_id, sealed_secret_key) VALUES (?, 'centrum-oost', ?)").bind(intake.id, sealKeyTo(sodium, teamKey.privateKey, intake.enrolment.boxPublicKey)).run();

  // A version-1 case: the associated data has no key id.
  const { caseKey, mailboxId } = deriveCaseKeys(sodium, fixture.code);
  const payload = v.parse(QuestionPayload, { type: 'question', neighbourhood: 'oost', question: 'Een vraag van vorige maand', contact: { method: 'portal' }, consent: 'handler', submittedAt: new Date().toISOString(), language: 'nl' });
  const sealed = encryptPadded(sodium, JSON.stringify(payload), caseKey, caseAssociatedData({ teamId: 'centrum-oost', kind: 'question', consent: 'handler' }, 1));
  const mailboxHash = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(mailboxId)))));
  const noteKey = makeNoteKey(sodium);
  const day = new Date().toISOString().slice(0, 10);
  await db
    .prepare(
      `INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, nonce, ciphertext, sealed_key, status, created_day, opened, sealed_note_key)
       VALUES (?, 'centrum-oost', 'question', 'handler', ?, 1, ?, ?, ?, 'in_behandeling', ?, 1, ?)`,
    )
    .bind(fixture.caseId, mailboxHash, toBase64(sodium, sealed.nonce), toBase64(sodium, sealed.ciphertext), sodium.to_base64(sodium.crypto_box_seal(caseKey, teamKey.publicKey), sodium.base64_variants.ORIGINAL), day, sealKeyTo(sodium, noteKey, teamKey.publicKey))
    .run();
  const reply = sealMessage(sodium, caseKey, { caseId: fixture.caseId, direction: 'staff', seq: 1 }, JSON.stringify({ text: 'Wij bellen u', sentAt: new Date().toISOString() }));
  await db.prepare("INSERT INTO messages (case_id, seq, direction, nonce, ciphertext, created_day) VALUES (?, 1, 'staff', ?, ?, ?)").bind(fixture.caseId, reply.nonce, reply.ciphertext, day).run();
  const note = sealNote(sodium, noteKey, fixture.caseId, fixture.noteId, JSON.stringify({ text: 'Oude notitie', author: 'oud.intake', writtenAt: new Date().toISOString() }));
  await db.prepare('INSERT INTO notes (id, case_id, staff_id, nonce, ciphertext, created_day) VALUES (?, ?, ?, ?, ?, ?)').bind(fixture.noteId, fixture.caseId, intake.id, note.nonce, note.ciphertext, day).run();
  await db
    .prepare('INSERT INTO case_grants (case_id, staff_id, sealed_case_key, sealed_note_key, granted_by, created_day) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(fixture.caseId, manager.id, sealKeyTo(sodium, caseKey, manager.enrolment.boxPublicKey), sealKeyTo(sodium, noteKey, manager.enrolment.boxPublicKey), intake.id, day)
    .run();

  // Version-1 audit rows: the old hash over nine fields.
  let prev = AUDIT_GENESIS;
  for (const [i, action] of ['case.read', 'case.reply', 'case.note', 'case.assign'].entries()) {
    const row = { id: i + 1, v: 1, day, staffId: intake.id, role: 'intake', teamId: 'centrum-oost', action, caseId: fixture.caseId, subjectId: null, detail: null, signature: null, prevHash: prev };
    const hash = await auditHash(row);
    await db
      .prepare('INSERT INTO audit_log (id, day, staff_id, role, team_id, action, case_id, subject_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .bind(row.id, day, row.staffId, row.role, row.teamId, action, fixture.caseId, null, prev, hash)
      .run();
    prev = hash;
  }

  // The upgrade: 0005 and every migration after it.
  for (const m of migrations.filter((name) => name >= '0005')) await applySql(db, path.join('functions/_db/migrations', m));
});
afterAll(() => d1?.dispose());

/** The console after sign-in, with the bundle that pinned the fixture's team key. */
async function legacyConsole(username: string): Promise<Session> {
  const session = await signIn(request, username, PASSPHRASE);
  const grants = session.body!.teamKeyGrants;
  const held = unlockTeamKeys(sodium, session.vault!.staff, grants, legacyTeam);
  const vault: Vault = { ...session.vault!, teamKeys: held.boxKeys };
  return { ...session, vault } as Session;
}

describe('a version-1 database after migration 0005', () => {
  it('moves the team key grant to box key 1 and keeps the case as protocol 1 without a key id', async () => {
    const grant = await d1.env.DB.prepare('SELECT kind, key_id FROM team_key_grants WHERE staff_id = ?').bind(fixture.intakeId).first();
    expect(grant).toEqual({ kind: 'box', key_id: 1 });
    const row = await d1.env.DB.prepare('SELECT protocol, key_id FROM cases WHERE id = ?').bind(fixture.caseId).first();
    expect(row).toEqual({ protocol: 1, key_id: null });
  });

  it('intake opens the question, the reply and the internal note with the version-2 console', async () => {
    const intake = await legacyConsole('oud.intake');
    expect([...intake.vault!.teamKeys.keys()]).toEqual([1]);
    const { detail, caseKey, noteKey } = await staffClient(request, intake).open(fixture.caseId);
    expect(detail.case.keyId).toBeNull();
    if (!caseKey.ok || !noteKey.ok) throw new Error('keys did not open');
    expect(openCasePayload(sodium, detail.case, caseKey.key)).toMatchObject({ ok: true, value: { question: 'Een vraag van vorige maand' } });
    expect(openMessages(sodium, caseKey.key, detail)).toMatchObject([{ seq: 1, state: 'ok', text: 'Wij bellen u' }]);
    expect(openNotes(sodium, noteKey.key, detail)).toMatchObject([{ id: fixture.noteId, state: 'ok', text: 'Oude notitie' }]);
  });

  it('the case manager opens it through the unsigned version-1 grant', async () => {
    const manager = await legacyConsole('oud.casemanager');
    const { detail, caseKey } = await staffClient(request, manager).open(fixture.caseId);
    if (!caseKey.ok) throw new Error(caseKey.reason);
    expect(openCasePayload(sodium, detail.case, caseKey.key)).toMatchObject({ ok: true });
  });

  it('the old audit rows check out as version-1 rows, and the chain goes on in version 2', async () => {
    const { results } = await d1.env.DB.prepare('SELECT * FROM audit_log ORDER BY id').all<AuditRow>();
    const rows: AuditRecord[] = results.map(auditRecord);
    // The four old rows, then the reads of the tests above, appended as version-2 server rows.
    expect(rows.slice(0, 4).every((r) => r.v === 1)).toBe(true);
    expect(rows.length).toBeGreaterThan(4);
    expect(rows.slice(4).every((r) => r.v === 2 && r.action === 'case.read' && r.signature === null)).toBe(true);
    const report = await verifyAuditLog({ sodium, rows, certificates: {}, issuerKey: () => undefined });
    expect(report).toMatchObject({ rows: rows.length, legacy: 4, server: rows.length - 4, problems: [] });
    // An old-style row slipped in after version-2 rows is a downgrade.
    const last = rows[rows.length - 1]!;
    const v1 = { ...rows[0]!, id: last.id + 1, prevHash: last.hash };
    const downgraded = [...rows, { ...v1, hash: await auditHash(v1) }];
    expect((await verifyAuditLog({ sodium, rows: downgraded, certificates: {}, issuerKey: () => undefined })).problems).toEqual([{ rowId: last.id + 1, code: 'downgraded' }]);
  });
});
