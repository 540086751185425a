// A team lead's key work, done in their browser (protocol version 2): certifying a
// member's keys with the team signing key, sealing the team secrets a role needs, and
// rotating the team box key. Pure functions: the tests run exactly this code.
import { addDays, CERTIFICATE_VALID_DAYS, issueCertificate } from '../../lib/crypto/memberCertificate';
import { keyFingerprint } from '../../lib/crypto/fingerprint';
import { signStatement, teamKeyStatement } from '../../lib/crypto/signedStatement';
import { toBase64 } from '../../lib/crypto/sodium';
import type { Team } from '../../lib/config/teams';
import { memberTrust, sealTeamSecret, todayUtc } from './trust';
import { rolesWithTeamKey, type Member, type StaffInfo, type Vault } from './types';

export type LeadRefusal = 'no_team_sign' | 'no_team_key';

/** A certificate for the member as the API describes them; the lead compared the fingerprint first. */
export function certify(vault: Vault, me: StaffInfo, member: Member, today = todayUtc()) {
  if (!vault.teamSign || !me.teamId) return null;
  return issueCertificate(vault.sodium, vault.teamSign.privateKey, {
    v: 2,
    memberId: member.id,
    username: member.username,
    teamId: me.teamId,
    role: member.role,
    boxPublicKey: member.boxPublicKey,
    signPublicKey: member.signPublicKey,
    issuedDay: today,
    validUntilDay: addDays(today, CERTIFICATE_VALID_DAYS),
    issuerId: me.id,
  });
}

/** Approval body: the certificate and the team secrets the member's role needs, all signed by this lead. */
export function prepareApproval(vault: Vault, me: StaffInfo, member: Member, today = todayUtc()) {
  const cert = certify(vault, me, member, today);
  if (!cert || !vault.teamSign || !me.teamId) return { ok: false as const, refusal: 'no_team_sign' as LeadRefusal };
  const teamKeyGrants = [];
  if (rolesWithTeamKey.includes(member.role)) {
    if (vault.teamKeys.size === 0) return { ok: false as const, refusal: 'no_team_key' as LeadRefusal };
    // Every key the lead holds: older ones open older cases, unpinned ones will open newer.
    for (const [keyId, pair] of [...vault.teamKeys, ...vault.unpinnedTeamKeys]) {
      teamKeyGrants.push(sealTeamSecret(vault, me, me.teamId, 'box', keyId, pair.privateKey, member));
    }
  }
  if (member.role === 'teamlead') teamKeyGrants.push(sealTeamSecret(vault, me, me.teamId, 'sign', 1, vault.teamSign.seed, member));
  return { ok: true as const, body: { certificate: cert.certificate, certificateSignature: cert.signature, teamKeyGrants } };
}

export interface PreparedRotation {
  keyId: number;
  publicKey: string;
  fingerprint: string;
  /** The new key pair: kept in this console's memory as an unpinned key until the redeploy. */
  pair: { publicKey: Uint8Array; privateKey: Uint8Array };
  body: { keyId: number; publicKey: string; keySignature: string; grants: { staffId: string; sealedSecretKey: string; signature: string }[] };
  /** Members who read new cases but whose keys are not certified: they get nothing. */
  skipped: Member[];
}

/**
 * A new team box key for new cases. Sealed only to active intake workers and team leads
 * with a valid certificate; revoked members get nothing, so what they kept opens no case
 * sealed to the new key.
 */
export function prepareRotation(vault: Vault, me: StaffInfo, team: Team, members: readonly Member[], takenIds: readonly number[], today = todayUtc()): PreparedRotation | null {
  if (!me.teamId || me.teamId !== team.id) return null;
  const { sodium } = vault;
  const keyId = Math.max(team.keyId, ...team.boxKeys.map((k) => k.id), ...takenIds, ...vault.unpinnedTeamKeys.keys()) + 1;
  const pair = sodium.crypto_box_keypair();
  const publicKey = toBase64(sodium, pair.publicKey);
  const readers = members.filter((m) => m.status === 'active' && rolesWithTeamKey.includes(m.role));
  const skipped: Member[] = [];
  const grants: PreparedRotation['body']['grants'] = [];
  for (const m of readers) {
    const trust = memberTrust(sodium, m, today);
    if (!trust.ok || trust.body.teamId !== team.id) {
      skipped.push(m);
      continue;
    }
    const g = sealTeamSecret(vault, me, team.id, 'box', keyId, pair.privateKey, { id: m.id, boxPublicKey: trust.body.boxPublicKey });
    grants.push({ staffId: m.id, sealedSecretKey: g.sealedSecretKey, signature: g.signature });
  }
  const keySignature = signStatement(sodium, vault.staff.sign.privateKey, teamKeyStatement({ teamId: team.id, keyId, publicKey, creatorId: me.id }));
  return { keyId, publicKey, fingerprint: keyFingerprint(sodium, publicKey), pair, body: { keyId, publicKey, keySignature, grants }, skipped };
}

/** The lines a municipality's IT team adds to src/lib/config/teamKeys.json (then rebuilds and deploys). */
export function pinSnippet(r: Pick<PreparedRotation, 'keyId' | 'publicKey' | 'fingerprint'>): string {
  return JSON.stringify({ id: r.keyId, publicKey: r.publicKey, fingerprint: r.fingerprint }, null, 2);
}
