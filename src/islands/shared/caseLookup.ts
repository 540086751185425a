// Looking a case up with the resident's 16-digit code, as "Mijn vraag" and "Mijn afspraak"
// do. The code never leaves the browser: argon2id stretches it into a mailbox id (sent)
// and a case key (used here, then wiped). The API is untrusted for content: its answer is
// checked with the page's schema, and anything unexpected is a failed lookup.
import * as v from 'valibot';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { deriveCaseKeys } from '../../lib/crypto/deriveCaseKeys';
import { proofHeaders } from '../../lib/pow/proofHeaders';
import { postJson } from './postJson';
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from './withDeadline';

/** Why a lookup shows no case: unknown code, too many tries, anything else, or too slow. */
export type LookupFailure = 'notFound' | 'busy' | 'failed' | 'timeout';

export type Post = (path: string, body: unknown, headers: Record<string, string>, signal?: AbortSignal) => Promise<Response>;

export type FetchedCase<T> = { status: 'found'; body: T } | { status: 'notFound' } | { status: 'busy' };

/** Fetches the sealed case under a mailbox id. Throws on other statuses and on answers that do not fit. */
export async function fetchSealedCase<S extends v.GenericSchema>(
  mailboxId: string,
  schema: S,
  proof: Record<string, string>,
  { post = postJson, signal }: { post?: Post; signal?: AbortSignal } = {},
): Promise<FetchedCase<v.InferOutput<S>>> {
  const response = await post('/api/mailbox/open', { mailboxId }, proof, signal);
  if (response.status === 404) return { status: 'notFound' };
  if (response.status === 429) return { status: 'busy' };
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  const parsed = v.safeParse(schema, await response.json());
  if (!parsed.success) throw new Error('unexpected mailbox answer');
  return { status: 'found', body: parsed.output };
}

/** What the page may use while its case is open. The case key is wiped when `open` returns. */
export interface FoundCase<T> {
  sodium: Sodium;
  /** Enough to act on the case (send, cancel, delete): keep it in memory only. */
  mailboxId: string;
  caseKey: Uint8Array;
  body: T;
}

export interface LookupOptions {
  post?: Post;
  /** The spent-once proof of work every lookup carries (a brake on guessing codes). */
  proof?: () => Promise<Record<string, string>>;
  deadlineMs?: number;
}

export type LookupResult<R> = { ok: true; value: R } | { ok: false; failure: LookupFailure };

/**
 * Derives the keys from a normalized code, fetches the case and lets `open` decrypt what
 * the page needs, all within the resident's deadline. A page that keeps the case key
 * (to send follow-ups) copies it in `open`; this one is always wiped.
 */
export async function lookUpCase<S extends v.GenericSchema, R>(
  code: string,
  schema: S,
  open: (found: FoundCase<v.InferOutput<S>>) => R,
  { post = postJson, proof = () => proofHeaders('lookup'), deadlineMs = RESIDENT_DEADLINE_MS }: LookupOptions = {},
): Promise<LookupResult<R>> {
  try {
    return await withDeadline(async (signal): Promise<LookupResult<R>> => {
      // The proof of work runs while libsodium loads and argon2id derives.
      const proving = proof();
      proving.catch(() => undefined);
      const sodium = await loadSodium();
      signal.throwIfAborted();
      const derived = deriveCaseKeys(sodium, code);
      const mailboxId = toBase64(sodium, derived.mailboxId);
      sodium.memzero(derived.mailboxId);
      try {
        const fetched = await fetchSealedCase(mailboxId, schema, await proving, { post, signal });
        if (fetched.status !== 'found') return { ok: false, failure: fetched.status };
        return { ok: true, value: open({ sodium, mailboxId, caseKey: derived.caseKey, body: fetched.body }) };
      } finally {
        sodium.memzero(derived.caseKey);
      }
    }, deadlineMs);
  } catch (err) {
    return { ok: false, failure: err instanceof DeadlineError ? 'timeout' : 'failed' };
  }
}
