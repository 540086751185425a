// Team key rotation. A team lead's browser makes a new box key pair, seals the secret
// half to every member who reads new cases (checking their certificates first) and
// signs each grant; the API stores the public half until it is pinned in the bundle.
// Residents seal to a key only once it is pinned: the API never hands out keys.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError, isConstraint } from '../errors';
import { readJson } from '../validate';
import { requireStaff } from '../session';
import { can } from '../policy';
import { createStorage, dayOf } from '../storage';
import { runAudited } from '../audit';
import { limitBody, CIPHERTEXT_BODY_LIMIT } from '../limits';
import { checkSignedAction, requireSignature } from '../signedAction';
import { TeamKeyRotation } from '../../../src/lib/schemas/memberRequests';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { teamKeyGrantStatement, teamKeyStatement } from '../../../src/lib/crypto/signedStatement';
import { findTeam } from '../../../src/lib/config/teams';

const ROLES_WITH_TEAM_KEY = new Set(['intake', 'teamlead']);

/** Key ids a team has: pinned in the bundle, or made since and waiting to be pinned. */
export async function knownTeamKeyIds(db: D1Database, teamId: string): Promise<Set<number>> {
  const pinned = findTeam(teamId)?.boxKeys.map((k) => k.id) ?? [];
  const { results } = await db.prepare('SELECT key_id FROM team_keys WHERE team_id = ?').bind(teamId).all<{ key_id: number }>();
  return new Set([...pinned, ...results.map((r) => r.key_id)]);
}

export const teamKeys = new Hono<AppEnv>()
  .use(requireStaff)
  .get('/', async (c) => {
    const staff = c.var.staff;
    if (!can(staff, 'managesMembers') || !staff.team_id) throw apiError(403, 'forbidden', 'Only the team lead manages team keys');
    const { results } = await c.env.DB.prepare('SELECT key_id, public_key, created_by, created_day, signature FROM team_keys WHERE team_id = ? ORDER BY key_id')
      .bind(staff.team_id)
      .all<{ key_id: number; public_key: string; created_by: string; created_day: string; signature: string }>();
    return c.json({
      keys: results.map((k) => ({ keyId: k.key_id, publicKey: k.public_key, createdBy: k.created_by, createdDay: k.created_day, signature: k.signature })),
    });
  })
  .post('/', limitBody(CIPHERTEXT_BODY_LIMIT), async (c) => {
    const staff = c.var.staff;
    const teamId = staff.team_id;
    if (!can(staff, 'managesMembers') || !teamId) throw apiError(403, 'forbidden', 'Only the team lead manages team keys');
    const body = await readJson(c, TeamKeyRotation);
    const known = await knownTeamKeyIds(c.env.DB, teamId);
    if (body.keyId <= Math.max(0, ...known)) throw apiError(409, 'key_id_taken', `keyId must be higher than ${Math.max(0, ...known)}`);
    await requireSignature(c, teamKeyStatement({ teamId, keyId: body.keyId, publicKey: body.publicKey, creatorId: staff.id }), body.keySignature);
    const members = new Map((await createStorage(c.env.DB).teamMembers(teamId)).map((m) => [m.id, m]));
    if (!body.grants.some((g) => g.staffId === staff.id)) throw apiError(400, 'invalid_body', 'grants: include yourself, or nobody can open the new key');
    const day = dayOf(c.var.now());
    const statements: D1PreparedStatement[] = [
      c.env.DB.prepare('INSERT INTO team_keys (team_id, key_id, public_key, created_by, created_day, signature) VALUES (?, ?, ?, ?, ?, ?)').bind(
        teamId, body.keyId, body.publicKey, staff.id, day, body.keySignature,
      ),
    ];
    for (const g of body.grants) {
      const member = members.get(g.staffId);
      if (!member || member.status !== 'active' || !ROLES_WITH_TEAM_KEY.has(member.role)) {
        throw apiError(400, 'invalid_body', `grants: ${g.staffId} is not an active intake worker or team lead of this team`);
      }
      const facts = { teamId, kind: 'box' as const, keyId: body.keyId, recipientId: member.id, recipientBoxPublicKey: member.box_public_key, sealedSecretKey: g.sealedSecretKey, granterId: staff.id };
      await requireSignature(c, teamKeyGrantStatement(facts), g.signature);
      statements.push(
        c.env.DB.prepare(
          'INSERT INTO team_key_grants (staff_id, team_id, kind, key_id, sealed_secret_key, granted_by, signature) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).bind(member.id, teamId, 'box', body.keyId, g.sealedSecretKey, staff.id, g.signature),
      );
    }
    const signed = await checkSignedAction(c, { action: 'team.key_rotate', subjectId: String(body.keyId), detail: await actionDetail.rotate(body.keyId, body.publicKey) }, body.signed);
    try {
      await runAudited(c.env.DB, { staffId: staff.id, role: staff.role, teamId, action: 'team.key_rotate', subjectId: String(body.keyId), signed }, c.var.now(), statements);
    } catch (err) {
      if (isConstraint(err, 'unique')) throw apiError(409, 'key_id_taken', 'Another key with this id was made at the same time; reload and try again');
      throw err;
    }
    return c.json({ keyId: body.keyId, grants: body.grants.length }, 201);
  });
