// Bursts for the team lead: the team's anonymous questions and bookings per clock hour
// over the last two days (counts only), beside the budget, so a flood is noticed.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { requireStaff } from '../session';
import { hourOf } from '../teamBudget';
import { budgetFor } from '../../../src/lib/config/teamBudgets';

export const activity = new Hono<AppEnv>().use(requireStaff).get('/', async (c) => {
  const staff = c.var.staff;
  if (staff.role !== 'teamlead' || !staff.team_id) throw apiError(403, 'forbidden', 'Only the team lead sees the bursts');
  const since = hourOf(new Date(c.var.now().getTime() - 48 * 3_600_000));
  const { results } = await c.env.DB.prepare('SELECT hour, kind, n FROM team_activity WHERE team_id = ? AND hour > ? ORDER BY hour DESC')
    .bind(staff.team_id, since)
    .all<{ hour: string; kind: 'case' | 'booking'; n: number }>();
  const hours = new Map<string, { hour: string; case: number; booking: number }>();
  for (const r of results) {
    const row = hours.get(r.hour) ?? { hour: r.hour, case: 0, booking: 0 };
    row[r.kind] = r.n;
    hours.set(r.hour, row);
  }
  return c.json({ hours: [...hours.values()], budgets: { case: budgetFor(staff.team_id, 'case'), booking: budgetFor(staff.team_id, 'booking') } });
});
