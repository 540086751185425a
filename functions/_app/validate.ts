import type { Context } from 'hono';
import * as v from 'valibot';
import { apiError } from './errors';

/** Reads a JSON body and validates it; any problem becomes a 4xx with a JSON error that names the field. */
export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw apiError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw apiError(400, 'malformed_json', 'The body is not valid JSON');
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const issues = result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: issue.message,
    }));
    const first = issues[0];
    const where = first?.path ? `${first.path}: ` : '';
    throw apiError(400, 'invalid_body', `${where}${first?.message ?? 'invalid body'}`, issues);
  }
  return result.output;
}
