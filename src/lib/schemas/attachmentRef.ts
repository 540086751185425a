import * as v from 'valibot';
import { KEY_BYTES } from '../crypto/protocol';
import { ATTACHMENT_MAX_BYTES } from '../crypto/attachmentBuckets';
import { base64Bytes } from './base64Bytes';

/** What a resident can send: photos are re-encoded to JPEG in the browser, PDFs go as they are. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'application/pdf'] as const;
export const ATTACHMENT_NAME_MAX_CHARS = 120;

/** A random id the browser makes (a UUID); it names the file inside the message and on upload. */
export const attachmentId = v.pipe(
  v.string('attachment id must be a string'),
  v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'attachment id must be a random UUID'),
);

/**
 * One file as the message that carries it describes it: the key that opens the stored
 * object, and the name, type and exact size. All of it travels inside the message
 * ciphertext; the server sees only the id and the padded object.
 */
export const AttachmentRef = v.strictObject({
  id: attachmentId,
  key: base64Bytes(KEY_BYTES, 'key'),
  name: v.pipe(v.string('name'), v.minLength(1, 'name'), v.maxLength(ATTACHMENT_NAME_MAX_CHARS, 'name')),
  type: v.picklist(ATTACHMENT_TYPES, 'type'),
  size: v.pipe(v.number('size'), v.integer('size'), v.minValue(1, 'size'), v.maxValue(ATTACHMENT_MAX_BYTES, 'size')),
});
export type AttachmentRef = v.InferOutput<typeof AttachmentRef>;
