// Staff work on cases: the inbox, opening a case, replies, status, assignment (need
// to know), internal notes and deletion. The browser decrypts and re-seals; the API
// checks roles and consent and writes the audit row in the same batch as the change.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError, consentRefuses, isConstraint, seqConflict } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { createStorage, dayOf, type CaseGrantRow, type CaseRow } from '../storage';
import { can } from '../policy';
import { audit, loadCase } from '../staffCase';
import { listCases } from '../caseList';
import { emptyTrashAfterDelete } from '../objectStore';
import { CaseListQuery } from '../../../src/lib/schemas/caseListQuery';
import { CIPHERTEXT_BODY_LIMIT, limitBody, SMALL_BODY_LIMIT } from '../limits';
import { CaseGrantRequest, NoteKeyRequest, NoteRequest, SignedOnly, StaffReply, StatusChange } from '../../../src/lib/schemas/staffCaseRequests';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { caseGrantStatement, noteKeyStatement } from '../../../src/lib/crypto/signedStatement';
import { checkSignedAction, requireSignature } from '../signedAction';
import type { StaffRow } from '../storage';

function caseJson(r: CaseRow, grant: CaseGrantRow | undefined, assignees?: string[]) {
  return {
    id: r.id,
    teamId: r.team_id,
    kind: r.kind,
    consent: r.consent,
    protocol: r.protocol,
    keyId: r.key_id,
    nonce: r.nonce,
    ciphertext: r.ciphertext,
    sealedKey: r.sealed_key,
    sealedNoteKey: r.sealed_note_key,
    noteKeyBy: r.note_key_by,
    noteKeySignature: r.note_key_signature,
    status: r.status,
    createdDay: r.created_day,
    /** Set when this staff member holds a case grant: the keys sealed to their own box key. */
    grant: grant
      ? { sealedCaseKey: grant.sealed_case_key, sealedNoteKey: grant.sealed_note_key, grantedBy: grant.granted_by, signature: grant.signature }
      : null,
    /** Staff ids holding a grant; only for members who may assign (they see who has it). */
    ...(assignees ? { assignees } : {}),
  };
}

/** Certificates of the members whose signatures a console must check to use this case's keys. */
async function signerCertificates(db: D1Database, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const out: Record<string, { certificate: string | null; signature: string | null }> = {};
  for (const id of wanted) {
    const row = await db.prepare('SELECT id, certificate, certificate_signature FROM staff WHERE id = ?').bind(id).first<Pick<StaffRow, 'id' | 'certificate' | 'certificate_signature'>>();
    if (row) out[row.id] = { certificate: row.certificate, signature: row.certificate_signature };
  }
  return out;
}

export const staffCases = new Hono<AppEnv>()
  .use(requireStaff)
  // The list shows what the server knows (day, kind, status, new and unread); it gives
  // no ciphertext and no key, so listing is not reading and writes no audit row.
  .get('/', async (c) => {
    const staff = c.var.staff;
    if (!staff.team_id || staff.role === 'privacy') throw apiError(403, 'forbidden', 'Your role cannot open the team inbox');
    const parsed = v.safeParse(CaseListQuery, c.req.query());
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw apiError(400, 'invalid_query', `${v.getDotPath(issue) ?? 'query'}: ${issue.message}`);
    }
    c.header('Cache-Control', 'no-store');
    return c.json(await listCases(c.env.DB, staff, parsed.output));
  })
  .get('/:id', async (c) => {
    const { row, grants, ownGrant } = await loadCase(c);
    const storage = createStorage(c.env.DB);
    await audit(c, 'case.read', row.id, [
      c.env.DB.prepare('UPDATE cases SET opened = 1 WHERE id = ?').bind(row.id),
      // Everything up to here is now seen by this member: the inbox drops its markers.
      c.env.DB.prepare(
        `INSERT INTO case_views (case_id, staff_id, seen_seq) VALUES (?1, ?2, (SELECT COALESCE(MAX(seq), 0) FROM messages WHERE case_id = ?1))
         ON CONFLICT (case_id, staff_id) DO UPDATE SET seen_seq = excluded.seen_seq`,
      ).bind(row.id, c.var.staff.id),
    ]);
    const [messages, notes] = await Promise.all([storage.messagesForStaff(row.id), storage.notes(row.id)]);
    return c.json({
      case: caseJson(row, ownGrant),
      messages: messages.map((m) => ({ seq: m.seq, direction: m.direction, nonce: m.nonce, ciphertext: m.ciphertext, createdDay: m.created_day, authorId: m.author_id, authorName: m.author_name })),
      notes: notes.map((n) => ({ id: n.id, staffId: n.staff_id, nonce: n.nonce, ciphertext: n.ciphertext, createdDay: n.created_day })),
      grants: grants.map((g) => ({ staffId: g.staff_id, grantedBy: g.granted_by, createdDay: g.created_day })),
      certificates: await signerCertificates(c.env.DB, [row.note_key_by, ownGrant?.granted_by]),
    });
  })
  .post('/:id/note-key', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { row, access } = await loadCase(c);
    const { sealedNoteKey, keyId, signature } = await readJson(c, NoteKeyRequest);
    if (access !== 'team') throw apiError(403, 'forbidden', 'Only staff with the team key make a note key');
    const staff = c.var.staff;
    await requireSignature(c, noteKeyStatement({ caseId: row.id, teamId: row.team_id, keyId, sealedNoteKey, makerId: staff.id }), signature);
    const result = await c.env.DB.prepare(
      'UPDATE cases SET sealed_note_key = ?, note_key_by = ?, note_key_signature = ? WHERE id = ? AND sealed_note_key IS NULL',
    )
      .bind(sealedNoteKey, staff.id, signature, row.id)
      .run();
    if (!result.meta.changes) throw apiError(409, 'note_key_exists', 'This case already has a note key; reload the case');
    return c.body(null, 204);
  })
  .post('/:id/messages', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
    const { row } = await loadCase(c);
    const body = await readJson(c, StaffReply);
    if (!can(c.var.staff, 'replies')) throw apiError(403, 'forbidden', 'Your role cannot reply');
    const signed = await checkSignedAction(c, { action: 'case.reply', caseId: row.id, detail: await actionDetail.reply(body.seq, body.nonce, body.ciphertext) }, body.signed);
    const storage = createStorage(c.env.DB);
    const day = dayOf(c.var.now());
    try {
      await audit(
        c,
        'case.reply',
        row.id,
        [
          storage.insertMessageStatement(row.id, 'staff', body.seq, body.nonce, body.ciphertext, day, c.var.staff.id),
          storage.touchCaseStatement(row.id, day),
          // An answer means someone has picked the case up: "nieuw" above a reply would contradict it.
          c.env.DB.prepare("UPDATE cases SET status = 'in_behandeling' WHERE id = ? AND status = 'nieuw'").bind(row.id),
        ],
        undefined,
        signed,
      );
    } catch (err) {
      if (isConstraint(err, 'seq_conflict')) throw seqConflict(await storage.nextSeq(row.id));
      throw err;
    }
    const status = (await c.env.DB.prepare('SELECT status FROM cases WHERE id = ?').bind(row.id).first<{ status: string }>())?.status ?? row.status;
    return c.json({ seq: body.seq, status }, 201);
  })
  .post('/:id/status', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { row } = await loadCase(c);
    const { status, signed } = await readJson(c, StatusChange);
    const facts = await checkSignedAction(c, { action: 'case.status', caseId: row.id, detail: actionDetail.status(status) }, signed);
    const day = dayOf(c.var.now());
    await audit(
      c,
      'case.status',
      row.id,
      [c.env.DB.prepare('UPDATE cases SET status = ?, closed_day = ?, last_activity_day = ? WHERE id = ?').bind(status, status === 'afgerond' ? day : null, day, row.id)],
      undefined,
      facts,
    );
    return c.json({ status });
  })
  .post('/:id/grants', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { row, grants } = await loadCase(c);
    const body = await readJson(c, CaseGrantRequest);
    const staff = c.var.staff;
    if (!can(staff, 'assigns')) throw apiError(403, 'forbidden', 'Your role cannot assign cases');
    const assignee = await createStorage(c.env.DB).findStaffById(body.staffId);
    if (!assignee || assignee.team_id !== row.team_id || assignee.status !== 'active' || assignee.role === 'privacy') {
      throw apiError(400, 'invalid_assignee', 'Assign only to an active member of this team');
    }
    if (grants.some((g) => g.staff_id === assignee.id)) throw apiError(409, 'already_assigned', 'This member already has this case');
    if (row.consent === 'handler' && grants.length >= 1) throw consentRefuses();
    const grantFacts = {
      caseId: row.id, recipientId: assignee.id, recipientBoxPublicKey: assignee.box_public_key, sealedCaseKey: body.sealedCaseKey, sealedNoteKey: body.sealedNoteKey, granterId: staff.id,
    };
    await requireSignature(c, caseGrantStatement(grantFacts), body.grantSignature);
    const signed = await checkSignedAction(c, { action: 'case.assign', caseId: row.id, subjectId: assignee.id, detail: await actionDetail.assign(body.grantSignature) }, body.signed);
    const day = dayOf(c.var.now());
    // The case_grants_respect_consent trigger checks again inside the batch, so two
    // assigners cannot both pass; the batch (with its audit row) then rolls back.
    const insert = c.env.DB.prepare(
      'INSERT INTO case_grants (case_id, staff_id, sealed_case_key, sealed_note_key, granted_by, created_day, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).bind(row.id, assignee.id, body.sealedCaseKey, body.sealedNoteKey, staff.id, day, body.grantSignature);
    try {
      await audit(c, 'case.assign', row.id, [insert, createStorage(c.env.DB).touchCaseStatement(row.id, day)], assignee.id, signed);
    } catch (err) {
      if (isConstraint(err, 'consent_refuses')) throw consentRefuses();
      if (isConstraint(err, 'unique')) throw apiError(409, 'already_assigned', 'This member already has this case');
      throw err;
    }
    return c.json({ staffId: assignee.id }, 201);
  })
  .post('/:id/notes', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
    const { row } = await loadCase(c);
    const body = await readJson(c, NoteRequest);
    if (!row.sealed_note_key) throw apiError(409, 'no_note_key', 'Open the case first so it gets a note key');
    const signed = await checkSignedAction(c, { action: 'case.note', caseId: row.id, detail: await actionDetail.note(body.id, body.nonce, body.ciphertext) }, body.signed);
    const day = dayOf(c.var.now());
    try {
      await audit(
        c,
        'case.note',
        row.id,
        [
          c.env.DB.prepare('INSERT INTO notes (id, case_id, staff_id, nonce, ciphertext, created_day) VALUES (?, ?, ?, ?, ?, ?)').bind(
            body.id, row.id, c.var.staff.id, body.nonce, body.ciphertext, day,
          ),
        ],
        undefined,
        signed,
      );
    } catch (err) {
      if (isConstraint(err, 'unique')) throw apiError(409, 'duplicate_id', 'A note with this id exists already; write the note again');
      throw err;
    }
    return c.json({ id: body.id }, 201);
  })
  .delete('/:id', limitBody(SMALL_BODY_LIMIT), async (c) => {
    // A team lead may remove a case they may not read (junk, or on the resident's request).
    const { row } = await loadCase(c, 'listed');
    if (c.var.staff.role !== 'teamlead') throw apiError(403, 'forbidden', 'Only the team lead deletes cases');
    const { signed } = await readJson(c, SignedOnly);
    const facts = await checkSignedAction(c, { action: 'case.delete', caseId: row.id, detail: actionDetail.none() }, signed);
    await audit(c, 'case.delete', row.id, createStorage(c.env.DB).deleteCaseStatements(row.id), undefined, facts);
    await emptyTrashAfterDelete(c.env, c.var.now());
    return c.body(null, 204);
  });
