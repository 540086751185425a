// The audit log for the privacy officer (all teams) and team leads (own team). The
// API gives rows and certificates; the browser recomputes the chain and checks every
// signature itself, so a server that rewrites history cannot also say "intact".
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { requireStaff } from '../session';
import { can } from '../policy';
import { auditRecord, runAudited, type AuditRow } from '../audit';
import { readJson } from '../validate';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { checkSignedAction } from '../signedAction';
import { CheckpointRequest } from '../../../src/lib/schemas/memberRequests';
import { AuditExportRequest } from '../../../src/lib/schemas/auditExportRequest';
import { actionDetail } from '../../../src/lib/audit/auditRecord';

export const AUDIT_PAGE_LIMIT = 1000;

const Page = v.object({
  after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/, 'after must be a row number')), '0'),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'limit must be a number')), String(AUDIT_PAGE_LIMIT)),
});

export const auditLog = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    const staff = c.var.staff;
    if (!can(staff, 'readsAudit')) throw apiError(403, 'forbidden', 'Your role cannot read the audit log');
    const page = v.safeParse(Page, c.req.query());
    if (!page.success) throw apiError(400, 'invalid_query', page.issues[0]?.message ?? 'invalid query');
    const after = Number(page.output.after);
    const limit = Math.min(Math.max(Number(page.output.limit), 1), AUDIT_PAGE_LIMIT);
    const db = c.env.DB;
    const { results } = await db.prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?').bind(after, limit).all<AuditRow>();
    const head = await db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').first<{ id: number; hash: string }>();
    // A team lead sees the rows of their own team in full and only the links of the
    // others, enough to follow the chain without learning other teams' work.
    const own = (r: AuditRow) => staff.role === 'privacy' || r.team_id === staff.team_id;
    const rows = results.map((r) => (own(r) ? auditRecord(r) : { id: r.id, redacted: true as const, prevHash: r.prev_hash, hash: r.hash }));
    const certQuery =
      staff.role === 'privacy'
        ? db.prepare('SELECT id, display_name, role, team_id, certificate, certificate_signature FROM staff')
        : db.prepare('SELECT id, display_name, role, team_id, certificate, certificate_signature FROM staff WHERE team_id = ?').bind(staff.team_id);
    const { results: staffRows } = await certQuery.all<{ id: string; display_name: string; role: string; team_id: string | null; certificate: string | null; certificate_signature: string | null }>();
    return c.json({
      rows,
      head: head ?? null,
      members: staffRows.map((m) => ({ id: m.id, displayName: m.display_name, role: m.role, teamId: m.team_id, certificate: m.certificate, certificateSignature: m.certificate_signature })),
    });
  })
  // An export of the log is itself an event in the log, signed by whoever made it.
  .post('/exports', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const staff = c.var.staff;
    if (!can(staff, 'readsAudit')) throw apiError(403, 'forbidden', 'Your role cannot read the audit log');
    const body = await readJson(c, AuditExportRequest);
    const signed = await checkSignedAction(c, { action: 'audit.export', detail: actionDetail.export(body.rows, body.filter) }, body.signed);
    await runAudited(c.env.DB, { staffId: staff.id, role: staff.role, teamId: staff.team_id, action: 'audit.export', signed }, c.var.now());
    return c.body(null, 204);
  })
  .post('/checkpoints', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const staff = c.var.staff;
    if (staff.role !== 'teamlead') throw apiError(403, 'forbidden', 'Only team leads sign checkpoints');
    const body = await readJson(c, CheckpointRequest);
    const row = await c.env.DB.prepare('SELECT hash FROM audit_log WHERE id = ?').bind(body.headId).first<{ hash: string }>();
    if (!row || row.hash !== body.headHash) throw apiError(409, 'head_moved', 'That row is not in the log as given; reload and sign again');
    const signed = await checkSignedAction(c, { action: 'audit.checkpoint', subjectId: String(body.headId), detail: actionDetail.checkpoint(body.headId, body.headHash) }, body.signed);
    await runAudited(c.env.DB, { staffId: staff.id, role: staff.role, teamId: staff.team_id, action: 'audit.checkpoint', subjectId: String(body.headId), signed }, c.var.now());
    return c.body(null, 204);
  });
