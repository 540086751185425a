// Staff cancel or move a resident's booking from the case page, never silently: each
// carries a message to the resident (ciphertext under the case key, shown on "Mijn
// afspraak" and "Mijn vraag"), signed by the member and audited in the same batch.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint, seqConflict } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { createStorage, dayOf } from '../storage';
import { createSlotStorage } from '../slotStorage';
import { can } from '../policy';
import { audit, loadCase } from '../staffCase';
import { limitBody, CIPHERTEXT_BODY_LIMIT } from '../limits';
import { checkSignedAction } from '../signedAction';
import { slotTaken } from './appointments';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { StaffAppointmentCancel, StaffAppointmentMove } from '../../../src/lib/schemas/staffAppointmentRequests';

async function bookedCase(c: Context<AppEnv>) {
  const loaded = await loadCase(c);
  if (!can(c.var.staff, 'replies')) throw apiError(403, 'forbidden', 'Your role cannot change appointments');
  const slot = await createSlotStorage(c.env.DB).bookedFor(loaded.row.id);
  if (!slot) throw apiError(404, 'no_appointment', 'This case has no booked appointment (any more)');
  return { ...loaded, slot };
}

export const staffAppointments = new Hono<AppEnv>()
  .use(requireStaff)
  .post('/:id/appointment/cancel', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
    const { row } = await bookedCase(c);
    const { message: m, signed } = await readJson(c, StaffAppointmentCancel);
    const facts = await checkSignedAction(c, { action: 'appointment.cancel', caseId: row.id, detail: await actionDetail.appointment('none', m.seq, m.nonce, m.ciphertext) }, signed);
    const storage = createStorage(c.env.DB);
    const day = dayOf(c.var.now());
    try {
      await audit(
        c,
        'appointment.cancel',
        row.id,
        [
          createSlotStorage(c.env.DB).releaseForCaseStatement(row.id),
          storage.insertMessageStatement(row.id, 'staff', m.seq, m.nonce, m.ciphertext, day, c.var.staff.id),
          storage.touchCaseStatement(row.id, day),
        ],
        undefined,
        facts,
      );
    } catch (err) {
      if (isConstraint(err, 'seq_conflict')) throw seqConflict(await storage.nextSeq(row.id));
      throw err;
    }
    return c.body(null, 204);
  })
  .post('/:id/appointment/move', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
    const { row, slot: current } = await bookedCase(c);
    const { slotId, message: m, signed } = await readJson(c, StaffAppointmentMove);
    const db = c.env.DB;
    const slots = createSlotStorage(db);
    const target = await slots.find(slotId);
    if (!target || target.team_id !== row.team_id || target.type !== current.type) throw apiError(404, 'slot_not_found', 'No such time for this appointment');
    const facts = await checkSignedAction(c, { action: 'appointment.move', caseId: row.id, subjectId: target.id, detail: await actionDetail.appointment(target.id, m.seq, m.nonce, m.ciphertext) }, signed);
    const nowIso = c.var.now().toISOString();
    const day = dayOf(c.var.now());
    // One transaction: take the new time, free the old one, store the message. The
    // message's day is NULL unless the new time is now this case's, so a time taken
    // in the meantime fails the whole batch (audit row included) and nothing changes.
    const claimedMessage = db
      .prepare(
        `INSERT INTO messages (case_id, seq, direction, nonce, ciphertext, created_day, author_id)
         VALUES (?1, ?2, 'staff', ?3, ?4, (SELECT ?5 WHERE EXISTS (SELECT 1 FROM slots WHERE id = ?6 AND case_id = ?1 AND status = 'booked')), ?7)`,
      )
      .bind(row.id, m.seq, m.nonce, m.ciphertext, day, target.id, c.var.staff.id);
    try {
      await audit(
        c,
        'appointment.move',
        row.id,
        [slots.claimStatement(target.id, row.id, null, nowIso), slots.releaseIfMovedStatement(current.id, target.id, row.id), claimedMessage, createStorage(db).touchCaseStatement(row.id, day)],
        target.id,
        facts,
      );
    } catch (err) {
      if (isConstraint(err, 'not_null')) return slotTaken(db, target, nowIso);
      if (isConstraint(err, 'seq_conflict')) throw seqConflict(await createStorage(db).nextSeq(row.id));
      throw err;
    }
    return c.json({ startsAt: target.starts_at, slotId: target.id });
  });
