// Secrets that must be set. The published demo values work only where the local demo
// says so (ACHTEROM_LOCAL_DEMO, passed by `npm start` and the tests, never deployed);
// anywhere else the API answers 503 until real secrets are set
// (`wrangler pages secret put POW_SECRET` and `SALT_PEPPER`).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from './env';

export const DEMO_POW_SECRET = 'local-demo-pow-secret-not-secret';
export const DEMO_SALT_PEPPER = 'local-demo-pepper-not-secret';
/** A real secret: random, at least this long (openssl rand -base64 32 gives 44). */
export const MIN_SECRET_LENGTH = 32;

const localDemo = (env: Bindings) => env.ACHTEROM_LOCAL_DEMO === '1';

/** The names of the secrets that are missing or too weak; empty when all is well. */
export function missingSecrets(env: Bindings): string[] {
  if (localDemo(env)) return [];
  const weak = (value: string | undefined, demo: string) => !value || value === demo || value.length < MIN_SECRET_LENGTH;
  return [weak(env.POW_SECRET, DEMO_POW_SECRET) && 'POW_SECRET', weak(env.SALT_PEPPER, DEMO_SALT_PEPPER) && 'SALT_PEPPER'].filter((n): n is string => Boolean(n));
}

export const powSecret = (env: Bindings) => env.POW_SECRET ?? (localDemo(env) ? DEMO_POW_SECRET : '');
export const saltPepper = (env: Bindings) => env.SALT_PEPPER ?? (localDemo(env) ? DEMO_SALT_PEPPER : '');

export const requireSecrets: MiddlewareHandler<AppEnv> = async (c, next) => {
  const missing = missingSecrets(c.env);
  if (missing.length) {
    // Says which settings, never their values; the operator finds the way in the README.
    console.error(`not configured: ${missing.join(', ')}`);
    return c.json({ error: { code: 'not_configured', message: 'This service is not set up yet. Please call the municipality.' } }, 503);
  }
  await next();
  return undefined;
};
