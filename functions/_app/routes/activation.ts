// A new member activates an invite: keys are made in their browser; the server
// stores public keys, the salt, a hash of the auth key and the encrypted key blob.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint } from '../errors';
import { readJson } from '../validate';
import { runAudited } from '../audit';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { base64ToBytes, sha256Base64 } from '../bytes';
import { ActivationRequest, TeamCeremonyRequest } from '../../../src/lib/schemas/memberRequests';
import { teamsAwaitingKeys } from '../../../src/lib/config/teams';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { teamKeyGrantStatement } from '../../../src/lib/crypto/signedStatement';
import { createStorage, dayOf } from '../storage';
import { requireCertificateFor } from '../certificates';
import { checkSignedAction, requireSignature } from '../signedAction';

/** Who `npm run admin -- invite` writes as the inviter. */
export const ADMIN_INVITER = 'admin-cli';

/** A first team lead invited from the command line, for a team whose keys are not pinned yet, makes its keys. */
const startsCeremony = (invite: { created_by: string; role: string; team_id: string }) =>
  invite.created_by === ADMIN_INVITER && invite.role === 'teamlead' && teamsAwaitingKeys.some((t) => t.id === invite.team_id);

export const activation = new Hono<AppEnv>()
  .post('/', limitBody(SMALL_BODY_LIMIT), async (c) => {
  const body = await readJson(c, ActivationRequest);
  const db = c.env.DB;
  const tokenHash = await sha256Base64(body.token);
  const nowSeconds = Math.floor(c.var.now().getTime() / 1000);
  const invite = await db
    .prepare('SELECT team_id, role, created_by, expires_at, used_at FROM invites WHERE token_hash = ?')
    .bind(tokenHash)
    .first<{ team_id: string; role: string; created_by: string; expires_at: number; used_at: number | null }>();
  if (!invite || invite.used_at !== null || invite.expires_at < nowSeconds) {
    throw apiError(410, 'invite_invalid', 'This invite link has expired or was already used; ask your team lead for a new one');
  }
  const id = `staff-${crypto.randomUUID()}`;
  try {
    await runAudited(db, { staffId: id, role: invite.role, teamId: invite.team_id, action: 'member.activate', subjectId: id }, c.var.now(), [
      // Single use: the invite is claimed in the same batch, only if still unclaimed.
      db.prepare('UPDATE invites SET used_at = ?, used_by = ? WHERE token_hash = ? AND used_at IS NULL').bind(nowSeconds, id, tokenHash),
      db
        .prepare(
          `INSERT INTO staff (id, username, display_name, team_id, role, status, salt, auth_hash, box_public_key, sign_public_key, key_blob, key_blob_nonce)
           SELECT ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?
           WHERE (SELECT used_by FROM invites WHERE token_hash = ?) = ?`,
        )
        .bind(
          id, body.username, body.displayName, invite.team_id, invite.role, body.salt,
          await sha256Base64(base64ToBytes(body.authKey)), body.boxPublicKey, body.signPublicKey, body.keyBlob, body.keyBlobNonce,
          tokenHash, id,
        ),
    ]);
  } catch (err) {
    if (isConstraint(err, 'unique')) throw apiError(409, 'username_taken', 'This username is taken; choose another');
    throw err;
  }
  const created = await db.prepare('SELECT id FROM staff WHERE id = ?').bind(id).first();
  if (!created) throw apiError(410, 'invite_invalid', 'This invite link was already used');
  return c.json({ id, status: 'pending', role: invite.role, teamId: invite.team_id, ceremony: startsCeremony(invite) }, 201);
  })
  .post('/ceremony', limitBody(SMALL_BODY_LIMIT), async (c) => {
    const body = await readJson(c, TeamCeremonyRequest);
    const db = c.env.DB;
    const nowSeconds = Math.floor(c.var.now().getTime() / 1000);
    const invite = await db
      .prepare('SELECT team_id, role, created_by, expires_at, used_by FROM invites WHERE token_hash = ?')
      .bind(await sha256Base64(body.token))
      .first<{ team_id: string; role: string; created_by: string; expires_at: number; used_by: string | null }>();
    if (!invite || invite.used_by === null || invite.expires_at < nowSeconds || invite.created_by !== ADMIN_INVITER || invite.role !== 'teamlead') {
      throw apiError(410, 'ceremony_invalid', 'This link does not start a key ceremony: it is not an activated first team lead invite, or it has expired');
    }
    if (!startsCeremony(invite)) throw apiError(409, 'team_has_keys', 'This team already has pinned keys; its team lead approves new members');
    const member = await createStorage(db).findStaffById(invite.used_by);
    if (!member || member.status !== 'pending') throw apiError(409, 'not_pending', 'This member is not waiting for the key ceremony');
    const teamId = invite.team_id;
    // The certificate must describe the member and be signed with the team signing key made now.
    await requireCertificateFor(member, body.certificate, body.certificateSignature, dayOf(c.var.now()), body.teamSignPublicKey);
    // From here the member signs for themself, as a signed-in member would.
    c.set('staff', member);
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
    try {
      await runAudited(db, { staffId: member.id, role: member.role, teamId, action: 'team.ceremony', signed }, c.var.now(), [
        db.prepare('INSERT INTO team_ceremonies (team_id, staff_id, box_public_key, sign_public_key, day) VALUES (?, ?, ?, ?, ?)').bind(
          teamId, member.id, body.teamBoxPublicKey, body.teamSignPublicKey, dayOf(c.var.now()),
        ),
        db.prepare("UPDATE staff SET status = 'active', certificate = ?, certificate_signature = ? WHERE id = ? AND status = 'pending'").bind(
          body.certificate, body.certificateSignature, member.id,
        ),
        ...grants,
      ]);
    } catch (err) {
      if (isConstraint(err, 'unique')) throw apiError(409, 'ceremony_done', 'This team has made its keys already');
      throw err;
    }
    return c.json({ status: 'active', teamId }, 201);
  });
