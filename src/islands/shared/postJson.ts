// How a resident's browser posts to the API: no cookie, no cache, no referrer, so the
// request leaves no trace in the browser; and every request ends.
import { RESIDENT_DEADLINE_MS } from './withDeadline';

/** Every request ends: after RESIDENT_DEADLINE_MS (or the caller's signal) it is aborted. */
export function postJson(path: string, body: unknown, headers: Record<string, string> = {}, signal: AbortSignal = AbortSignal.timeout(RESIDENT_DEADLINE_MS)): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
  });
}
