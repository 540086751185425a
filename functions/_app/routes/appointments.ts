// Residents book an appointment without an account: a sealed case of kind
// "appointment" and the slot it claims, decided by the database in one batch.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint } from '../errors';
import { admitAnonymous, countStatement } from '../teamBudget';
import { readJson } from '../validate';
import { BookingRequest } from '../../../src/lib/schemas/bookingRequest';
import { createStorage } from '../storage';
import { createSlotStorage, idempotencyHash, slotJson, type SlotRow } from '../slotStorage';
import { CIPHERTEXT_BODY_LIMIT, limitBody } from '../limits';

/** 409 with the nearest free alternatives, so the resident can pick again at once. */
export async function slotTaken(db: D1Database, slot: SlotRow, nowIso: string) {
  const alternatives = await createSlotStorage(db).alternatives(slot, nowIso);
  return new Response(
    JSON.stringify({ error: { code: 'slot_taken', message: 'This time was just taken; choose another' }, alternatives: alternatives.map(slotJson) }),
    { status: 409, headers: { 'content-type': 'application/json' } },
  );
}

export const appointments = new Hono<AppEnv>().post('/', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
  const { envelope, slotId, idempotencyKey } = await readJson(c, BookingRequest);
  const db = c.env.DB;
  const slotsDb = createSlotStorage(db);
  const now = c.var.now();

  // A retry of a booking that already succeeded gets the same answer.
  const earlier = await slotsDb.findByIdempotencyKey(idempotencyKey);
  if (earlier?.case_id) return c.json({ caseId: earlier.case_id, slot: slotJson(earlier) }, 201);

  if (envelope.kind !== 'appointment') throw apiError(400, 'invalid_body', 'envelope.kind: must be "appointment"');
  const slot = await slotsDb.find(slotId);
  if (!slot || slot.team_id !== envelope.teamId) throw apiError(404, 'slot_not_found', 'No such time for this team');
  await admitAnonymous(c, envelope.teamId, 'booking');
  // The case row is written only while the slot is free (same checks as every new case).
  const { id: caseId, statement: insertCase } = await createStorage(db).prepareCase(envelope, now, { whileSlotFree: slotId });
  if (slot.status !== 'free' || slot.starts_at <= now.toISOString()) return slotTaken(db, slot, now.toISOString());

  const hash = await idempotencyHash(idempotencyKey);
  let claimed = 0;
  try {
    // One transaction: the case is inserted only while the slot is free, and the slot
    // is claimed only if that case now exists. Of any number of racing attempts,
    // exactly one changes the slot; the others change nothing at all.
    const results = await db.batch([
      insertCase,
      slotsDb.claimStatement(slotId, caseId, hash, now.toISOString()),
      countStatement(db, envelope.teamId, 'booking', now, { slotId, caseId }),
    ]);
    claimed = results[1]?.meta.changes ?? 0;
  } catch (err) {
    if (isConstraint(err, 'unique')) {
      // Same idempotency key raced with itself, or a mailbox collision.
      const again = await slotsDb.findByIdempotencyKey(idempotencyKey);
      if (again?.case_id) return c.json({ caseId: again.case_id, slot: slotJson(again) }, 201);
      throw apiError(409, 'mailbox_taken', 'This code is already in use; make a new one');
    }
    throw err;
  }
  if (!claimed) {
    // Lost the race: make sure no orphan case stays behind.
    await db.prepare("DELETE FROM cases WHERE id = ? AND NOT EXISTS (SELECT 1 FROM slots WHERE case_id = ?)").bind(caseId, caseId).run();
    return slotTaken(db, slot, now.toISOString());
  }
  const booked = await slotsDb.find(slotId);
  return c.json({ caseId, slot: slotJson(booked!) }, 201);
});

