// The server lies. Each test plays a database writer (a compromised host, a hosting
// account, an insider) by editing the real local D1 directly, outside the API, and then
// runs the staff console's own code (src/islands/staff/*) to show the lie is refused:
// keys sealed or planted by the server, and a rewritten audit log. Team key rotation and
// key ids: hostileServerRotation.test.ts.
import { describe, expect, it } from 'vitest';
import { type AuditRow, auditRecord } from '../../functions/_app/audit';
import { db, freshD1, request, sodium, useLocalApp } from '../helpers/localApp';
import { signIn } from '../helpers/sodiumNode';
import { askQuestion } from '../helpers/resident';
import { staffApi, staffClient, type Session } from '../helpers/staffConsole';
import { fromBase64, toBase64 } from '../../src/lib/crypto/sodium';
import { makeNoteKey, sealKeyTo } from '../../src/lib/crypto/caseMessages';
import { sealTeamKeyGrant } from '../../src/lib/crypto/staffKeys';
import { caseGrantStatement, signStatement } from '../../src/lib/crypto/signedStatement';
import { findTeam } from '../../src/lib/config/teams';
import { auditHash, actionDetail } from '../../src/lib/audit/auditRecord';
import { memberTrust, unlockTeamKeys } from '../../src/islands/staff/trust';
import { checkAudit, fetchAudit } from '../../src/islands/staff/auditCheck';
import type { StaffApi } from '../../src/islands/staff/api';
import type { Vault } from '../../src/islands/staff/types';

useLocalApp();
const centrum = () => findTeam('centrum-oost')!;

const apiFor = (session: Session): StaffApi => staffApi(request, session);

/** Every sealed key in the database that this box key pair can open. */
async function keysOpenableBy(pair: { publicKey: Uint8Array; privateKey: Uint8Array }): Promise<number> {
  const sealed = [
    ...(await db().prepare('SELECT sealed_case_key AS k FROM case_grants UNION ALL SELECT sealed_note_key FROM case_grants').all<{ k: string }>()).results,
    ...(await db().prepare('SELECT sealed_note_key AS k FROM cases WHERE sealed_note_key IS NOT NULL UNION ALL SELECT sealed_key FROM cases').all<{ k: string }>()).results,
  ];
  let n = 0;
  for (const { k } of sealed) {
    try {
      sodium.crypto_box_seal_open(fromBase64(sodium, k), pair.publicKey, pair.privateKey);
      n++;
    } catch {
      // Not for this key.
    }
  }
  return n;
}

describe('a database writer cannot get a case key sealed to itself', () => {
  it('swapped member box key: the console refuses to assign, and no key is sealed to the attacker', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'handler', text: 'Mijn huisbaas dreigt' });
    const intake = await signIn(request, 'intake.centrum');
    const attacker = sodium.crypto_box_keypair();
    await db().prepare("UPDATE staff SET box_public_key = ? WHERE username = 'casemanager.centrum'").bind(toBase64(sodium, attacker.publicKey)).run();

    const console = staffClient(request, intake);
    const member = (await console.members()).find((m) => m.username === 'casemanager.centrum')!;
    expect(member.boxPublicKey).toBe(toBase64(sodium, attacker.publicKey));
    expect(memberTrust(sodium, member)).toEqual({ ok: false, problem: 'mismatch' });
    const { prepared, res } = await console.assign(asked.id, 'casemanager.centrum');
    expect(prepared).toEqual({ ok: false, refusal: 'not_certified' });
    expect(res).toBeUndefined();

    // The attacker also writes a certificate of its own: it does not carry the team's signature.
    const forged = JSON.stringify({ ...JSON.parse(member.certificate!), boxPublicKey: member.boxPublicKey });
    await db().prepare("UPDATE staff SET certificate = ? WHERE username = 'casemanager.centrum'").bind(forged).run();
    expect((await console.assign(asked.id, 'casemanager.centrum')).prepared).toEqual({ ok: false, refusal: 'not_certified' });

    const grants = await db().prepare('SELECT COUNT(*) AS n FROM case_grants WHERE case_id = ?').bind(asked.id).first<{ n: number }>();
    expect(grants!.n).toBe(0);
    expect(await keysOpenableBy(attacker)).toBe(0);
  });

  it('a team key grant the server seals to a member is not taken for the team key', async () => {
    const planted = sodium.crypto_box_keypair();
    const row = await db().prepare("SELECT id, box_public_key FROM staff WHERE username = 'casemanager2.centrum'").first<{ id: string; box_public_key: string }>();
    // A case manager suddenly "holds" a team key: one the attacker made and knows.
    await db()
      .prepare("INSERT INTO team_key_grants (staff_id, team_id, kind, key_id, sealed_secret_key) VALUES (?, 'centrum-oost', 'box', 1, ?)")
      .bind(row!.id, sealTeamKeyGrant(sodium, planted.privateKey, row!.box_public_key))
      .run();
    const victim = await signIn(request, 'casemanager2.centrum');
    expect(victim.vault!.teamKeys.size).toBe(0);
    const held = unlockTeamKeys(sodium, victim.vault!.staff, [{ teamId: 'centrum-oost', kind: 'box', keyId: 1, sealedSecretKey: sealTeamKeyGrant(sodium, planted.privateKey, row!.box_public_key) }], centrum());
    expect(held.mismatches).toHaveLength(1);
  });
});

describe('a database writer cannot plant keys the console uses', () => {
  it('planted note key (unsigned, or signed by a stranger): refused, and no note is written under it', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'centrum' });
    const intake = await signIn(request, 'intake.centrum');
    const console = staffClient(request, intake);
    const plantedKey = makeNoteKey(sodium);
    const sealedNoteKey = sealKeyTo(sodium, plantedKey, centrum().publicKey);
    await db().prepare('UPDATE cases SET sealed_note_key = ? WHERE id = ?').bind(sealedNoteKey, asked.id).run();
    expect(await console.ensureNoteKey(asked.id)).toEqual({ ok: false, reason: 'untrusted' });

    // Signed, and named after the real intake worker, but by a key that is not theirs.
    const stranger = sodium.crypto_sign_keypair();
    const forged = signStatement(sodium, stranger.privateKey, `achterom/note-key/v2|${asked.id}|centrum-oost|1|${sealedNoteKey}|${intake.staff!.id}`);
    await db().prepare('UPDATE cases SET note_key_by = ?, note_key_signature = ? WHERE id = ?').bind(intake.staff!.id, forged, asked.id).run();
    expect(await console.ensureNoteKey(asked.id)).toEqual({ ok: false, reason: 'untrusted' });

    const notes = await db().prepare('SELECT COUNT(*) AS n FROM notes WHERE case_id = ?').bind(asked.id).first<{ n: number }>();
    expect(notes!.n).toBe(0);
  });

  it('forged grant signatures: the case manager’s console refuses the key', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team', text: 'Echte vraag' });
    const intake = await signIn(request, 'intake.centrum');
    const granted = await staffClient(request, intake).assign(asked.id, 'casemanager2.centrum');
    expect(granted.res?.status).toBe(201);
    const manager = await signIn(request, 'casemanager2.centrum');
    const managerConsole = staffClient(request, manager);
    const genuine = await managerConsole.open(asked.id);
    expect(genuine.caseKey.ok).toBe(true);

    // The server swaps in a case key of its own making (so it could read the manager's replies).
    const serverKey = makeNoteKey(sodium);
    const me = { boxPublicKey: toBase64(sodium, manager.boxKeys!.publicKey), id: manager.staff!.id };
    const swap = (caseKey: string, signature: string | null, by: string) =>
      db().prepare('UPDATE case_grants SET sealed_case_key = ?, signature = ?, granted_by = ? WHERE case_id = ? AND staff_id = ?').bind(caseKey, signature, by, asked.id, me.id).run();
    const planted = sealKeyTo(sodium, serverKey, me.boxPublicKey);
    const original = (await db().prepare('SELECT * FROM case_grants WHERE case_id = ? AND staff_id = ?').bind(asked.id, me.id).first<{ signature: string; granted_by: string }>())!;

    // 1. The old signature kept: it no longer matches the sealed key.
    await swap(planted, original.signature, original.granted_by);
    expect((await managerConsole.open(asked.id)).caseKey).toEqual({ ok: false, reason: 'untrusted' });
    // 2. No signature at all.
    await swap(planted, null, original.granted_by);
    expect((await managerConsole.open(asked.id)).caseKey).toEqual({ ok: false, reason: 'untrusted' });
    // 3. Signed by a certified colleague who may not assign (a case manager).
    const other = await signIn(request, 'casemanager.centrum');
    const detail = (await managerConsole.open(asked.id)).detail.case;
    const bySelf = signStatement(sodium, other.vault!.staff.sign.privateKey, caseGrantStatement({
      caseId: asked.id, recipientId: me.id, recipientBoxPublicKey: me.boxPublicKey, sealedCaseKey: planted, sealedNoteKey: detail.grant!.sealedNoteKey!, granterId: other.staff!.id,
    }));
    await swap(planted, bySelf, other.staff!.id);
    expect((await managerConsole.open(asked.id)).caseKey).toEqual({ ok: false, reason: 'untrusted' });
  });
});

describe('the privacy officer’s browser checks the log itself', () => {
  async function rewriteChainFrom(changedId: number) {
    const { results } = await db().prepare('SELECT * FROM audit_log ORDER BY id').all<AuditRow>();
    let prev: string | null = null;
    for (const r of results) {
      const rec = { ...auditRecord(r), prevHash: prev ?? r.prev_hash };
      if (rec.id >= changedId) {
        const hash = await auditHash(rec);
        await db().prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').bind(rec.prevHash, hash, rec.id).run();
        prev = hash;
      } else prev = r.hash;
    }
  }

  async function officerReport() {
    const privacy = await signIn(request, 'privacy');
    const fetched = await fetchAudit(apiFor(privacy));
    if (!fetched.ok) throw new Error('audit not fetched');
    return checkAudit(privacy.vault as Vault, fetched.data);
  }

  it('an untouched log checks out, with signed staff rows and server rows told apart', async () => {
    const report = await officerReport();
    expect(report.problems).toEqual([]);
    expect(report.signed).toBeGreaterThan(0);
    expect(report.server).toBeGreaterThan(0);
  });

  it('a team lead checks the whole chain too, seeing other teams’ rows only as links', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'nieuwland' });
    const other = await signIn(request, 'intake.nieuwland');
    await request(`/api/staff/cases/${asked.id}`, { headers: { cookie: other.cookie } });
    const lead = await signIn(request, 'teamlead.centrum');
    const fetched = await fetchAudit(apiFor(lead));
    if (!fetched.ok) throw new Error('audit not fetched');
    const redacted = fetched.data.rows.filter((r) => 'redacted' in r);
    expect(redacted.length).toBeGreaterThan(0);
    expect(JSON.stringify(redacted)).not.toContain('nieuwland');
    expect((await checkAudit(lead.vault!, fetched.data)).problems).toEqual([]);
  });

  it('a signed row changed and the chain recomputed: that row is named', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const invite = await staffClient(request, lead).post('/api/staff/members/invites', { role: 'intake', signed: lead.sign!({ action: 'member.invite', detail: actionDetail.invite('intake') }) });
    expect(invite.status).toBe(201);
    const row = (await db().prepare("SELECT id FROM audit_log WHERE action = 'member.invite' ORDER BY id DESC LIMIT 1").first<{ id: number }>())!;
    // Blame the intake worker for the team lead's invite, and hide it in the chain.
    const intakeId = (await db().prepare("SELECT id FROM staff WHERE username = 'intake.centrum'").first<{ id: string }>())!.id;
    await db().prepare("UPDATE audit_log SET staff_id = ?, role = 'intake' WHERE id = ?").bind(intakeId, row.id).run();
    await rewriteChainFrom(row.id);
    const report = await officerReport();
    expect(report.problems).toEqual([{ rowId: row.id, code: 'bad_signature' }]);
  });

  it('a staff action stripped of its signature is reported, not shown as a server row', async () => {
    const row = (await db().prepare("SELECT id FROM audit_log WHERE action = 'case.assign' ORDER BY id LIMIT 1").first<{ id: number }>())!;
    await db().prepare('UPDATE audit_log SET signature = NULL WHERE id = ?').bind(row.id).run();
    await rewriteChainFrom(row.id);
    expect((await officerReport()).problems).toContainEqual({ rowId: row.id, code: 'unsigned' });
  });

  it('a server row rewritten before a lead’s checkpoint: the checkpoint reports it', async () => {
    await freshD1();
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    const intake = await signIn(request, 'intake.centrum');
    await request(`/api/staff/cases/${asked.id}`, { headers: { cookie: intake.cookie } });
    const lead = await signIn(request, 'teamlead.centrum');
    const { signCheckpoint } = await import('../../src/islands/staff/auditCheck');
    expect(await signCheckpoint(apiFor(lead), lead.vault!, lead.staff!)).toBe('signed');
    const read = (await db().prepare("SELECT id FROM audit_log WHERE action = 'case.read' ORDER BY id LIMIT 1").first<{ id: number }>())!;
    const checkpoint = (await db().prepare("SELECT id, subject_id FROM audit_log WHERE action = 'audit.checkpoint'").first<{ id: number; subject_id: string }>())!;
    // Make the intake worker's read look like the team lead's.
    const leadId = lead.staff!.id;
    await db().prepare("UPDATE audit_log SET staff_id = ?, role = 'teamlead' WHERE id = ?").bind(leadId, read.id).run();
    await rewriteChainFrom(read.id);
    const report = await officerReport();
    expect(report.problems).toEqual([{ rowId: checkpoint.id, code: 'checkpoint_mismatch', headId: Number(checkpoint.subject_id) }]);
  });
});
