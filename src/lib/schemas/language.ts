import * as v from 'valibot';

/** The languages of the resident pages; Dutch is the source. */
export const language = v.picklist(['nl', 'en', 'tr', 'ar', 'pl'], 'language');
export type Language = v.InferOutput<typeof language>;
