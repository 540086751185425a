// Rate limits without identity: the key is an HMAC of the client address under a
// random key that lives only in this isolate's memory and is replaced every UTC day,
// so counts cannot be linked to an address afterwards and nothing is ever stored.
// Limits are generous on purpose: many residents share one address (mobile networks,
// libraries); proof-of-work is the main brake, this is the backstop.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { bytesToBase64 } from './bytes';

export interface Limit {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Seconds to earn the whole burst back. */
  windowSeconds: number;
}

export const LIMITS = {
  newCase: { capacity: 30, windowSeconds: 600 },
  booking: { capacity: 30, windowSeconds: 600 },
  mailbox: { capacity: 60, windowSeconds: 600 },
  powChallenge: { capacity: 120, windowSeconds: 600 },
  // Whole offices sign in from one address; guessing is slowed by argon2id anyway.
  staffSignIn: { capacity: 200, windowSeconds: 600 },
  slots: { capacity: 300, windowSeconds: 600 },
} as const satisfies Record<string, Limit>;

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_KEYS = 50_000;

export function createRateLimiter() {
  const buckets = new Map<string, Bucket>();
  let day = '';
  let key: CryptoKey | undefined;

  async function clientKey(address: string, nowMs: number): Promise<string> {
    const today = new Date(nowMs).toISOString().slice(0, 10);
    if (today !== day || !key) {
      day = today;
      buckets.clear();
      key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    }
    return bytesToBase64(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(address))));
  }

  return function limit(name: string, rule: Limit): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const nowMs = c.var.now().getTime();
      // Cloudflare sets CF-Connecting-IP; without it every client shares one bucket.
      const address = c.req.header('cf-connecting-ip') ?? 'unknown';
      const id = `${name}|${await clientKey(address, nowMs)}`;
      // RATE_LIMIT_SCALE raises every limit for test servers that run many flows from one address.
      const scale = Math.max(1, Number(c.env.RATE_LIMIT_SCALE) || 1);
      const capacity = rule.capacity * scale;
      const perMs = capacity / (rule.windowSeconds * 1000);
      const bucket = buckets.get(id) ?? { tokens: capacity, at: nowMs };
      bucket.tokens = Math.min(capacity, bucket.tokens + (nowMs - bucket.at) * perMs);
      bucket.at = nowMs;
      if (bucket.tokens < 1) {
        const retryAfter = Math.ceil((1 - bucket.tokens) / perMs / 1000);
        return c.json({ error: { code: 'rate_limited', message: `Too many requests; try again in ${retryAfter} seconds` } }, 429, {
          'Retry-After': String(retryAfter),
        });
      }
      bucket.tokens -= 1;
      if (buckets.size >= MAX_KEYS) buckets.clear();
      buckets.set(id, bucket);
      await next();
      return undefined;
    };
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
