// Team members: invites, approval (with the team key sealed in the lead's browser),
// revocation, and the list staff need to assign cases.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { createStorage, type StaffRow } from '../storage';
import { can } from '../policy';
import { runAudited, type AuditAction, type SignedFacts } from '../audit';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { randomToken, sha256Base64 } from '../bytes';
import { ApprovalRequest, CertifyRequest, InviteRequest, type TeamKeyGrant } from '../../../src/lib/schemas/memberRequests';
import { SignedOnly } from '../../../src/lib/schemas/staffCaseRequests';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { teamKeyGrantStatement } from '../../../src/lib/crypto/signedStatement';
import { checkSignedAction, requireSignature } from '../signedAction';
import { requireCertificateFor } from '../certificates';
import { dayOf } from '../storage';
import { knownTeamKeyIds } from './teamKeys';

export const INVITE_LIFETIME_SECONDS = 72 * 60 * 60;
const ROLES_WITH_TEAM_KEY = new Set(['intake', 'teamlead']);

/** The certificate comes along: consoles check it before they seal anything to the member. */
export function memberJson(m: StaffRow) {
  return {
    id: m.id, username: m.username, displayName: m.display_name, role: m.role, status: m.status, teamId: m.team_id,
    boxPublicKey: m.box_public_key, signPublicKey: m.sign_public_key, certificate: m.certificate, certificateSignature: m.certificate_signature,
  };
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

function audit(c: Context<AppEnv>, action: AuditAction, subjectId: string | null, statements: D1PreparedStatement[], signed: SignedFacts) {
  const s = c.var.staff;
  return runAudited(c.env.DB, { staffId: s.id, role: s.role, teamId: s.team_id, action, subjectId, signed }, c.var.now(), statements);
}

/**
 * Checks the team secrets sealed to a new member: box keys only for roles that read new
 * cases, the signing key only for team leads, each signed by the approving lead.
 */
async function teamKeyGrantStatements(c: Context<AppEnv>, member: StaffRow, teamId: string, grants: TeamKeyGrant[]) {
  const box = grants.filter((g) => g.kind === 'box');
  const sign = grants.filter((g) => g.kind === 'sign');
  const known = await knownTeamKeyIds(c.env.DB, teamId);
  if (ROLES_WITH_TEAM_KEY.has(member.role) ? box.length === 0 : box.length > 0) {
    throw apiError(400, 'invalid_body', 'teamKeyGrants: intake and team lead members need the team key, case managers do not get it');
  }
  if ((member.role === 'teamlead') !== (sign.length === 1) || sign.length > 1) {
    throw apiError(400, 'invalid_body', 'teamKeyGrants: only a team lead gets the team signing key, exactly once');
  }
  const statements: D1PreparedStatement[] = [];
  for (const g of grants) {
    if (g.kind === 'box' && !known.has(g.keyId)) throw apiError(400, 'invalid_body', `teamKeyGrants: key ${g.keyId} is not a key of this team`);
    const facts = { teamId, kind: g.kind, keyId: g.keyId, recipientId: member.id, recipientBoxPublicKey: member.box_public_key, sealedSecretKey: g.sealedSecretKey, granterId: c.var.staff.id };
    await requireSignature(c, teamKeyGrantStatement(facts), g.signature);
    statements.push(
      c.env.DB.prepare(
        'INSERT OR REPLACE INTO team_key_grants (staff_id, team_id, kind, key_id, sealed_secret_key, granted_by, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).bind(member.id, teamId, g.kind, g.keyId, g.sealedSecretKey, c.var.staff.id, g.signature),
    );
  }
  return statements;
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
    const { role, signed } = await readJson(c, InviteRequest);
    const facts = await checkSignedAction(c, { action: 'member.invite', detail: actionDetail.invite(role) }, signed);
    const token = randomToken();
    const expiresAt = Math.floor(c.var.now().getTime() / 1000) + INVITE_LIFETIME_SECONDS;
    await audit(c, 'member.invite', null, [
      c.env.DB.prepare('INSERT INTO invites (token_hash, team_id, role, created_by, expires_at) VALUES (?, ?, ?, ?, ?)').bind(
        await sha256Base64(token), teamId, role, c.var.staff.id, expiresAt,
      ),
    ], facts);
    // The token goes in the link's fragment, so it never reaches a server log.
    return c.json({ token, role, expiresAt: new Date(expiresAt * 1000).toISOString(), path: `/medewerker/activeren/#${token}` }, 201);
  })
  .post('/:id/approve', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const member = await loadTeamMember(c, teamId);
    const body = await readJson(c, ApprovalRequest);
    if (member.status !== 'pending') throw apiError(409, 'not_pending', 'This member is not waiting for approval');
    await requireCertificateFor(member, body.certificate, body.certificateSignature, dayOf(c.var.now()));
    const grants = await teamKeyGrantStatements(c, member, teamId, body.teamKeyGrants);
    const facts = await checkSignedAction(c, { action: 'member.approve', subjectId: member.id, detail: await actionDetail.certificate(body.certificate) }, body.signed);
    await audit(c, 'member.approve', member.id, [
      c.env.DB.prepare("UPDATE staff SET status = 'active', certificate = ?, certificate_signature = ? WHERE id = ? AND status = 'pending'").bind(
        body.certificate, body.certificateSignature, member.id,
      ),
      ...grants,
    ], facts);
    return c.json({ member: memberJson({ ...member, status: 'active', certificate: body.certificate, certificate_signature: body.certificateSignature }) });
  })
  .post('/:id/certify', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const member = await loadTeamMember(c, teamId);
    const body = await readJson(c, CertifyRequest);
    if (member.status !== 'active') throw apiError(409, 'not_active', 'Only active members get a new certificate');
    await requireCertificateFor(member, body.certificate, body.certificateSignature, dayOf(c.var.now()));
    const facts = await checkSignedAction(c, { action: 'member.certify', subjectId: member.id, detail: await actionDetail.certificate(body.certificate) }, body.signed);
    await audit(c, 'member.certify', member.id, [
      c.env.DB.prepare('UPDATE staff SET certificate = ?, certificate_signature = ? WHERE id = ?').bind(body.certificate, body.certificateSignature, member.id),
    ], facts);
    return c.json({ member: memberJson({ ...member, certificate: body.certificate, certificate_signature: body.certificateSignature }) });
  })
  .post('/:id/revoke', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const teamId = requireLead(c);
    const member = await loadTeamMember(c, teamId);
    if (member.id === c.var.staff.id) throw apiError(400, 'invalid_request', 'You cannot revoke yourself');
    const { signed } = await readJson(c, SignedOnly);
    const facts = await checkSignedAction(c, { action: 'member.revoke', subjectId: member.id, detail: actionDetail.none() }, signed);
    // The certificate stays: the audit check needs it for this member's past actions.
    await audit(c, 'member.revoke', member.id, [
      c.env.DB.prepare("UPDATE staff SET status = 'revoked' WHERE id = ?").bind(member.id),
      c.env.DB.prepare('DELETE FROM sessions WHERE staff_id = ?').bind(member.id),
      c.env.DB.prepare('DELETE FROM team_key_grants WHERE staff_id = ?').bind(member.id),
      c.env.DB.prepare('DELETE FROM case_grants WHERE staff_id = ?').bind(member.id),
    ], facts);
    // Whoever held the team key could still open old cases from a copy of the database:
    // the console asks the lead to rotate the team key.
    return c.json({ member: memberJson({ ...member, status: 'revoked' }), rotationAdvised: ROLES_WITH_TEAM_KEY.has(member.role) });
  });
