import * as v from 'valibot';
import { AttachmentRef } from './attachmentRef';

/** At most this many files per message (question or follow-up). */
export const MAX_ATTACHMENTS = 5;

/** The files a message carries; optional in payloads, so messages from before attachments still validate. */
export const AttachmentList = v.pipe(
  v.array(AttachmentRef, 'attachments'),
  v.maxLength(MAX_ATTACHMENTS, 'attachments.tooMany'),
  v.check((list) => new Set(list.map((a) => a.id)).size === list.length, 'attachments.duplicate'),
);
export type AttachmentList = v.InferOutput<typeof AttachmentList>;
