import * as v from 'valibot';
import { CaseEnvelope } from './caseEnvelope';
import { KEY_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';

export const slotId = v.pipe(v.string('slotId must be a string'), v.uuid('slotId must be a UUID'));
/** Random per booking attempt in the browser; a retry with the same key finds its own booking. */
export const idempotencyKey = v.pipe(v.string('idempotencyKey must be a string'), v.regex(/^[A-Za-z0-9_-]{22,64}$/, 'idempotencyKey must be 22 to 64 URL-safe characters'));

/** A new appointment: a sealed case of kind "appointment" plus the slot it claims. */
export const BookingRequest = v.strictObject(
  { envelope: CaseEnvelope, slotId, idempotencyKey },
  'must be an object with exactly the fields envelope, slotId, idempotencyKey',
);
export type BookingRequest = v.InferOutput<typeof BookingRequest>;

const mailboxId = base64Bytes(KEY_BYTES, 'mailboxId');

/** Move an existing booking to another slot, with the code's mailbox id. */
export const RescheduleRequest = v.strictObject({ mailboxId, slotId }, 'must be an object with exactly the fields mailboxId, slotId');
export type RescheduleRequest = v.InferOutput<typeof RescheduleRequest>;
