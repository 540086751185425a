import * as v from 'valibot';
import { SIGNATURE_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';

/** The acting member's signature over an audit-worthy action, and the (UTC) day it binds. */
export const SignedAction = v.strictObject(
  {
    day: v.pipe(v.string('signed.day must be a string'), v.isoDate('signed.day must be a date (YYYY-MM-DD)')),
    signature: base64Bytes(SIGNATURE_BYTES, 'signed.signature'),
  },
  'signed must be an object with exactly the fields day, signature',
);
export type SignedAction = v.InferOutput<typeof SignedAction>;

export const signature = (label: string) => base64Bytes(SIGNATURE_BYTES, label);
