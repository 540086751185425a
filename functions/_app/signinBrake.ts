// Per-account slowdown of staff sign-in (see migration 0006). Pure timing rules here,
// the storage beside them; the login route asks before it checks a passphrase.
import { sha256Base64 } from './bytes';

/** Wrong passphrases allowed before the brake starts. */
export const FREE_FAILURES = 3;
/** The longest single wait, in seconds: a brake, never a lock-out. */
export const MAX_WAIT_SECONDS = 300;
/** After an hour without failures the count starts again. */
export const FORGET_AFTER_SECONDS = 3600;

/** Seconds to wait after the n-th failure in a row: 0, 0, 1, 2, 4, 8 … up to five minutes. */
export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_FAILURES));
}

interface Row {
  failures: number;
  last_failure_at: number;
  locked_until: number;
}

const key = (username: string) => sha256Base64(`achterom/signin|${username}`);

/** Seconds the next attempt for this username must still wait (0: go ahead). */
export async function secondsToWait(db: D1Database, username: string, now: number): Promise<number> {
  const row = await db.prepare('SELECT locked_until FROM signin_failures WHERE username_hash = ?').bind(await key(username)).first<Pick<Row, 'locked_until'>>();
  return row && row.locked_until > now ? row.locked_until - now : 0;
}

export async function recordFailure(db: D1Database, username: string, now: number): Promise<void> {
  const hash = await key(username);
  const row = await db.prepare('SELECT failures, last_failure_at FROM signin_failures WHERE username_hash = ?').bind(hash).first<Row>();
  const failures = row && now - row.last_failure_at < FORGET_AFTER_SECONDS ? row.failures + 1 : 1;
  await db
    .prepare('INSERT OR REPLACE INTO signin_failures (username_hash, failures, last_failure_at, locked_until) VALUES (?, ?, ?, ?)')
    .bind(hash, failures, now, now + waitAfter(failures))
    .run();
}

export async function clearFailures(db: D1Database, username: string): Promise<void> {
  await db.prepare('DELETE FROM signin_failures WHERE username_hash = ?').bind(await key(username)).run();
}
