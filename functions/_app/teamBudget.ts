// The velocity budget of a team (src/lib/config/teamBudgets.ts), counted in
// team_activity per clock hour: "open" (normal proof of work), "busy" (a costlier one)
// or "closed" (the portal says "bel ons" with the team's phone number).
import type { Context } from 'hono';
import type { AppEnv, Bindings } from './env';
import { apiError } from './errors';
import { budgetFor, MAX_BOOKED_SHARE, type BudgetKind } from '../../src/lib/config/teamBudgets';

export type BudgetState = 'open' | 'busy' | 'closed';

export const hourOf = (date: Date) => date.toISOString().slice(0, 13);

/**
 * Counts one more request for the team, in the batch that stores it. For a booking it
 * counts only when the slot is now that case's (a lost race counts nothing).
 */
export function countStatement(db: D1Database, teamId: string, kind: BudgetKind, now: Date, booked?: { slotId: string; caseId: string }) {
  const upsert = 'ON CONFLICT (team_id, kind, hour) DO UPDATE SET n = n + 1';
  if (!booked) return db.prepare(`INSERT INTO team_activity (team_id, kind, hour, n) VALUES (?, ?, ?, 1) ${upsert}`).bind(teamId, kind, hourOf(now));
  return db
    .prepare(`INSERT INTO team_activity (team_id, kind, hour, n) SELECT ?, ?, ?, 1 WHERE EXISTS (SELECT 1 FROM slots WHERE id = ? AND case_id = ?) ${upsert}`)
    .bind(teamId, kind, hourOf(now), booked.slotId, booked.caseId);
}

/**
 * Lets an anonymous question or booking through the team's budget, or refuses it:
 * closed → 503 with the advice to call; busy → 428 unless the proof of work was the
 * costlier one made for this team.
 */
export async function admitAnonymous(c: Context<AppEnv>, teamId: string, kind: BudgetKind): Promise<void> {
  const state = await budgetState(c.env, teamId, kind, c.var.now());
  if (state === 'closed') {
    const error = apiError(503, 'team_busy', 'This team takes no more online requests for now; please call the team, or try again in an hour');
    error.res?.headers.set('Retry-After', '3600');
    throw error;
  }
  const pow = c.var.pow;
  if (state === 'busy' && pow && (pow.level < 1 || pow.team !== teamId)) {
    throw apiError(428, 'pow_more', 'This team is busy: solve a new proof of work for it (GET /api/pow with &team=)');
  }
}

/** Test servers raise every budget (TEAM_BUDGET_SCALE), as they run many flows for one team. */
function scale(env: Bindings): number {
  return Math.max(1, Number(env.TEAM_BUDGET_SCALE) || 1);
}

export async function budgetState(env: Bindings, teamId: string, kind: BudgetKind, now: Date): Promise<BudgetState> {
  const db = env.DB;
  const budget = budgetFor(teamId, kind);
  const k = scale(env);
  const hourAgo = hourOf(new Date(now.getTime() - 3_600_000));
  const dayAgo = hourOf(new Date(now.getTime() - 86_400_000));
  const weekAhead = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  // The last hour is the current clock hour plus the part of the previous one still inside it.
  const into = now.getUTCMinutes() / 60;
  const row = await db
    .prepare(
      `SELECT
         COALESCE(SUM(CASE WHEN hour = ?1 THEN n END), 0) AS current,
         COALESCE(SUM(CASE WHEN hour = ?2 THEN n END), 0) AS previous,
         COALESCE(SUM(CASE WHEN hour > ?3 THEN n END), 0) AS day,
         (SELECT COUNT(*) FROM slots WHERE team_id = ?4 AND starts_at > ?5 AND starts_at <= ?6 AND status <> 'blocked') AS week_slots
       FROM team_activity WHERE team_id = ?4 AND kind = ?7 AND hour > ?3`,
    )
    .bind(hourOf(now), hourAgo, dayAgo, teamId, now.toISOString(), weekAhead, kind)
    .first<{ current: number; previous: number; day: number; week_slots: number }>();
  const lastHour = (row?.current ?? 0) + (row?.previous ?? 0) * (1 - into);
  let perDay = budget.perDay * k;
  // A team with times this week never gives away more than a quarter of them in a day.
  const weekSlots = row?.week_slots ?? 0;
  if (kind === 'booking' && weekSlots > 0) perDay = Math.min(perDay, Math.floor(weekSlots * MAX_BOOKED_SHARE * k));
  if ((row?.day ?? 0) >= perDay || lastHour >= budget.closeAtPerHour * k) return 'closed';
  return lastHour >= budget.perHour * k ? 'busy' : 'open';
}
