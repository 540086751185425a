import * as v from 'valibot';

export const caseKind = v.picklist(['question', 'appointment'], 'kind must be "question" or "appointment"');
export type CaseKind = v.InferOutput<typeof caseKind>;
