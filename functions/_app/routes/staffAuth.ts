// Staff sign-in (DESIGN section 3): salt first, then the argon2id-derived authKey.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { SaltRequest, StaffLogin } from '../../../src/lib/schemas/staffLogin';
import { base64ToBytes, bytesToBase64, constantTimeEqual, sha256, sha256Base64 } from '../bytes';
import { createStorage } from '../storage';
import { endSession, hasLiveSession, requireStaff, startSession } from '../session';
import { limitBody, SMALL_BODY_LIMIT } from '../limits';
import { clearFailures, recordFailure, secondsToWait } from '../signinBrake';
import { saltPepper } from '../secrets';

/** Unknown usernames get a salt that is stable and looks real, so the answer does not reveal who exists. */
async function fakeSalt(pepper: string, username: string): Promise<string> {
  return bytesToBase64((await sha256(`achterom/fake-salt|${pepper}|${username}`)).slice(0, 16));
}

const limit = limitBody(SMALL_BODY_LIMIT);

export const staffAuth = new Hono<AppEnv>()
  .post('/salt', limit, async (c) => {
    const { username } = await readJson(c, SaltRequest);
    const staff = await createStorage(c.env.DB).findStaffByUsername(username);
    const salt = staff && staff.status === 'active' ? staff.salt : await fakeSalt(saltPepper(c.env), username);
    return c.json({ salt });
  })
  .post('/login', limit, async (c) => {
    const { username, authKey } = await readJson(c, StaffLogin);
    const nowSeconds = Math.floor(c.var.now().getTime() / 1000);
    const wait = await secondsToWait(c.env.DB, username, nowSeconds);
    if (wait > 0) {
      return c.json({ error: { code: 'slow_down', message: `Too many wrong passphrases for this username; try again in ${wait} seconds` } }, 429, {
        'Retry-After': String(wait),
      });
    }
    const storage = createStorage(c.env.DB);
    const staff = await storage.findStaffByUsername(username);
    const presented = await sha256Base64(base64ToBytes(authKey));
    // Compare even for unknown users so both paths take the same work.
    const matches = constantTimeEqual(presented, staff?.auth_hash ?? 'x'.repeat(presented.length));
    if (!staff || !matches || staff.status !== 'active') {
      await recordFailure(c.env.DB, username, nowSeconds);
      throw apiError(401, 'wrong_credentials', 'Username or passphrase is not right');
    }
    await clearFailures(c.env.DB, username);
    await startSession(c, staff.id);
    const grants = await storage.teamKeyGrantsFor(staff.id);
    return c.json({
      staff: { id: staff.id, username: staff.username, displayName: staff.display_name, role: staff.role, teamId: staff.team_id },
      keyBlob: staff.key_blob,
      keyBlobNonce: staff.key_blob_nonce,
      // The console accepts a team secret only if its public half is the one pinned in the bundle.
      teamKeyGrants: grants.map((g) => ({ teamId: g.team_id, kind: g.kind, keyId: g.key_id, sealedSecretKey: g.sealed_secret_key, grantedBy: g.granted_by, signature: g.signature })),
      certificate: { certificate: staff.certificate, signature: staff.certificate_signature },
    });
  })
  .post('/logout', async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .get('/session', async (c) => c.json({ signedIn: await hasLiveSession(c) }))
  .get('/me', requireStaff, (c) => {
    const s = c.var.staff;
    return c.json({ staff: { id: s.id, username: s.username, displayName: s.display_name, role: s.role, teamId: s.team_id } });
  });
