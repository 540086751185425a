// A new member activates an invite: keys are made in their browser; the server
// stores public keys, the salt, a hash of the auth key and the encrypted key blob.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint } from '../errors';
import { readJson } from '../validate';
import { runAudited } from '../audit';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { base64ToBytes, sha256Base64 } from '../bytes';
import { ActivationRequest } from '../../../src/lib/schemas/memberRequests';
import { ceremony, startsCeremony } from './ceremony';

export { ADMIN_INVITER } from './ceremony';

export const activation = new Hono<AppEnv>()
  .post('/', limitBody(SMALL_BODY_LIMIT), async (c) => {
  const body = await readJson(c, ActivationRequest);
  const db = c.env.DB;
  const tokenHash = await sha256Base64(body.token);
  const nowSeconds = Math.floor(c.var.now().getTime() / 1000);
  const invite = await db
    .prepare('SELECT team_id, role, created_by, expires_at, used_at FROM invites WHERE token_hash = ?')
    .bind(tokenHash)
    .first<{ team_id: string | null; role: string; created_by: string; expires_at: number; used_at: number | null }>();
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
  .route('/ceremony', ceremony);

