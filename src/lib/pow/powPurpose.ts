import * as v from 'valibot';

/** What a proof-of-work solution may be spent on; a solution for one cannot pay for another. */
/** case and booking: new ones; lookup: opening with a code; change: a follow-up, delete, cancel or move with a code; attachment: one file uploaded with a code. */
export const powPurpose = v.picklist(['case', 'booking', 'lookup', 'change', 'attachment'], 'purpose must be case, booking, lookup, change or attachment');
export type PowPurpose = v.InferOutput<typeof powPurpose>;

/** Request header that carries the solved challenge (base64 of the altcha JSON payload). */
export const POW_HEADER = 'x-achterom-pow';
