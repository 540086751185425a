// The inbox's query: filters and sort on what the server already knows (never on
// content), and a cursor to page through every case whatever the total.
import * as v from 'valibot';
import { caseKind } from './caseKind';

export const CASE_PAGE_SIZE = 50;
export const CASE_PAGE_MAX = 200;

export const caseListSort = v.picklist(['received', 'activity'], 'sort must be received or activity');
export type CaseListSort = v.InferOutput<typeof caseListSort>;

/** "open" is every status but afgerond. */
export const caseListStatus = v.picklist(['open', 'nieuw', 'in_behandeling', 'afgerond'], 'status must be open, nieuw, in_behandeling or afgerond');

export const CaseListQuery = v.strictObject(
  {
    status: v.optional(caseListStatus),
    kind: v.optional(caseKind),
    sort: v.optional(caseListSort, 'received'),
    /** The start of a case number, as staff copy it from the audit log or a colleague. */
    q: v.optional(v.pipe(v.string(), v.toLowerCase(), v.regex(/^[0-9a-f-]{1,36}$/, 'q must be (the start of) a case number'))),
    cursor: v.optional(v.pipe(v.string(), v.regex(/^(\d{4}-\d{2}-\d{2}\.)?\d{1,15}$/, 'cursor is not one this server gave'))),
    limit: v.optional(
      v.pipe(v.string(), v.regex(/^\d{1,3}$/, 'limit must be a number'), v.transform(Number), v.minValue(1, 'limit must be at least 1'), v.maxValue(CASE_PAGE_MAX, `limit must be at most ${CASE_PAGE_MAX}`)),
      String(CASE_PAGE_SIZE),
    ),
  },
  'query may hold only status, kind, sort, q, cursor and limit',
);
export type CaseListQuery = v.InferOutput<typeof CaseListQuery>;
