// Proof-of-work without identity (altcha, SHA-256 on Web Crypto so it runs on
// Workers). Challenges are signed with POW_SECRET and expire; a solved challenge is
// spent once: its signature hash goes into used_pow until it expires.
import { powSecret } from './secrets';
import type { Context, MiddlewareHandler } from 'hono';
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import * as v from 'valibot';
import type { AppEnv, Bindings } from './env';
import { apiError } from './errors';
import { sha256Base64 } from './bytes';
import { POW_HEADER, type PowPurpose } from '../../src/lib/pow/powPurpose';
import { ELEVATED_POW_FACTOR } from '../../src/lib/config/teamBudgets';

export const POW_LIFETIME_SECONDS = 10 * 60;
/** About a second of SHA-256 on a cheap phone; tests may lower it through POW_MAX_COUNTER. */
export const DEFAULT_POW_MAX_COUNTER = 60_000;

function secret(env: Bindings): string {
  return powSecret(env);
}

function maxCounter(env: Bindings): number {
  const n = Number(env.POW_MAX_COUNTER);
  return Number.isInteger(n) && n >= 10 ? n : DEFAULT_POW_MAX_COUNTER;
}

/**
 * Expiry uses the real clock, as altcha's verifySolution does (not the app's injectable
 * one). Level 1 asks ELEVATED_POW_FACTOR times the work and names the busy team it was
 * made for, so it cannot be spent on another.
 */
export async function newChallenge(env: Bindings, purpose: PowPurpose, now: Date = new Date(), elevated: { team: string } | null = null): Promise<Challenge> {
  const max = maxCounter(env) * (elevated ? ELEVATED_POW_FACTOR : 1);
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(max, Math.floor(max / 4)),
    deriveKey,
    data: elevated ? { purpose, level: '1', team: elevated.team } : { purpose },
    expiresAt: new Date(now.getTime() + POW_LIFETIME_SECONDS * 1000),
    hmacSignatureSecret: secret(env),
  });
}

const PowPayload = v.object({
  challenge: v.object({ parameters: v.record(v.string(), v.unknown()), signature: v.string() }),
  solution: v.object({ counter: v.number(), derivedKey: v.string(), time: v.optional(v.number()) }),
});

function readPayload(c: Context<AppEnv>) {
  const header = c.req.header(POW_HEADER);
  if (!header) throw apiError(428, 'pow_required', `Solve a proof-of-work challenge first (GET /api/pow) and send it in the ${POW_HEADER} header`);
  let decoded: unknown;
  try {
    decoded = JSON.parse(atob(header));
  } catch {
    throw apiError(400, 'pow_invalid', 'The proof-of-work header is not valid');
  }
  const parsed = v.safeParse(PowPayload, decoded);
  if (!parsed.success) throw apiError(400, 'pow_invalid', 'The proof-of-work header is not valid');
  return parsed.output as unknown as { challenge: Challenge; solution: Solution };
}

/** Refuses the request unless it carries a fresh, unspent solution for this purpose. */
export function requirePow(purpose: PowPurpose): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { challenge, solution } = readPayload(c);
    if (challenge.parameters.data?.['purpose'] !== purpose) throw apiError(400, 'pow_invalid', 'This proof of work was made for another action');
    const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: secret(c.env) }).catch(() => null);
    if (!result || result.expired) throw apiError(400, 'pow_invalid', 'The proof of work has expired or is not valid; try again');
    if (!result.verified) throw apiError(400, 'pow_invalid', 'The proof of work is not valid');
    // Kept until the challenge has expired, rounded up to the end of that day (UTC): the
    // table says no more of when someone sent something than the cases table (the day).
    const expiresAt = Math.ceil((challenge.parameters.expiresAt ?? Date.now() / 1000 + POW_LIFETIME_SECONDS) / 86_400) * 86_400;
    const spent = await c.env.DB.prepare('INSERT OR IGNORE INTO used_pow (signature_hash, expires_at) VALUES (?, ?)')
      .bind(await sha256Base64(challenge.signature ?? ''), expiresAt)
      .run();
    if (!spent.meta.changes) throw apiError(400, 'pow_replayed', 'This proof of work was already used; solve a new one');
    const data = challenge.parameters.data ?? {};
    c.set('pow', { level: data['level'] === '1' ? 1 : 0, team: typeof data['team'] === 'string' ? data['team'] : null });
    await next();
  };
}
