// A member changes their passphrase: the browser re-wraps the same secret keys under
// the new passphrase. Grants stay valid because the keys inside do not change.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { currentSessionHash, requireStaff } from '../session';
import { runAudited } from '../audit';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { base64ToBytes, constantTimeEqual, sha256Base64 } from '../bytes';
import { PassphraseChange } from '../../../src/lib/schemas/memberRequests';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { checkSignedAction } from '../signedAction';

export const passphrase = new Hono<AppEnv>().use(requireStaff).post('/', limitBody(SMALL_BODY_LIMIT), async (c) => {
  const body = await readJson(c, PassphraseChange);
  const staff = c.var.staff;
  // The session alone is not enough: prove the current passphrase too.
  if (!constantTimeEqual(await sha256Base64(base64ToBytes(body.currentAuthKey)), staff.auth_hash)) {
    throw apiError(403, 'wrong_credentials', 'The current passphrase is not right');
  }
  const signed = await checkSignedAction(c, { action: 'member.passphrase', subjectId: staff.id, detail: actionDetail.none() }, body.signed);
  await runAudited(c.env.DB, { staffId: staff.id, role: staff.role, teamId: staff.team_id, action: 'member.passphrase', subjectId: staff.id, signed }, c.var.now(), [
    c.env.DB.prepare('UPDATE staff SET salt = ?, auth_hash = ?, key_blob = ?, key_blob_nonce = ? WHERE id = ?').bind(
      body.salt, await sha256Base64(base64ToBytes(body.authKey)), body.keyBlob, body.keyBlobNonce, staff.id,
    ),
    // Whoever knew the old passphrase is signed out everywhere else.
    c.env.DB.prepare('DELETE FROM sessions WHERE staff_id = ? AND token_hash <> ?').bind(staff.id, await currentSessionHash(c)),
  ]);
  return c.body(null, 204);
});
