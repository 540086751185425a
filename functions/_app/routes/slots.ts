// Residents: the free slots of a team for a type of appointment, a week at a time.
// Only times; nothing about who booked the others.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { FreeSlotQuery } from '../../../src/lib/schemas/slotRequests';
import { addDays, fromLocal } from '../../../src/lib/time/amsterdam';
import { createSlotStorage, slotJson } from '../slotStorage';

export const slots = new Hono<AppEnv>().get('/', async (c) => {
  const parsed = v.safeParse(FreeSlotQuery, c.req.query());
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw apiError(400, 'invalid_query', `${v.getDotPath(issue) ?? 'query'}: ${issue.message}`);
  }
  const { team, type, from, days } = parsed.output;
  const start = fromLocal(from, '00:00');
  const end = fromLocal(addDays(from, days), '00:00');
  if (!start || !end) throw apiError(400, 'invalid_query', 'from: not a valid date');
  const storage = createSlotStorage(c.env.DB);
  const nowIso = c.var.now().toISOString();
  const free = await storage.listFree(team, type, start.toISOString(), end.toISOString(), nowIso);
  // "No free times this week": tell the first day that has one.
  const next = free.length ? null : await storage.nextFree(team, type, end.toISOString() > nowIso ? end.toISOString() : nowIso);
  return c.json({ slots: free.map(slotJson), nextFree: next ? slotJson(next) : null });
});
