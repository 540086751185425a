// Which field a problem with the question belongs to, and its words. The schema's issue
// messages are keys; page order decides the order of the error summary.
import * as v from 'valibot';
import { QuestionPayload } from '../../../lib/schemas/questionPayload';
import { errorsFromIssues, type FieldErrors } from '../../shared/formErrors';
import { CONSENT_TARGET } from '../../shared/ConsentChoice';
import { SAFE_CONTACT_TARGET, type SafeContactField } from '../../shared/ContactChoiceSafety';
import type { QuestionFormStrings } from '../questionFormStrings';

export type QuestionField = 'neighbourhood' | 'question' | 'phone' | SafeContactField | 'email' | 'consent';
type StringKey = keyof QuestionFormStrings;

export const QUESTION_FIELDS: readonly QuestionField[] = ['neighbourhood', 'question', 'phone', 'callNote', 'introduction', 'codeWord', 'email', 'consent'];

/** The control an error summary link focuses. */
export const QUESTION_FIELD_TARGET: Record<QuestionField, string> = {
  neighbourhood: 'neighbourhood',
  question: 'question',
  phone: 'phone',
  ...SAFE_CONTACT_TARGET,
  email: 'email',
  consent: CONSENT_TARGET,
};

const ISSUE_MESSAGES: Record<string, StringKey> = {
  neighbourhood: 'form.error.neighbourhood',
  'question.empty': 'form.error.question.empty',
  'question.tooLong': 'form.error.question.tooLong',
  'contact.phone': 'form.error.contact.phone',
  'contact.email': 'form.error.contact.email',
  'contact.callNote.tooLong': 'form.error.contact.callNote.tooLong',
  'contact.introduction.empty': 'form.error.contact.introduction.empty',
  'contact.introduction.tooLong': 'form.error.contact.introduction.tooLong',
  'contact.codeWord.tooLong': 'form.error.contact.codeWord.tooLong',
  consent: 'form.error.consent',
};

/** Fallback per field when an issue has a message we do not know. */
const FIELD_MESSAGES: Record<QuestionField, StringKey> = {
  neighbourhood: 'form.error.neighbourhood',
  question: 'form.error.question.empty',
  phone: 'form.error.contact.phone',
  callNote: 'form.error.contact.callNote.tooLong',
  introduction: 'form.error.contact.introduction.empty',
  codeWord: 'form.error.contact.codeWord.tooLong',
  email: 'form.error.contact.email',
  consent: 'form.error.consent',
};

const PATH_FIELDS: Record<string, QuestionField> = {
  neighbourhood: 'neighbourhood',
  question: 'question',
  'contact.phone': 'phone',
  'contact.email': 'email',
  'contact.safety.note': 'callNote',
  'contact.safety.introduction': 'introduction',
  'contact.safety.introduction.words': 'introduction',
  'contact.safety.codeWord': 'codeWord',
  consent: 'consent',
};

export type QuestionCheck = { ok: true; payload: QuestionPayload } | { ok: false; errors: FieldErrors<QuestionField> };

/** Validates what was typed with the shared schema; every problem gets words in the page's language. */
export function checkQuestion(input: unknown, strings: QuestionFormStrings): QuestionCheck {
  const result = v.safeParse(QuestionPayload, input);
  if (result.success) return { ok: true, payload: result.output };
  const errors = errorsFromIssues<QuestionField>(result.issues, {
    fieldOf: (path) => PATH_FIELDS[path],
    messageOf: (field, key) => strings[ISSUE_MESSAGES[key] ?? FIELD_MESSAGES[field]],
  });
  if (Object.keys(errors).length === 0) errors.question = strings['form.error.generic'];
  return { ok: false, errors };
}
