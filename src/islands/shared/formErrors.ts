// From valibot issues to one message per form field, in page order. The schemas carry
// message keys (e.g. "question.tooLong"); the form maps them to words in its language.
import * as v from 'valibot';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

interface Mapping<F extends string> {
  /** The field a dotted schema path belongs to, or null for none of the form's. */
  fieldOf: (path: string) => F | null | undefined;
  /** The words for an issue on a field (by its message key). */
  messageOf: (field: F, messageKey: string) => string;
}

/** The first issue per field wins (the schema lists the most basic problem first). */
export function errorsFromIssues<F extends string>(issues: readonly v.BaseIssue<unknown>[], { fieldOf, messageOf }: Mapping<F>): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOf(v.getDotPath(issue) ?? '');
    if (!field || errors[field]) continue;
    errors[field] = messageOf(field, issue.message);
  }
  return errors;
}

/** The fields that have an error, in the order they stand on the page. */
export function errorFieldsInOrder<F extends string>(errors: FieldErrors<F>, order: readonly F[]): F[] {
  return order.filter((f) => errors[f]);
}
