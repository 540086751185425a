// A fresh proof-of-work challenge for one purpose (and, for a new question or booking,
// the team it is for: a busy team's challenge asks more work).
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { powPurpose } from '../../../src/lib/pow/powPurpose';
import { newChallenge } from '../pow';
import { budgetState } from '../teamBudget';
import { teamIds } from '../../../src/lib/config/teams';

const PowQuery = v.strictObject(
  { purpose: powPurpose, team: v.optional(v.picklist(teamIds, 'team is not a known team')) },
  'query must be ?purpose=case|booking|lookup|change and optionally &team=',
);

export const pow = new Hono<AppEnv>().get('/', async (c) => {
  const parsed = v.safeParse(PowQuery, c.req.query());
  if (!parsed.success) throw apiError(400, 'invalid_query', parsed.issues[0].message);
  const { purpose, team } = parsed.output;
  // For a new question or booking the page names the team: a busy team gets a costlier challenge.
  const kind = purpose === 'case' ? 'case' : purpose === 'booking' ? 'booking' : null;
  // (A closed team refuses the request itself; more work would only make the resident wait for that.)
  const busy = team && kind ? (await budgetState(c.env, team, kind, c.var.now())) === 'busy' : false;
  return c.json(await newChallenge(c.env, purpose, new Date(), busy && team ? { team } : null));
});
