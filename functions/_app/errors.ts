import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One error shape for every API answer: what is wrong, never how the server works inside. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

export function apiError(status: ContentfulStatusCode, code: string, message: string, issues?: ApiErrorBody['error']['issues']) {
  const body: ApiErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return new HTTPException(status, { res: Response.json(body, { status }) });
}

/** Named so the error handler can map it to a 400 without parsing messages. */
export class NotAnEnvelopeError extends Error {
  override name = 'NotAnEnvelopeError';
}

export function handleError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    const res = err.getResponse();
    if (res.headers.get('content-type')?.includes('application/json')) return res;
    return c.json<ApiErrorBody>({ error: { code: 'http_error', message: err.message || 'Request refused' } }, err.status);
  }
  if (err instanceof NotAnEnvelopeError) {
    return c.json<ApiErrorBody>({ error: { code: 'not_an_envelope', message: err.message } }, 400);
  }
  // A key or unique constraint the route did not expect (two writers, a repeated id):
  // the request conflicts with what is stored, it is not the server's fault.
  if (isConstraint(err, 'unique')) {
    return c.json<ApiErrorBody>({ error: { code: 'conflict', message: 'This already exists or was changed at the same time; reload and try again' } }, 409);
  }
  // Log what happened, never request content or identifiers.
  console.error(`api error: ${err.name}`);
  return c.json<ApiErrorBody>({ error: { code: 'internal', message: 'Something went wrong on our side. Nothing was saved; please try again.' } }, 500);
}

/** True when D1 refused a statement because of the named trigger or a key constraint. */
export function isConstraint(err: unknown, name: 'seq_conflict' | 'consent_refuses' | 'unique' | 'not_null'): boolean {
  const text = String(err instanceof Error ? `${err.message} ${String(err.cause ?? '')}` : err);
  if (name === 'not_null') return /NOT NULL constraint/i.test(text);
  return name === 'unique' ? /UNIQUE constraint|PRIMARY KEY/i.test(text) : text.includes(name);
}

export function seqConflict(nextSeq: number) {
  return apiError(409, 'seq_conflict', 'Another message came first; reload and send again', [{ path: 'seq', message: `next seq is ${nextSeq}` }]);
}

export function consentRefuses() {
  return apiError(409, 'consent_refuses', 'The resident allowed only the person handling the question to read it, and it is already assigned');
}
