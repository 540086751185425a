// One line of the inbox as the API gives it: only what the server knows anyway. No
// ciphertext and no key, so listing is not reading (DESIGN section 4).
import * as v from 'valibot';
import { caseKind } from './caseKind';
import { caseStatus } from './staffCaseRequests';
import { appointmentType } from './slotRequests';

const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const CaseListItem = v.object({
  id: v.string(),
  kind: caseKind,
  consent: v.picklist(['handler', 'team']),
  status: caseStatus,
  createdDay: day,
  lastActivityDay: day,
  /** Whether this member may open it; false for a team lead under "only the handler". */
  mayOpen: v.boolean(),
  /** This member has never opened it. */
  unseen: v.boolean(),
  /** Messages from the resident this member has not seen yet. */
  unread: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** For a booked appointment: the slot, which the server knows in order to keep it. */
  slot: v.nullable(v.object({ startsAt: v.string(), durationMinutes: v.number(), type: appointmentType, locationId: v.string() })),
  /** Who holds a grant; only for members who may assign. */
  assignees: v.optional(v.array(v.string())),
});
export type CaseListItem = v.InferOutput<typeof CaseListItem>;

export const CaseList = v.object({
  cases: v.array(CaseListItem),
  /** Cursor for the next page, null on the last. */
  next: v.nullable(v.string()),
  /** Cases that match the filter, over all pages. */
  total: v.number(),
  /** Cases this member may open that are new to them or have unread messages (the tab title's count). */
  attention: v.number(),
});
export type CaseList = v.InferOutput<typeof CaseList>;
