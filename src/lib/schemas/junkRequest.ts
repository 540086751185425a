// A team lead clears junk: chosen cases, or every case of one day that nobody opened.
import * as v from 'valibot';
import { SignedAction } from './signedAction';

/** D1 binds at most 100 values per statement; the count binds the list twice. */
export const JUNK_IDS_MAX = 40;

const caseId = v.pipe(v.string(), v.uuid('ids must be case numbers'));
const day = v.pipe(v.string('day must be a string'), v.isoDate('day must be a date (YYYY-MM-DD)'));

export const JunkSelection = v.variant(
  'kind',
  [
    v.strictObject({ kind: v.literal('ids'), ids: v.pipe(v.array(caseId), v.minLength(1, 'ids: choose at least one case'), v.maxLength(JUNK_IDS_MAX, `ids: at most ${JUNK_IDS_MAX} at once`)) }),
    v.strictObject({ kind: v.literal('unopened'), day }),
  ],
  'selection must be {kind: "ids", ids} or {kind: "unopened", day}',
);
export type JunkSelection = v.InferOutput<typeof JunkSelection>;

export const JunkRequest = v.strictObject({ selection: JunkSelection, signed: SignedAction }, 'must be an object with exactly the fields selection, signed');
export type JunkRequest = v.InferOutput<typeof JunkRequest>;

export const JunkCountQuery = v.strictObject({ day }, 'query must be ?day=YYYY-MM-DD');
