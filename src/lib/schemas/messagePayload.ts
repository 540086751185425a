import * as v from 'valibot';
import { AttachmentList } from './attachmentList';

export const MESSAGE_MAX_CHARS = 4000;

/** A follow-up from the resident or a reply from staff, once decrypted. */
export const MessagePayload = v.strictObject({
  text: v.pipe(v.string('message'), v.trim(), v.minLength(1, 'message.empty'), v.maxLength(MESSAGE_MAX_CHARS, 'message.tooLong')),
  /** Photos and PDFs sent with a resident's follow-up (absent in older messages). */
  attachments: v.optional(AttachmentList),
  /** Exact time, only inside the ciphertext. */
  sentAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type MessagePayload = v.InferOutput<typeof MessagePayload>;

/** An internal staff note, once decrypted. Residents never receive the note key. */
export const NotePayload = v.strictObject({
  text: v.pipe(v.string('note'), v.trim(), v.minLength(1, 'note.empty'), v.maxLength(MESSAGE_MAX_CHARS, 'note.tooLong')),
  author: v.pipe(v.string(), v.maxLength(200)),
  writtenAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type NotePayload = v.InferOutput<typeof NotePayload>;
