// The shape of POST /api/mailbox/open as the resident's browser expects it. The server is
// untrusted for content: anything else is treated as a failed open, never rendered.
// Loose objects, so the API may add fields without breaking old pages.
import * as v from 'valibot';

/** One message of the conversation as the API sends it: ciphertext the page opens itself. */
export const SealedMessageJson = v.object({
  seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
  direction: v.picklist(['resident', 'staff']),
  nonce: v.string(),
  ciphertext: v.string(),
  createdDay: v.string(),
});

/** The case as the API sends it to the code's holder: what the page needs to open it. */
export const SealedCaseJson = v.object({
  id: v.string(),
  teamId: v.string(),
  kind: v.picklist(['question', 'appointment']),
  consent: v.picklist(['handler', 'team']),
  protocol: v.number(),
  /** The team key id the case was sealed to (null for version-1 cases); bound in the associated data. */
  keyId: v.optional(v.nullable(v.number()), null),
  nonce: v.string(),
  ciphertext: v.string(),
});

export const MailboxResponse = v.object({
  case: v.object({ ...SealedCaseJson.entries, status: v.string(), createdDay: v.string() }),
  messages: v.array(SealedMessageJson),
  access: v.array(v.object({ role: v.string(), action: v.string(), day: v.string() })),
});
export type MailboxResponse = v.InferOutput<typeof MailboxResponse>;
