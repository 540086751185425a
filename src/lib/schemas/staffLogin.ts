import * as v from 'valibot';
import { KEY_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';

export const Username = v.pipe(
  v.string('username must be a string'),
  v.trim(),
  v.toLowerCase(),
  v.regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'username must be 2 to 63 letters, digits, dots, dashes or underscores'),
);

export const SaltRequest = v.strictObject({ username: Username }, 'must be an object with exactly the field username');
export type SaltRequest = v.InferOutput<typeof SaltRequest>;

export const StaffLogin = v.strictObject(
  { username: Username, authKey: base64Bytes(KEY_BYTES, 'authKey') },
  'must be an object with exactly the fields username and authKey',
);
export type StaffLogin = v.InferOutput<typeof StaffLogin>;
