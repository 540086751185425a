// The Hono app behind /api. Resources are split into small route files.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { handleError, type ApiErrorBody } from './errors';
import { cases } from './routes/cases';
import { mailbox } from './routes/mailbox';
import { staffAuth } from './routes/staffAuth';
import { staffCases } from './routes/staffCases';
import { members } from './routes/members';
import { activation } from './routes/activation';
import { passphrase } from './routes/passphrase';
import { auditLog } from './routes/auditLog';
import { slots } from './routes/slots';
import { appointments } from './routes/appointments';
import { staffSlots } from './routes/staffSlots';
import { purgeIfDue } from './retention';

export interface AppOptions {
  clock?: () => Date;
  /** Tests turn the opportunistic purge off to control it themselves. */
  purge?: boolean;
}

export function createApp(options: AppOptions | (() => Date) = {}) {
  const { clock = () => new Date(), purge = true } = typeof options === 'function' ? { clock: options } : options;
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('now', clock);
    await next();
    c.header('Cache-Control', 'no-store');
    if (purge) {
      const run = purgeIfDue(c.env, clock()).catch((err: unknown) => console.error(`purge failed: ${(err as Error).name}`));
      // On Workers, finish after the answer; elsewhere just wait.
      try {
        c.executionCtx.waitUntil(run);
      } catch {
        await run;
      }
    }
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
      crossOriginOpenerPolicy: 'same-origin',
    }),
  );
  app.route('/api/cases', cases);
  app.route('/api/mailbox', mailbox);
  app.route('/api/slots', slots);
  app.route('/api/appointments', appointments);
  app.route('/api/staff/slots', staffSlots);
  app.route('/api/staff/cases', staffCases);
  app.route('/api/staff/members', members);
  app.route('/api/staff/activate', activation);
  app.route('/api/staff/passphrase', passphrase);
  app.route('/api/staff/audit', auditLog);
  app.route('/api/staff', staffAuth);
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.notFound((c) => c.json<ApiErrorBody>({ error: { code: 'not_found', message: 'No such API endpoint' } }, 404));
  app.onError(handleError);
  return app;
}

export const app = createApp();
