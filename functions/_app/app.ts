// The Hono app behind /api. Resources are split into small route files.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { handleError, type ApiErrorBody } from './errors';
import { cases } from './routes/cases';
import { staffAuth } from './routes/staffAuth';
import { inbox } from './routes/inbox';

export function createApp(clock: () => Date = () => new Date()) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('now', clock);
    await next();
    c.header('Cache-Control', 'no-store');
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
  app.route('/api/staff/cases', inbox);
  app.route('/api/staff', staffAuth);
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.notFound((c) => c.json<ApiErrorBody>({ error: { code: 'not_found', message: 'No such API endpoint' } }, 404));
  app.onError(handleError);
  return app;
}

export const app = createApp();
