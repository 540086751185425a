import * as v from 'valibot';
import { KEY_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';
import { attachmentId } from './attachmentRef';

/** Request headers of an upload; the body is the sealed object itself (application/octet-stream). */
export const ATTACHMENT_MAILBOX_HEADER = 'x-achterom-mailbox';
export const ATTACHMENT_ID_HEADER = 'x-achterom-attachment';

/** A resident's upload: the mailbox id proves the code (as for follow-ups), the id names the file in the message. */
export const AttachmentUpload = v.strictObject(
  { mailboxId: base64Bytes(KEY_BYTES, 'mailboxId'), attachmentId },
  'must carry exactly a mailbox id and an attachment id',
);
export type AttachmentUpload = v.InferOutput<typeof AttachmentUpload>;
