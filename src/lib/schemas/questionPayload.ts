import * as v from 'valibot';
import { language } from './language';
import { neighbourhoodIds } from '../config/teams';
import { SafeCall, SafeMail } from './safeContact';
import { AttachmentList } from './attachmentList';

export const QUESTION_MAX_CHARS = 4000;

/**
 * How the team may reach the resident. Phone and e-mail are encrypted with the rest, and
 * so is `safety`: how to call or mail them safely (./safeContact). Optional, because
 * questions sent before it existed must still open.
 */
export const ContactPreference = v.variant('method', [
  v.strictObject({ method: v.literal('portal') }),
  v.strictObject({
    method: v.literal('phone'),
    phone: v.pipe(
      v.string(),
      v.trim(),
      v.regex(/^\+?[0-9][0-9 \-()]{7,18}[0-9]$/, 'contact.phone'),
    ),
    safety: v.optional(SafeCall),
  }),
  v.strictObject({
    method: v.literal('email'),
    email: v.pipe(v.string(), v.trim(), v.email('contact.email'), v.maxLength(254, 'contact.email')),
    safety: v.optional(SafeMail),
  }),
]);
export type ContactPreference = v.InferOutput<typeof ContactPreference>;

/** handler: only the person handling my question may read it; team: the team may discuss it.
 * Also sent in the clear in the envelope (the API enforces it); staff compare the two. */
export const Consent = v.picklist(['handler', 'team'], 'consent');
export type Consent = v.InferOutput<typeof Consent>;

/** What a resident's question contains once decrypted. Validated before sealing and after opening. */
export const QuestionPayload = v.strictObject({
  type: v.literal('question'),
  neighbourhood: v.picklist(neighbourhoodIds, 'neighbourhood'),
  question: v.pipe(
    v.string('question'),
    v.trim(),
    v.minLength(1, 'question.empty'),
    v.maxLength(QUESTION_MAX_CHARS, 'question.tooLong'),
  ),
  contact: ContactPreference,
  consent: Consent,
  /** Photos and PDFs sent with the question: keys and names, inside the ciphertext (absent in older questions). */
  attachments: v.optional(AttachmentList),
  /** Exact time lives only inside the ciphertext; the server keeps the day. */
  submittedAt: v.pipe(v.string(), v.isoTimestamp()),
  language,
});
export type QuestionPayload = v.InferOutput<typeof QuestionPayload>;
