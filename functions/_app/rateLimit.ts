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
  // A resident books one appointment, maybe two: five an hour per address is plenty.
  booking: { capacity: 5, windowSeconds: 3600 },
  mailbox: { capacity: 60, windowSeconds: 600 },
  // Sealed files of up to 10 MiB: five messages of five files an hour per address.
  attachment: { capacity: 25, windowSeconds: 3600 },
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

/**
 * The buckets one request counts against: the address itself and its network, so an
 * attacker who rotates addresses inside one network still drains one bucket. IPv4: /32
 * and /24; IPv6: /64 (usually one subscriber), /56 and /48. A network bucket holds `factor`
 * times the rule, as neighbours share it.
 */
export function addressBuckets(address: string): { key: string; factor: number }[] {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (v4) return [{ key: `v4/32|${address}`, factor: 1 }, { key: `v4/24|${v4[1]}.${v4[2]}.${v4[3]}`, factor: 4 }];
  const groups = expandIPv6(address);
  if (groups) {
    const hex = groups.map((g) => g.toString(16).padStart(4, '0')).join('');
    return [
      { key: `v6/64|${hex.slice(0, 16)}`, factor: 1 },
      { key: `v6/56|${hex.slice(0, 14)}`, factor: 2 },
      // A /48 is one site or customer: 65,536 /64s that cost an attacker nothing to rotate.
      { key: `v6/48|${hex.slice(0, 12)}`, factor: 2 },
    ];
  }
  return [{ key: `other|${address}`, factor: 1 }];
}

/** Eight 16-bit groups of an IPv6 address (with "::" expanded), or null. */
function expandIPv6(address: string): number[] | null {
  if (!address.includes(':') || !/^[0-9a-fA-F:]+$/.test(address)) return null;
  const [head, tail, extra] = address.split('::');
  if (extra !== undefined) return null;
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const left = part(head);
  const right = part(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (all.length !== 8 || all.some((g) => g.length < 1 || g.length > 4)) return null;
  return all.map((g) => parseInt(g, 16));
}

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
      // Cloudflare sets CF-Connecting-IP; a self-hosted proxy names its own header
      // (CLIENT_IP_HEADER). Without one every client shares one bucket.
      const header = c.env.CLIENT_IP_HEADER?.toLowerCase() || 'cf-connecting-ip';
      const raw = c.req.header(header) ?? 'unknown';
      const address = (header === 'x-forwarded-for' ? raw.split(',')[0] : raw)?.trim() || 'unknown';
      // RATE_LIMIT_SCALE raises every limit for test servers that run many flows from one address.
      const scale = Math.max(1, Number(c.env.RATE_LIMIT_SCALE) || 1);
      const checked: { id: string; bucket: Bucket }[] = [];
      for (const { key: bucketKey, factor } of addressBuckets(address)) {
        const id = `${name}|${await clientKey(bucketKey, nowMs)}`;
        const capacity = rule.capacity * scale * factor;
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
        checked.push({ id, bucket });
      }
      if (buckets.size >= MAX_KEYS) buckets.clear();
      for (const { id, bucket } of checked) {
        bucket.tokens -= 1;
        buckets.set(id, bucket);
      }
      await next();
      return undefined;
    };
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
