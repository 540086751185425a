// Key ceremonies, right after activating an invite made with `npm run admin`: a new
// team's first team lead makes the team's keys, the first privacy officer makes the
// organisation's signing key. The browser sends public keys, a certificate signed with
// the new key, sealed secrets and signatures; the server checks them all, activates the
// member and keeps the public keys until they are pinned in the bundle, once.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint } from '../errors';
import { readJson } from '../validate';
import { runAudited } from '../audit';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { sha256Base64 } from '../bytes';
import { OrganisationCeremonyRequest, TeamCeremonyRequest } from '../../../src/lib/schemas/memberRequests';
import { organisationKey, teamsAwaitingKeys } from '../../../src/lib/config/teams';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { teamKeyGrantStatement } from '../../../src/lib/crypto/signedStatement';
import { createStorage, dayOf, type StaffRow } from '../storage';
import { requireCertificateFor } from '../certificates';
import { checkSignedAction, requireSignature } from '../signedAction';

/** Who `npm run admin -- invite` writes as the inviter. */
export const ADMIN_INVITER = 'admin-cli';

interface InviteFacts {
  created_by: string;
  role: string;
  team_id: string | null;
}

/** Whether activating this invite goes on to a key ceremony: an invite from the command line for a key not pinned yet. */
export function startsCeremony(invite: InviteFacts): boolean {
  if (invite.created_by !== ADMIN_INVITER) return false;
  if (invite.role === 'privacy') return organisationKey === null;
  return invite.role === 'teamlead' && teamsAwaitingKeys.some((t) => t.id === invite.team_id);
}

/** The activated member behind an invite token, still pending, whose invite starts a ceremony of this kind. */
async function ceremonyMember(c: Context<AppEnv>, token: string, role: 'teamlead' | 'privacy'): Promise<StaffRow> {
  const nowSeconds = Math.floor(c.var.now().getTime() / 1000);
  const invite = await c.env.DB.prepare('SELECT team_id, role, created_by, expires_at, used_by FROM invites WHERE token_hash = ?')
    .bind(await sha256Base64(token))
    .first<InviteFacts & { expires_at: number; used_by: string | null }>();
  if (!invite || invite.used_by === null || invite.expires_at < nowSeconds || invite.created_by !== ADMIN_INVITER || invite.role !== role) {
    throw apiError(410, 'ceremony_invalid', 'This link does not start a key ceremony: it is not an activated invite from the command line for this role, or it has expired');
  }
  if (!startsCeremony(invite)) throw apiError(409, 'key_pinned', 'This key is pinned already; a colleague approves new members');
  const member = await createStorage(c.env.DB).findStaffById(invite.used_by);
  if (!member || member.status !== 'pending') throw apiError(409, 'not_pending', 'This member is not waiting for the key ceremony');
  // From here the member signs for themself, as a signed-in member would.
  c.set('staff', member);
  return member;
}

const activate = (db: D1Database, member: StaffRow, certificate: string, signature: string) =>
  db.prepare("UPDATE staff SET status = 'active', certificate = ?, certificate_signature = ? WHERE id = ? AND status = 'pending'").bind(certificate, signature, member.id);

async function once(work: Promise<void>): Promise<void> {
  try {
    await work;
  } catch (err) {
    if (isConstraint(err, 'unique')) throw apiError(409, 'ceremony_done', 'These keys have been made already');
    throw err;
  }
}

export const ceremony = new Hono<AppEnv>()
  .post('/', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const body = await readJson(c, TeamCeremonyRequest);
    const db = c.env.DB;
    const member = await ceremonyMember(c, body.token, 'teamlead');
    const teamId = member.team_id!;
    // The certificate must describe the member and be signed with the team signing key made now.
    await requireCertificateFor(member, body.certificate, body.certificateSignature, dayOf(c.var.now()), body.teamSignPublicKey);
    const kinds = body.teamKeyGrants.map((g) => `${g.kind}:${g.keyId}`).sort().join(',');
    if (kinds !== 'box:1,sign:1') throw apiError(400, 'invalid_body', 'teamKeyGrants: box key 1 and signing key 1, one each');
    const grants: D1PreparedStatement[] = [];
    for (const g of body.teamKeyGrants) {
      const facts = { teamId, kind: g.kind, keyId: g.keyId, recipientId: member.id, recipientBoxPublicKey: member.box_public_key, sealedSecretKey: g.sealedSecretKey, granterId: member.id };
      await requireSignature(c, teamKeyGrantStatement(facts), g.signature);
      grants.push(
        db.prepare('INSERT INTO team_key_grants (staff_id, team_id, kind, key_id, sealed_secret_key, granted_by, signature) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .bind(member.id, teamId, g.kind, g.keyId, g.sealedSecretKey, member.id, g.signature),
      );
    }
    const signed = await checkSignedAction(c, { action: 'team.ceremony', detail: await actionDetail.ceremony(body.teamBoxPublicKey, body.teamSignPublicKey) }, body.signed);
    await once(
      runAudited(db, { staffId: member.id, role: member.role, teamId, action: 'team.ceremony', signed }, c.var.now(), [
        db.prepare('INSERT INTO team_ceremonies (team_id, staff_id, box_public_key, sign_public_key, day) VALUES (?, ?, ?, ?, ?)').bind(
          teamId, member.id, body.teamBoxPublicKey, body.teamSignPublicKey, dayOf(c.var.now()),
        ),
        activate(db, member, body.certificate, body.certificateSignature),
        ...grants,
      ]),
    );
    return c.json({ status: 'active', teamId }, 201);
  })
  .post('/organisation', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const body = await readJson(c, OrganisationCeremonyRequest);
    const db = c.env.DB;
    const member = await ceremonyMember(c, body.token, 'privacy');
    await requireCertificateFor(member, body.certificate, body.certificateSignature, dayOf(c.var.now()), body.organisationSignPublicKey);
    const signed = await checkSignedAction(c, { action: 'organisation.ceremony', detail: await actionDetail.organisation(body.organisationSignPublicKey) }, body.signed);
    await once(
      runAudited(db, { staffId: member.id, role: member.role, teamId: null, action: 'organisation.ceremony', signed }, c.var.now(), [
        db.prepare('INSERT INTO organisation_ceremony (id, staff_id, sign_public_key, day) VALUES (1, ?, ?, ?)').bind(member.id, body.organisationSignPublicKey, dayOf(c.var.now())),
        activate(db, member, body.certificate, body.certificateSignature),
      ]),
    );
    return c.json({ status: 'active' }, 201);
  });
