// The Hono app behind /api. Resources are split into small route files.
import { Hono, type MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { handleError, type ApiErrorBody } from './errors';
import { cases } from './routes/cases';
import { mailbox } from './routes/mailbox';
import { residentAttachments, staffAttachments } from './routes/attachments';
import { staffAuth } from './routes/staffAuth';
import { staffCases } from './routes/staffCases';
import { staffAppointments } from './routes/staffAppointments';
import { junk } from './routes/junk';
import { activity } from './routes/activity';
import { members } from './routes/members';
import { activation } from './routes/activation';
import { passphrase } from './routes/passphrase';
import { auditLog } from './routes/auditLog';
import { teamKeys } from './routes/teamKeys';
import { slots } from './routes/slots';
import { appointments } from './routes/appointments';
import { staffSlots } from './routes/staffSlots';
import { pow } from './routes/pow';
import { purgeIfDue } from './retention';
import { requirePow } from './pow';
import type { PowPurpose } from '../../src/lib/pow/powPurpose';
import { createRateLimiter, LIMITS } from './rateLimit';
import { sameOriginWrites } from './sameOrigin';
import { requireSecrets } from './secrets';

export interface AppOptions {
  /** On unless a test turns it off (the fuzz test, to reach the validators behind it). */
  requirePow?: boolean;
  clock?: () => Date;
  /** Tests turn the opportunistic purge off to control it themselves. */
  purge?: boolean;
}

export function createApp(options: AppOptions | (() => Date) = {}) {
  const normalized: AppOptions = typeof options === 'function' ? { clock: options } : options;
  const { clock = () => new Date(), purge = true, requirePow: powOn = true } = normalized;
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
      xFrameOptions: 'DENY',
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    }),
  );
  // Abuse brakes before the resources: a rate limit per client address (kept in
  // memory only) and a spent-once proof of work on the anonymous write and lookup.
  const limit = createRateLimiter();
  // Tests of other behaviour may switch the proof of work off; the app in production cannot.
  const pass: MiddlewareHandler<AppEnv> = async (_c, next) => next();
  const powFor = (purpose: PowPurpose) => (powOn ? requirePow(purpose) : pass);
  // Nothing runs on published demo secrets outside the local demo.
  app.use('/api/*', requireSecrets);
  app.use('/api/staff/*', sameOriginWrites);
  app.get('/api/pow', limit('powChallenge', LIMITS.powChallenge));
  app.post('/api/cases', limit('newCase', LIMITS.newCase), powFor('case'));
  app.post('/api/appointments', limit('booking', LIMITS.booking), powFor('booking'));
  app.post('/api/mailbox/open', powFor('lookup'));
  // Every other anonymous write with a code costs work too: follow-ups, deletion,
  // cancelling and moving an appointment.
  for (const path of ['/api/mailbox/messages', '/api/mailbox/delete', '/api/mailbox/appointment/cancel', '/api/mailbox/appointment/reschedule']) {
    app.post(path, powFor('change'));
  }
  // A sealed file, uploaded with a code: one proof of work each, and a budget of its own.
  app.post('/api/mailbox/attachments', limit('attachment', LIMITS.attachment), powFor('attachment'));
  app.post('/api/mailbox/*', limit('mailbox', LIMITS.mailbox));
  app.post('/api/staff/salt', limit('staffSignIn', LIMITS.staffSignIn));
  app.post('/api/staff/login', limit('staffSignIn', LIMITS.staffSignIn));
  app.get('/api/slots', limit('slots', LIMITS.slots));
  app.route('/api/pow', pow);
  app.route('/api/cases', cases);
  app.route('/api/mailbox/attachments', residentAttachments);
  app.route('/api/mailbox', mailbox);
  app.route('/api/slots', slots);
  app.route('/api/appointments', appointments);
  app.route('/api/staff/slots', staffSlots);
  app.route('/api/staff/cases', staffCases);
  app.route('/api/staff/cases', staffAppointments);
  app.route('/api/staff/cases', staffAttachments);
  app.route('/api/staff/junk', junk);
  app.route('/api/staff/activity', activity);
  app.route('/api/staff/members', members);
  app.route('/api/staff/activate', activation);
  app.route('/api/staff/passphrase', passphrase);
  app.route('/api/staff/audit', auditLog);
  app.route('/api/staff/team-keys', teamKeys);
  app.route('/api/staff', staffAuth);
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.notFound((c) => c.json<ApiErrorBody>({ error: { code: 'not_found', message: 'No such API endpoint' } }, 404));
  app.onError(handleError);
  return app;
}

export const app = createApp();
