// Retention (DESIGN section 5): closed cases, never-opened cases and abandoned cases
// are deleted after a configured number of days. Pages Functions have no cron, so the
// purge runs from API traffic at most once an hour (claimed with one conditional
// UPDATE, so two requests never both run it).
import type { Bindings } from './env';
import { municipality } from '../../src/lib/config/municipality';
import { createStorage, dayOf } from './storage';
import { runAudited } from './audit';
import { emptyTrash } from './objectStore';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from './session';
import { FORGET_AFTER_SECONDS } from './signinBrake';

export interface RetentionConfig {
  /** Days after closing (status afgerond). */
  closedDays: number;
  /** Days after arrival for a case no staff member ever opened. */
  unopenedDays: number;
  /** Days without any activity for a case that was opened but not closed. */
  abandonedDays: number;
}

/** From achterom.config.json; RETENTION_* variables may shorten or lengthen it per deployment. */
export const DEFAULT_RETENTION: RetentionConfig = municipality.retention;
export const PURGE_INTERVAL_SECONDS = 60 * 60;
/** Hourly counts of a team's requests are kept this long (budget and burst view need one). */
export const TEAM_ACTIVITY_KEEP_DAYS = 8;

function days(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : fallback;
}

export function retentionFrom(env: Bindings): RetentionConfig {
  return {
    closedDays: days(env.RETENTION_CLOSED_DAYS, DEFAULT_RETENTION.closedDays),
    unopenedDays: days(env.RETENTION_UNOPENED_DAYS, DEFAULT_RETENTION.unopenedDays),
    abandonedDays: days(env.RETENTION_ABANDONED_DAYS, DEFAULT_RETENTION.abandonedDays),
  };
}

function daysBefore(now: Date, n: number): string {
  return dayOf(new Date(now.getTime() - n * 86_400_000));
}

/** Deletes every expired case; returns their ids. Audit rows keep only the ids. */
export async function purgeExpired(db: D1Database, now: Date, config: RetentionConfig = DEFAULT_RETENTION): Promise<string[]> {
  const { results } = await db
    .prepare(
      `SELECT id, team_id FROM cases WHERE
         (status = 'afgerond' AND closed_day <= ?1)
         OR (opened = 0 AND created_day <= ?2)
         OR (status <> 'afgerond' AND opened = 1 AND COALESCE(last_activity_day, created_day) <= ?3)`,
    )
    .bind(daysBefore(now, config.closedDays), daysBefore(now, config.unopenedDays), daysBefore(now, config.abandonedDays))
    .all<{ id: string; team_id: string }>();
  const storage = createStorage(db);
  for (const row of results) {
    await runAudited(db, { staffId: null, role: 'system', teamId: row.team_id, action: 'case.purge', caseId: row.id }, now, storage.deleteCaseStatements(row.id));
  }
  return results.map((r) => r.id);
}

/** Runs the purge if the last run is over an hour ago. Safe to call on every request. */
export async function purgeIfDue(env: Bindings, now: Date): Promise<string[] | null> {
  const seconds = Math.floor(now.getTime() / 1000);
  const claim = await env.DB.prepare(
    `INSERT INTO maintenance (task, last_run_at) VALUES ('purge', ?1)
     ON CONFLICT (task) DO UPDATE SET last_run_at = ?1 WHERE last_run_at <= ?1 - ?2`,
  )
    .bind(seconds, PURGE_INTERVAL_SECONDS)
    .run();
  if (!claim.meta.changes) return null;
  // Spent proof-of-work solutions are kept only until their challenge expires.
  await env.DB.prepare('DELETE FROM used_pow WHERE expires_at < ?').bind(Math.floor(Date.now() / 1000)).run();
  await purgeStaleSignIns(env.DB, now);
  const purged = await purgeExpired(env.DB, now, retentionFrom(env));
  // The objects of purged cases (and of uploads that died halfway) leave the bucket.
  await emptyTrash(env, now);
  return purged;
}

/** Ended sessions, old sign-in failures and old hourly counts are not kept: they say who worked when. */
export async function purgeStaleSignIns(db: D1Database, now: Date): Promise<void> {
  const seconds = Math.floor(now.getTime() / 1000);
  await db.batch([
    db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?').bind(seconds - SESSION_IDLE_SECONDS, seconds - SESSION_ABSOLUTE_SECONDS),
    db.prepare('DELETE FROM signin_failures WHERE last_failure_at < ? AND locked_until < ?').bind(seconds - FORGET_AFTER_SECONDS, seconds),
    db.prepare('DELETE FROM team_activity WHERE hour < ?').bind(new Date(now.getTime() - TEAM_ACTIVITY_KEEP_DAYS * 86_400_000).toISOString().slice(0, 13)),
  ]);
}
