// One staff member's reach into one case: loads it under the roles and the resident's
// consent (policy.ts), and writes an audit row in the same batch as the change.
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { apiError } from './errors';
import { createStorage, type CaseGrantRow, type CaseRow } from './storage';
import { caseAccess, readsContent, type CaseAccess } from './policy';
import { runAudited, type AuditAction, type SignedFacts } from './audit';

const caseIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Loaded {
  row: CaseRow;
  access: Exclude<CaseAccess, 'none'>;
  grants: CaseGrantRow[];
  ownGrant: CaseGrantRow | undefined;
}

/**
 * Loads a case the signed-in member may reach. Other teams' cases are "not found", not
 * "forbidden". Unless only the list line is needed (deleting), the member must be
 * allowed its content under the resident's consent.
 */
export async function loadCase(c: Context<AppEnv>, need: 'content' | 'listed' = 'content'): Promise<Loaded> {
  const id = c.req.param('id') ?? '';
  if (!caseIdPattern.test(id)) throw apiError(404, 'not_found', 'No such case');
  const storage = createStorage(c.env.DB);
  const row = await storage.findCase(id);
  const staff = c.var.staff;
  if (!row || row.team_id !== staff.team_id) throw apiError(404, 'not_found', 'No such case');
  const grants = await storage.grants(id);
  const ownGrant = grants.find((g) => g.staff_id === staff.id);
  const access = caseAccess(staff, row, ownGrant !== undefined);
  if (access === 'none') throw apiError(403, 'forbidden', 'This case has not been assigned to you');
  if (need === 'content' && !readsContent(access)) {
    throw apiError(403, 'consent_handler_only', 'The resident chose that only intake and the assigned handler read this case');
  }
  return { row, access, grants, ownGrant };
}

export function audit(c: Context<AppEnv>, action: AuditAction, caseId: string, statements: D1PreparedStatement[] = [], subjectId?: string, signed?: SignedFacts) {
  const s = c.var.staff;
  return runAudited(c.env.DB, { staffId: s.id, role: s.role, teamId: s.team_id, action, caseId, subjectId: subjectId ?? null, signed }, c.var.now(), statements);
}
