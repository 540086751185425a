// Staff sessions: a random token in a __Host- cookie; the database keeps only its hash.
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './env';
import { apiError } from './errors';
import { randomToken, sha256Base64 } from './bytes';
import { createStorage } from './storage';

/** With prefix 'host' Hono writes the name as __Host-achterom_session. */
const COOKIE = 'achterom_session';
export const SESSION_IDLE_SECONDS = 15 * 60;
export const SESSION_ABSOLUTE_SECONDS = 8 * 60 * 60;

const seconds = (c: Context<AppEnv>) => Math.floor(c.var.now().getTime() / 1000);

export async function startSession(c: Context<AppEnv>, staffId: string): Promise<void> {
  const token = randomToken();
  await createStorage(c.env.DB).createSession(await sha256Base64(token), staffId, seconds(c));
  setCookie(c, COOKIE, token, {
    prefix: 'host',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: SESSION_ABSOLUTE_SECONDS,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, COOKIE, 'host');
  if (token) await createStorage(c.env.DB).deleteSession(await sha256Base64(token));
  deleteCookie(c, COOKIE, { prefix: 'host', path: '/', secure: true });
}

/** The hash of this request's session token ('' without one). */
export async function currentSessionHash(c: Context<AppEnv>): Promise<string> {
  const token = getCookie(c, COOKIE, 'host');
  return token ? sha256Base64(token) : '';
}

/**
 * Whether this request carries a live session, without answering 401 (so a console that
 * just loaded can say "your keys were wiped by the reload" without a browser error).
 * Does not extend the session.
 */
export async function hasLiveSession(c: Context<AppEnv>): Promise<boolean> {
  const token = getCookie(c, COOKIE, 'host');
  if (!token) return false;
  const storage = createStorage(c.env.DB);
  const session = await storage.findSession(await sha256Base64(token));
  if (!session) return false;
  const now = seconds(c);
  if (now - session.last_seen_at > SESSION_IDLE_SECONDS || now - session.created_at > SESSION_ABSOLUTE_SECONDS) return false;
  const staff = await storage.findStaffById(session.staff_id);
  return staff?.status === 'active';
}

/** Loads the signed-in, active staff member into c.var.staff, or answers 401. */
export const requireStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, COOKIE, 'host');
  if (!token) throw apiError(401, 'not_signed_in', 'Sign in first');
  const storage = createStorage(c.env.DB);
  const tokenHash = await sha256Base64(token);
  const session = await storage.findSession(tokenHash);
  const now = seconds(c);
  if (!session) throw apiError(401, 'not_signed_in', 'Sign in first');
  if (now - session.last_seen_at > SESSION_IDLE_SECONDS || now - session.created_at > SESSION_ABSOLUTE_SECONDS) {
    await storage.deleteSession(tokenHash);
    throw apiError(401, 'session_expired', 'Your session has ended; sign in again');
  }
  const staff = await storage.findStaffById(session.staff_id);
  if (!staff || staff.status !== 'active') {
    await storage.deleteSession(tokenHash);
    throw apiError(401, 'not_signed_in', 'Sign in first');
  }
  await storage.touchSession(tokenHash, now);
  c.set('staff', staff);
  await next();
};
