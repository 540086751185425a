// Cross-site requests may not change anything for a signed-in member. SameSite=Strict
// already keeps the session cookie off them; this is the second lock (Fetch Metadata,
// then Origin), as OWASP advises. Clients that send neither (scripts, tests) pass.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { apiError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const sameOriginWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') throw apiError(403, 'cross_site', 'Requests from another site are refused');
    const origin = c.req.header('origin');
    if (origin) {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== new URL(c.req.url).host) throw apiError(403, 'cross_site', 'Requests from another site are refused');
    }
  }
  await next();
};
