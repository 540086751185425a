import * as v from 'valibot';
import { KEY_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';
import { aeadNonce, paddedCiphertext } from './sealedBlob';

const mailboxId = base64Bytes(KEY_BYTES, 'mailboxId');

/** The resident proves knowledge of the code by the mailbox id derived from it. */
export const MailboxLookup = v.strictObject({ mailboxId }, 'must be an object with exactly the field mailboxId');
export type MailboxLookup = v.InferOutput<typeof MailboxLookup>;

export const messageSeq = v.pipe(v.number('seq must be a number'), v.integer('seq must be a whole number'), v.minValue(1, 'seq must be 1 or more'), v.maxValue(10_000, 'seq must be at most 10000'));

/** A resident's follow-up message, sealed under the case key. */
export const MailboxMessage = v.strictObject(
  { mailboxId, seq: messageSeq, nonce: aeadNonce, ciphertext: paddedCiphertext },
  'must be an object with exactly the fields mailboxId, seq, nonce, ciphertext',
);
export type MailboxMessage = v.InferOutput<typeof MailboxMessage>;
