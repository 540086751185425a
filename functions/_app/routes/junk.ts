// Junk in bulk: a team lead removes chosen cases, or every case of one day that nobody
// opened (what an anonymous flood leaves), in one audited batch that also frees their
// slots. Removing needs no content, so it works under "only the handler" too.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { runAudited } from '../audit';
import { emptyTrashAfterDelete } from '../objectStore';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { checkSignedAction } from '../signedAction';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { JunkCountQuery, JunkRequest, type JunkSelection } from '../../../src/lib/schemas/junkRequest';

/** The selected cases of one team, as SQL over `cases` with its bound values. */
function selected(teamId: string, selection: JunkSelection): { sql: string; binds: unknown[] } {
  if (selection.kind === 'unopened') return { sql: 'SELECT id FROM cases WHERE team_id = ? AND opened = 0 AND created_day = ?', binds: [teamId, selection.day] };
  return { sql: `SELECT id FROM cases WHERE team_id = ? AND id IN (${selection.ids.map(() => '?').join(', ')})`, binds: [teamId, ...selection.ids] };
}

export const junk = new Hono<AppEnv>()
  .use(requireStaff)
  .use(async (c, next) => {
    if (c.var.staff.role !== 'teamlead' || !c.var.staff.team_id) throw apiError(403, 'forbidden', 'Only the team lead removes junk');
    await next();
  })
  // How many cases of a day nobody has opened, and how many slots they hold: what a removal would take.
  .get('/', async (c) => {
    const parsed = v.safeParse(JunkCountQuery, c.req.query());
    if (!parsed.success) throw apiError(400, 'invalid_query', parsed.issues[0].message);
    const { sql, binds } = selected(c.var.staff.team_id!, { kind: 'unopened', day: parsed.output.day });
    const row = await c.env.DB.prepare(`SELECT (SELECT COUNT(*) FROM (${sql})) AS cases, (SELECT COUNT(*) FROM slots WHERE case_id IN (${sql})) AS slots`)
      .bind(...binds, ...binds)
      .first<{ cases: number; slots: number }>();
    return c.json({ day: parsed.output.day, unopened: row?.cases ?? 0, slots: row?.slots ?? 0 });
  })
  .post('/', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const { selection, signed } = await readJson(c, JunkRequest);
    const staff = c.var.staff;
    const facts = await checkSignedAction(c, { action: 'case.junk', detail: await actionDetail.junk(selection) }, signed);
    const db = c.env.DB;
    const { sql, binds } = selected(staff.team_id!, selection);
    // Counted first for the answer; the batch below removes exactly the same rows.
    const counted = await db.prepare(`SELECT (SELECT COUNT(*) FROM (${sql})) AS cases, (SELECT COUNT(*) FROM slots WHERE case_id IN (${sql}) AND starts_at > ?) AS slots`)
      .bind(...binds, ...binds, c.var.now().toISOString())
      .first<{ cases: number; slots: number }>();
    // The selection is recorded as a temporary list first, so every statement works on the same cases.
    const statements = [
      db.prepare('DELETE FROM junk_selection'),
      db.prepare(`INSERT INTO junk_selection (case_id) ${sql}`).bind(...binds),
      db.prepare("UPDATE slots SET status = 'free', case_id = NULL, idempotency_hash = NULL WHERE case_id IN (SELECT case_id FROM junk_selection)"),
      ...['messages', 'case_grants', 'notes', 'case_views', 'attachments'].map((table) => db.prepare(`DELETE FROM ${table} WHERE case_id IN (SELECT case_id FROM junk_selection)`)),
      db.prepare('DELETE FROM cases WHERE id IN (SELECT case_id FROM junk_selection)'),
      db.prepare('DELETE FROM junk_selection'),
    ];
    await runAudited(db, { staffId: staff.id, role: staff.role, teamId: staff.team_id, action: 'case.junk', signed: facts }, c.var.now(), statements);
    // Their attachments' objects went to the trash with the rows (trigger); now out of the bucket.
    await emptyTrashAfterDelete(c.env, c.var.now());
    return c.json({ removed: counted?.cases ?? 0, freedSlots: counted?.slots ?? 0 });
  });
