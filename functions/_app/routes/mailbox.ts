// Residents with their code: read the case, send a follow-up, delete everything (attachments too).
// The code never arrives; the browser sends the mailbox id derived from it, and the
// server looks up its hash. Unknown and deleted cases get the same answer.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint, seqConflict } from '../errors';
import { readJson } from '../validate';
import { MailboxLookup, MailboxMessage } from '../../../src/lib/schemas/mailboxRequest';
import { RescheduleRequest } from '../../../src/lib/schemas/bookingRequest';
import { createSlotStorage, slotJson } from '../slotStorage';
import { slotTaken } from './appointments';
import { createStorage, dayOf, type CaseRow } from '../storage';
import { runAudited } from '../audit';
import { emptyTrashAfterDelete } from '../objectStore';
import { CIPHERTEXT_BODY_LIMIT, limitBody, SMALL_BODY_LIMIT } from '../limits';

const NOT_FOUND_MESSAGE = 'No case found for this code';

/** Staff actions the resident may see in the access history, by role and day only. */
const VISIBLE_ACTIONS = ['case.read', 'case.reply', 'case.assign', 'case.status'];

async function findOrNotFound(db: D1Database, mailboxId: string): Promise<CaseRow> {
  const found = await createStorage(db).findCaseByMailbox(mailboxId);
  if (!found) throw apiError(404, 'not_found', NOT_FOUND_MESSAGE);
  return found;
}

/** Per case and UTC day: how many follow-ups a resident may send, and how many bytes of ciphertext (base64). */
export const FOLLOW_UPS_PER_DAY = 20;
export const FOLLOW_UP_BYTES_PER_DAY = 128 * 1024;

export const mailbox = new Hono<AppEnv>()
  .post('/open', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { mailboxId } = await readJson(c, MailboxLookup);
    const storage = createStorage(c.env.DB);
    const found = await storage.findCaseByMailbox(mailboxId);
    // Same queries whether or not the case exists, so timing tells little.
    const caseId = found?.id ?? crypto.randomUUID();
    const [messages, access, slot] = await Promise.all([
      storage.messages(caseId),
      c.env.DB.prepare(
        `SELECT DISTINCT role, action, day FROM audit_log
         WHERE case_id = ? AND action IN (${VISIBLE_ACTIONS.map(() => '?').join(', ')}) ORDER BY day, role, action`,
      )
        .bind(caseId, ...VISIBLE_ACTIONS)
        .all<{ role: string; action: string; day: string }>(),
      createSlotStorage(c.env.DB).bookedFor(caseId),
    ]);
    if (!found) throw apiError(404, 'not_found', NOT_FOUND_MESSAGE);
    return c.json({
      case: {
        id: found.id,
        teamId: found.team_id,
        kind: found.kind,
        consent: found.consent,
        protocol: found.protocol,
        keyId: found.key_id,
        nonce: found.nonce,
        ciphertext: found.ciphertext,
        status: found.status,
        createdDay: found.created_day,
      },
      messages: messages.map((m) => ({ seq: m.seq, direction: m.direction, nonce: m.nonce, ciphertext: m.ciphertext, createdDay: m.created_day })),
      access: access.results,
      appointment: slot ? slotJson(slot) : null,
    });
  })
  .post('/messages', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
    const body = await readJson(c, MailboxMessage);
    const found = await findOrNotFound(c.env.DB, body.mailboxId);
    const storage = createStorage(c.env.DB);
    const now = c.var.now();
    const day = dayOf(now);
    // A case is a conversation, not a drop box: a few messages a day, bounded in bytes.
    const today = await c.env.DB.prepare(
      "SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(ciphertext)), 0) AS bytes FROM messages WHERE case_id = ? AND direction = 'resident' AND created_day = ?",
    )
      .bind(found.id, day)
      .first<{ n: number; bytes: number }>();
    if ((today?.n ?? 0) >= FOLLOW_UPS_PER_DAY || (today?.bytes ?? 0) + body.ciphertext.length > FOLLOW_UP_BYTES_PER_DAY) {
      const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      return c.json({ error: { code: 'too_many_messages', message: 'Enough messages for today on this question; send more tomorrow' } }, 429, {
        'Retry-After': String(Math.max(1, Math.ceil((tomorrow - now.getTime()) / 1000))),
      });
    }
    try {
      await c.env.DB.batch([
        storage.insertMessageStatement(found.id, 'resident', body.seq, body.nonce, body.ciphertext, day),
        storage.touchCaseStatement(found.id, day),
      ]);
    } catch (err) {
      if (isConstraint(err, 'seq_conflict')) throw seqConflict(await storage.nextSeq(found.id));
      throw err;
    }
    return c.json({ seq: body.seq }, 201);
  })
  .post('/appointment/cancel', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { mailboxId } = await readJson(c, MailboxLookup);
    const found = await findOrNotFound(c.env.DB, mailboxId);
    const result = await createSlotStorage(c.env.DB).releaseForCaseStatement(found.id).run();
    if (!result.meta.changes) throw apiError(404, 'no_appointment', 'There is no appointment to cancel');
    return c.body(null, 204);
  })
  .post('/appointment/reschedule', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { mailboxId, slotId } = await readJson(c, RescheduleRequest);
    const found = await findOrNotFound(c.env.DB, mailboxId);
    const slotsDb = createSlotStorage(c.env.DB);
    const current = await slotsDb.bookedFor(found.id);
    if (!current) throw apiError(404, 'no_appointment', 'There is no appointment to move');
    const target = await slotsDb.find(slotId);
    if (!target || target.team_id !== found.team_id || target.type !== current.type) {
      throw apiError(404, 'slot_not_found', 'No such time for this appointment');
    }
    const nowIso = c.var.now().toISOString();
    // The new slot is taken before the old one is released, in one transaction: if
    // the new one is gone, nothing changes and the old booking stays.
    const [claim] = await c.env.DB.batch([
      slotsDb.claimStatement(target.id, found.id, null, nowIso),
      slotsDb.releaseIfMovedStatement(current.id, target.id, found.id),
    ]);
    if (!claim?.meta.changes) return slotTaken(c.env.DB, target, nowIso);
    return c.json({ appointment: slotJson((await slotsDb.find(target.id))!) });
  })
  .post('/delete', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { mailboxId } = await readJson(c, MailboxLookup);
    const found = await findOrNotFound(c.env.DB, mailboxId);
    await runAudited(
      c.env.DB,
      { staffId: null, role: 'resident', teamId: found.team_id, action: 'case.delete_by_resident', caseId: found.id },
      c.var.now(),
      createStorage(c.env.DB).deleteCaseStatements(found.id),
    );
    await emptyTrashAfterDelete(c.env, c.var.now());
    return c.body(null, 204);
  });
