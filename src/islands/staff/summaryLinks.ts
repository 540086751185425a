// The error summary's links for a console form: one per field with an error, in the
// order the fields stand on the page, each to the control it is about.
import type { SummaryError } from '../shared/fields/ErrorSummary';
import { errorFieldsInOrder, type FieldErrors } from '../shared/formErrors';

/** `targetOf` names the control a link focuses when it is not the field id (a group's first box). */
export function summaryLinks<F extends string>(errors: FieldErrors<F>, order: readonly F[], targetOf: (field: F) => string = (field) => field): SummaryError[] {
  return errorFieldsInOrder(errors, order).map((field) => ({ target: targetOf(field), text: errors[field] ?? '' }));
}
