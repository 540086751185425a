// The audit log for the privacy officer (all teams) and team leads (own team), with
// a check of the whole hash chain.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { requireStaff } from '../session';
import { can } from '../policy';
import { verifyAuditChain, type AuditRow } from '../audit';

export const auditLog = new Hono<AppEnv>().use(requireStaff).get('/', async (c) => {
  const staff = c.var.staff;
  if (!can(staff, 'readsAudit')) throw apiError(403, 'forbidden', 'Your role cannot read the audit log');
  const db = c.env.DB;
  const query =
    staff.role === 'privacy'
      ? db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1000')
      : db.prepare('SELECT * FROM audit_log WHERE team_id = ? ORDER BY id DESC LIMIT 1000').bind(staff.team_id);
  const [{ results }, chain] = await Promise.all([query.all<AuditRow>(), verifyAuditChain(db)]);
  return c.json({
    chain,
    rows: results.map((r) => ({
      id: r.id, day: r.day, staffId: r.staff_id, role: r.role, teamId: r.team_id, action: r.action, caseId: r.case_id, subjectId: r.subject_id, hash: r.hash,
    })),
  });
});
