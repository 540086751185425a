// Staff: the agenda (every slot with the case that booked it; the browser decrypts
// the details) and, for team leads, the availability editor.
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { can, caseAccess, readsContent } from '../policy';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { createSlotStorage, slotJson } from '../slotStorage';
import { AgendaQuery, SingleSlotRequest, SlotPatternRequest } from '../../../src/lib/schemas/slotRequests';
import { expandWeeklyPattern } from '../../../src/lib/appointments/weeklyPattern';
import { addDays, fromLocal } from '../../../src/lib/time/amsterdam';
import { appointmentsFor, findLocation } from '../../../src/lib/config/appointments';

const MAX_SLOTS_PER_REQUEST = 500;

function requireLead(c: Context<AppEnv>): string {
  const staff = c.var.staff;
  if (!staff.team_id || !can(staff, 'managesMembers')) throw apiError(403, 'forbidden', 'Only the team lead manages appointment times');
  return staff.team_id;
}

/** Back-entrance visits need one of the team's locations; video and phone need none. */
function checkPlace(teamId: string, type: string, locationId: string | undefined): string {
  if (!appointmentsFor(teamId)?.types.includes(type as never)) throw apiError(400, 'invalid_body', 'type: this team does not offer it');
  if (type !== 'achterom') {
    if (locationId) throw apiError(400, 'invalid_body', 'locationId: only back-entrance visits have a location');
    return '';
  }
  const location = locationId ? findLocation(locationId) : undefined;
  if (!location || location.teamId !== teamId) throw apiError(400, 'invalid_body', 'locationId: choose one of your team’s locations');
  return location.id;
}

async function loadTeamSlot(c: Context<AppEnv>, teamId: string) {
  const slot = await createSlotStorage(c.env.DB).find(c.req.param('id') ?? '');
  if (!slot || slot.team_id !== teamId) throw apiError(404, 'not_found', 'No such slot in your team');
  return slot;
}

export const staffSlots = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    const staff = c.var.staff;
    if (!staff.team_id || staff.role === 'privacy') throw apiError(403, 'forbidden', 'Your role has no agenda');
    const parsed = v.safeParse(AgendaQuery, c.req.query());
    if (!parsed.success) throw apiError(400, 'invalid_query', `${v.getDotPath(parsed.issues[0]) ?? 'query'}: ${parsed.issues[0].message}`);
    const start = fromLocal(parsed.output.from, '00:00');
    const end = fromLocal(addDays(parsed.output.from, parsed.output.days), '00:00');
    if (!start || !end) throw apiError(400, 'invalid_query', 'from: not a valid date');
    const rows = await createSlotStorage(c.env.DB).agenda(staff.team_id, start.toISOString(), end.toISOString(), staff.id);
    // A booking shows its case to whoever may list it (a case manager: only their own;
    // the rest as "taken"), and says whether the member may open it under its consent.
    return c.json({
      slots: rows.map((s) => {
        const access = s.case_id && s.consent ? caseAccess(staff, { team_id: s.team_id, consent: s.consent }, s.mine === 1) : 'none';
        return { ...slotJson(s), caseId: access === 'none' ? null : s.case_id, mayOpen: readsContent(access) };
      }),
    });
  })
  .post('/pattern', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const body = await readJson(c, SlotPatternRequest);
    const locationId = checkPlace(teamId, body.type, body.locationId);
    if (body.endTime <= body.startTime) throw apiError(400, 'invalid_body', 'endTime: must be after startTime');
    const starts = expandWeeklyPattern(body);
    if (starts.length > MAX_SLOTS_PER_REQUEST) throw apiError(400, 'invalid_body', `This pattern makes ${starts.length} slots; at most ${MAX_SLOTS_PER_REQUEST} at once`);
    const slotsDb = createSlotStorage(c.env.DB);
    const results = starts.length
      ? await c.env.DB.batch(starts.map((s) => slotsDb.insertStatement({ teamId, type: body.type, locationId, startsAt: s.startsAt, durationMinutes: body.durationMinutes })))
      : [];
    const created = results.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
    return c.json({ created, skipped: starts.length - created }, 201);
  })
  .post('/', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const body = await readJson(c, SingleSlotRequest);
    const locationId = checkPlace(teamId, body.type, body.locationId);
    const startsAt = fromLocal(body.date, body.time);
    if (!startsAt) throw apiError(400, 'invalid_body', 'time: this local time does not exist on that day');
    const result = await createSlotStorage(c.env.DB)
      .insertStatement({ teamId, type: body.type, locationId, startsAt: startsAt.toISOString(), durationMinutes: body.durationMinutes })
      .run();
    if (!result.meta.changes) throw apiError(409, 'slot_exists', 'There is already a slot at this time');
    return c.json({ created: 1 }, 201);
  })
  .post('/:id/block', async (c) => {
    const slot = await loadTeamSlot(c, requireLead(c));
    const result = await c.env.DB.prepare("UPDATE slots SET status = 'blocked' WHERE id = ? AND status = 'free'").bind(slot.id).run();
    if (!result.meta.changes) throw apiError(409, 'slot_not_free', 'Only a free slot can be blocked');
    return c.json({ status: 'blocked' });
  })
  .post('/:id/unblock', async (c) => {
    const slot = await loadTeamSlot(c, requireLead(c));
    const result = await c.env.DB.prepare("UPDATE slots SET status = 'free' WHERE id = ? AND status = 'blocked'").bind(slot.id).run();
    if (!result.meta.changes) throw apiError(409, 'slot_not_blocked', 'This slot is not blocked');
    return c.json({ status: 'free' });
  })
  .delete('/:id', async (c) => {
    const slot = await loadTeamSlot(c, requireLead(c));
    const result = await c.env.DB.prepare("DELETE FROM slots WHERE id = ? AND status IN ('free', 'blocked')").bind(slot.id).run();
    if (!result.meta.changes) throw apiError(409, 'slot_booked', 'A booked slot cannot be deleted; the resident must cancel or move it');
    return c.body(null, 204);
  });
