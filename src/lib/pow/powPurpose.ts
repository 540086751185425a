import * as v from 'valibot';

/** What a proof-of-work solution may be spent on; a solution for one cannot pay for another. */
export const powPurpose = v.picklist(['case', 'booking', 'lookup'], 'purpose must be case, booking or lookup');
export type PowPurpose = v.InferOutput<typeof powPurpose>;

/** Request header that carries the solved challenge (base64 of the altcha JSON payload). */
export const POW_HEADER = 'x-achterom-pow';
