// How many anonymous questions and bookings a team takes before the portal degrades
// (a costlier proof of work), and when it stops taking them online ("bel ons"). Set
// from the expected volume: a WOT team gets a few online requests a day, so these are
// several times that. A team may have its own numbers.
import { configTeams } from './municipality';

export interface Budget {
  /** Per hour at normal cost; beyond this the proof of work costs ELEVATED_POW_FACTOR times more. */
  perHour: number;
  /** Per hour at most, then "bel ons" until the hour has passed. */
  closeAtPerHour: number;
  /** Per 24 hours at most. For bookings also never more than a quarter of the team's next seven days of times. */
  perDay: number;
}

export type BudgetKind = 'case' | 'booking';

export const DEFAULT_BUDGETS: Record<BudgetKind, Budget> = {
  case: { perHour: 20, closeAtPerHour: 40, perDay: 120 },
  booking: { perHour: 6, closeAtPerHour: 12, perDay: 24 },
};

/** Team ids with numbers of their own (`budgets` of a team in achterom.config.json; none in the Schiedam example). */
export const TEAM_BUDGETS: Record<string, { [K in BudgetKind]?: Budget | undefined }> = Object.fromEntries(
  configTeams.flatMap((team) => (team.budgets ? [[team.id, team.budgets]] : [])),
);

/** The most of a team's times in the next seven days that anonymous bookings of one day may hold. */
export const MAX_BOOKED_SHARE = 0.25;

/** How much more work the proof of work asks while a team is busy. */
export const ELEVATED_POW_FACTOR = 8;

export function budgetFor(teamId: string, kind: BudgetKind): Budget {
  return TEAM_BUDGETS[teamId]?.[kind] ?? DEFAULT_BUDGETS[kind];
}
