// Staff: the team's cases as ciphertext; the staff browser decrypts them.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { requireStaff } from '../session';
import { createStorage } from '../storage';

/** Roles that hold the team key and so may see every new case of their own team. */
const OPENS_NEW_CASES = new Set(['intake', 'teamlead']);

export const inbox = new Hono<AppEnv>().use(requireStaff).get('/', async (c) => {
  const staff = c.var.staff;
  if (!staff.team_id || !OPENS_NEW_CASES.has(staff.role)) {
    throw apiError(403, 'forbidden', 'Your role cannot open the team inbox');
  }
  const rows = await createStorage(c.env.DB).listTeamCases(staff.team_id);
  return c.json({
    cases: rows.map((r) => ({
      id: r.id,
      teamId: r.team_id,
      kind: r.kind,
      consent: r.consent,
      protocol: r.protocol,
      nonce: r.nonce,
      ciphertext: r.ciphertext,
      sealedKey: r.sealed_key,
      status: r.status,
      createdDay: r.created_day,
    })),
  });
});
