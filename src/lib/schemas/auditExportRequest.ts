import * as v from 'valibot';
import { SignedAction } from './signedAction';

/** A CSV export of the audit log, recorded in the log: how many rows, which filters were on. */
export const AuditExportRequest = v.strictObject(
  {
    rows: v.pipe(v.number('rows must be a number'), v.integer('rows must be a whole number'), v.minValue(0, 'rows must be 0 or more'), v.maxValue(10_000_000, 'rows is too large')),
    filter: v.pipe(v.string('filter must be a string'), v.regex(/^(none|[a-z]+(,[a-z]+)*)$/, 'filter must be "none" or field names joined by commas')),
    signed: SignedAction,
  },
  'must be an object with exactly the fields rows, filter, signed',
);
export type AuditExportRequest = v.InferOutput<typeof AuditExportRequest>;
