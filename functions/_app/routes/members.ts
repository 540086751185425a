// Team members: invites, approval (with the team key sealed in the lead's browser),
// revocation, and the list staff need to assign cases.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { createStorage, type StaffRow } from '../storage';
import { can } from '../policy';
import { runAudited, type AuditAction } from '../audit';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { randomToken, sha256Base64 } from '../bytes';
import { ApprovalRequest, InviteRequest } from '../../../src/lib/schemas/memberRequests';

export const INVITE_LIFETIME_SECONDS = 72 * 60 * 60;
const ROLES_WITH_TEAM_KEY = new Set(['intake', 'teamlead']);

function memberJson(m: StaffRow) {
  return { id: m.id, username: m.username, displayName: m.display_name, role: m.role, status: m.status, boxPublicKey: m.box_public_key };
}

function requireLead(c: Context<AppEnv>) {
  if (!can(c.var.staff, 'managesMembers') || !c.var.staff.team_id) throw apiError(403, 'forbidden', 'Only the team lead manages members');
  return c.var.staff.team_id;
}

async function loadTeamMember(c: Context<AppEnv>, teamId: string): Promise<StaffRow> {
  const member = await createStorage(c.env.DB).findStaffById(c.req.param('id') ?? '');
  if (!member || member.team_id !== teamId) throw apiError(404, 'not_found', 'No such member in your team');
  return member;
}

function audit(c: Context<AppEnv>, action: AuditAction, subjectId: string | null, statements: D1PreparedStatement[] = []) {
  const s = c.var.staff;
  return runAudited(c.env.DB, { staffId: s.id, role: s.role, teamId: s.team_id, action, subjectId }, c.var.now(), statements);
}

export const members = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    const staff = c.var.staff;
    if (!staff.team_id || !(can(staff, 'assigns') || can(staff, 'managesMembers'))) throw apiError(403, 'forbidden', 'Your role does not see the member list');
    const list = await createStorage(c.env.DB).teamMembers(staff.team_id);
    // Only the lead sees pending and revoked members.
    return c.json({ members: list.filter((m) => can(staff, 'managesMembers') || m.status === 'active').map(memberJson) });
  })
  .post('/invites', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const { role } = await readJson(c, InviteRequest);
    const token = randomToken();
    const expiresAt = Math.floor(c.var.now().getTime() / 1000) + INVITE_LIFETIME_SECONDS;
    await audit(c, 'member.invite', null, [
      c.env.DB.prepare('INSERT INTO invites (token_hash, team_id, role, created_by, expires_at) VALUES (?, ?, ?, ?, ?)').bind(
        await sha256Base64(token), teamId, role, c.var.staff.id, expiresAt,
      ),
    ]);
    // The token goes in the link's fragment, so it never reaches a server log.
    return c.json({ token, role, expiresAt: new Date(expiresAt * 1000).toISOString(), path: `/medewerker/activeren/#${token}` }, 201);
  })
  .post('/:id/approve', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const member = await loadTeamMember(c, teamId);
    const { sealedTeamKey } = await readJson(c, ApprovalRequest);
    if (member.status !== 'pending') throw apiError(409, 'not_pending', 'This member is not waiting for approval');
    const needsKey = ROLES_WITH_TEAM_KEY.has(member.role);
    if (needsKey && !sealedTeamKey) throw apiError(400, 'invalid_body', 'sealedTeamKey: intake and team lead members need the team key');
    if (!needsKey && sealedTeamKey) throw apiError(400, 'invalid_body', 'sealedTeamKey: case managers do not get the team key');
    const statements = [c.env.DB.prepare("UPDATE staff SET status = 'active' WHERE id = ? AND status = 'pending'").bind(member.id)];
    if (sealedTeamKey) {
      statements.push(
        c.env.DB.prepare('INSERT OR REPLACE INTO team_key_grants (staff_id, team_id, sealed_secret_key) VALUES (?, ?, ?)').bind(member.id, teamId, sealedTeamKey),
      );
    }
    await audit(c, 'member.approve', member.id, statements);
    return c.json({ member: memberJson({ ...member, status: 'active' }) });
  })
  .post('/:id/revoke', async (c) => {
    const teamId = requireLead(c);
    const member = await loadTeamMember(c, teamId);
    if (member.id === c.var.staff.id) throw apiError(400, 'invalid_request', 'You cannot revoke yourself');
    await audit(c, 'member.revoke', member.id, [
      c.env.DB.prepare("UPDATE staff SET status = 'revoked' WHERE id = ?").bind(member.id),
      c.env.DB.prepare('DELETE FROM sessions WHERE staff_id = ?').bind(member.id),
      c.env.DB.prepare('DELETE FROM team_key_grants WHERE staff_id = ?').bind(member.id),
      c.env.DB.prepare('DELETE FROM case_grants WHERE staff_id = ?').bind(member.id),
    ]);
    return c.json({ member: memberJson({ ...member, status: 'revoked' }) });
  });
