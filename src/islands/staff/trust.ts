// What the console believes, and why (protocol version 2). The server is not trusted
// for keys: a team secret counts only if its public half is pinned in the bundle; a
// colleague's key only with a certificate signed by the team's pinned signing key; a
// case grant or note key only with a valid signature of a certified colleague who may
// give it. Pure functions, so the hostile-server tests run exactly this code.
import { caseKeyId, type BoxKeyPair } from '../../lib/crypto/caseEnvelope';
import { LEGACY_PROTOCOL_VERSION } from '../../lib/crypto/protocol';
import { openSealedKey, sealKeyTo } from '../../lib/crypto/caseMessages';
import { verifyCertificate, type CertificateCheck } from '../../lib/crypto/memberCertificate';
import {
  caseGrantStatement,
  noteKeyStatement,
  signStatement,
  teamKeyGrantStatement,
  verifyStatement,
} from '../../lib/crypto/signedStatement';
import { toBase64, type Sodium } from '../../lib/crypto/sodium';
import { certificateIssuerKey, type Team } from '../../lib/config/teams';
import { actionStatement, type ActionFacts } from '../../lib/audit/auditRecord';
import type { StaffSecretKeys } from '../../lib/crypto/staffKeys';
import type { CaseJson, Member, Vault } from './types';

/** Certificates by member id, as the API sends them along; every one is checked before use. */
export type CertificateMap = Readonly<Record<string, { certificate?: string | null; signature?: string | null } | undefined>>;

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export interface TeamKeyGrantJson {
  teamId: string;
  kind: 'box' | 'sign';
  keyId: number;
  sealedSecretKey: string;
  grantedBy?: string | null;
  signature?: string | null;
}

export interface UnlockedTeamKeys {
  /** Box key pairs by key id, each matching the key pinned for that id. */
  boxKeys: Map<number, BoxKeyPair>;
  /** Held box keys with ids not pinned yet (made by a rotation, waiting for a redeploy). */
  unpinned: Map<number, BoxKeyPair>;
  /** The team signing key (team leads), only if it matches the pinned one. */
  sign: { publicKey: Uint8Array; privateKey: Uint8Array; seed: Uint8Array } | null;
  /** Fingerprints of held keys that contradict the pinned ones: a planted or swapped key. */
  mismatches: string[];
}

/** Opens this member's team key grants and keeps only what the bundle vouches for. */
export function unlockTeamKeys(sodium: Sodium, staff: StaffSecretKeys, grants: readonly TeamKeyGrantJson[], team: Team | undefined): UnlockedTeamKeys {
  const out: UnlockedTeamKeys = { boxKeys: new Map(), unpinned: new Map(), sign: null, mismatches: [] };
  if (!team) return out;
  for (const g of grants) {
    if (g.teamId !== team.id) continue;
    const opened = openSealedKey(sodium, g.sealedSecretKey, staff.box);
    if (!opened.ok) continue;
    if (g.kind === 'box') {
      const pair = { privateKey: opened.value, publicKey: sodium.crypto_scalarmult_base(opened.value) };
      const held = toBase64(sodium, pair.publicKey);
      const pinned = team.boxKeys.find((k) => k.id === g.keyId);
      if (pinned && pinned.publicKey === held) out.boxKeys.set(g.keyId, pair);
      else if (!pinned && g.keyId > team.keyId) out.unpinned.set(g.keyId, pair);
      else {
        out.mismatches.push(fingerprintOf(sodium, pair.publicKey));
        sodium.memzero(pair.privateKey);
      }
    } else {
      const pair = sodium.crypto_sign_seed_keypair(opened.value);
      if (toBase64(sodium, pair.publicKey) === team.signPublicKey) out.sign = { ...pair, seed: opened.value };
      else {
        out.mismatches.push(fingerprintOf(sodium, pair.publicKey));
        sodium.memzero(pair.privateKey);
      }
    }
  }
  return out;
}

function fingerprintOf(sodium: Sodium, publicKey: Uint8Array): string {
  return sodium.to_hex(sodium.crypto_generichash(16, publicKey, null)).replace(/(.{4})(?=.)/g, '$1 ');
}

/** A colleague's certificate against the pinned keys and what the API says about them. */
export function memberTrust(sodium: Sodium, m: Pick<Member, 'id' | 'username' | 'teamId' | 'role' | 'boxPublicKey' | 'signPublicKey' | 'certificate' | 'certificateSignature'>, today = todayUtc()): CertificateCheck {
  const signed = m.certificate && m.certificateSignature ? { certificate: m.certificate, signature: m.certificateSignature } : null;
  return verifyCertificate(sodium, signed, certificateIssuerKey, m, today);
}

/** The signing key of a certified member who may hand out case keys (intake or team lead of the team). */
function granterSignKey(sodium: Sodium, memberId: string | null | undefined, teamId: string, certificates: CertificateMap): string | null {
  if (!memberId) return null;
  const cert = certificates[memberId];
  for (const role of ['intake', 'teamlead'] as const) {
    // A certificate that has expired since still vouches for what was signed before.
    const check = verifyCertificate(sodium, cert, certificateIssuerKey, { id: memberId, role, teamId }, '0000-01-01');
    if (check.ok) return check.body.signPublicKey;
  }
  return null;
}

/**
 * Cases from before version 2 carry unsigned grants and note keys; they stay usable so
 * old cases remain readable (the console marks them, and retention removes them within
 * months). A signature, when present, is always checked; a v2 case never goes unsigned.
 */
const legacyUnsigned = (c: Pick<CaseJson, 'protocol'>, signature: string | null | undefined) => c.protocol === LEGACY_PROTOCOL_VERSION && !signature;

/** True when this member's own case grant was signed by a certified colleague who may assign. */
export function grantIsTrusted(sodium: Sodium, c: CaseJson, me: { id: string; boxPublicKey: string }, certificates: CertificateMap): boolean {
  const g = c.grant;
  if (!g?.sealedCaseKey || !g.sealedNoteKey) return false;
  if (legacyUnsigned(c, g.signature)) return true;
  const key = granterSignKey(sodium, g.grantedBy, c.teamId, certificates);
  if (!key) return false;
  const text = caseGrantStatement({
    caseId: c.id, recipientId: me.id, recipientBoxPublicKey: me.boxPublicKey, sealedCaseKey: g.sealedCaseKey, sealedNoteKey: g.sealedNoteKey, granterId: g.grantedBy ?? '',
  });
  return verifyStatement(sodium, key, text, g.signature);
}

/** True when the case's team-sealed note key was made and signed by a certified colleague. */
export function noteKeyIsTrusted(sodium: Sodium, c: CaseJson, certificates: CertificateMap): boolean {
  if (!c.sealedNoteKey) return false;
  if (legacyUnsigned(c, c.noteKeySignature)) return true;
  const key = granterSignKey(sodium, c.noteKeyBy, c.teamId, certificates);
  const keyId = caseKeyId(c);
  if (!key || keyId === null) return false;
  return verifyStatement(sodium, key, noteKeyStatement({ caseId: c.id, teamId: c.teamId, keyId, sealedNoteKey: c.sealedNoteKey, makerId: c.noteKeyBy ?? '' }), c.noteKeySignature);
}

/** The team box key a case was sealed to, if this console holds it. */
export function teamKeyFor(vault: Vault, c: Pick<CaseJson, 'protocol' | 'keyId'>): BoxKeyPair | null {
  const id = caseKeyId(c);
  return id === null ? null : (vault.teamKeys.get(id) ?? null);
}

export type GrantRefusal = 'not_certified' | 'not_active' | 'no_keys';
export type PreparedGrant =
  | { ok: true; body: { staffId: string; sealedCaseKey: string; sealedNoteKey: string; grantSignature: string } }
  | { ok: false; refusal: GrantRefusal };

/**
 * Seals a case key and note key to a colleague, but only after their certificate checks
 * out against the pinned team signing key: a key the server swapped gets nothing.
 */
export function prepareCaseGrant(vault: Vault, me: { id: string }, caseId: string, member: Member, caseKey: Uint8Array, noteKey: Uint8Array, today = todayUtc()): PreparedGrant {
  const { sodium } = vault;
  if (member.status !== 'active') return { ok: false, refusal: 'not_active' };
  const trust = memberTrust(sodium, member, today);
  if (!trust.ok || trust.body.teamId !== vault.teamId) return { ok: false, refusal: 'not_certified' };
  const recipientKey = trust.body.boxPublicKey;
  const sealedCaseKey = sealKeyTo(sodium, caseKey, recipientKey);
  const sealedNoteKey = sealKeyTo(sodium, noteKey, recipientKey);
  const grantSignature = signStatement(
    sodium,
    vault.staff.sign.privateKey,
    caseGrantStatement({ caseId, recipientId: member.id, recipientBoxPublicKey: recipientKey, sealedCaseKey, sealedNoteKey, granterId: me.id }),
  );
  return { ok: true, body: { staffId: member.id, sealedCaseKey, sealedNoteKey, grantSignature } };
}

/** A new note key sealed to the case's team key, signed by its maker. */
export function prepareNoteKey(vault: Vault, me: { id: string }, c: Pick<CaseJson, 'id' | 'teamId' | 'protocol' | 'keyId'>, team: Team, noteKey: Uint8Array) {
  const keyId = caseKeyId(c);
  const pinned = keyId === null ? undefined : team.boxKeys.find((k) => k.id === keyId);
  if (!pinned || keyId === null) return null;
  const sealedNoteKey = sealKeyTo(vault.sodium, noteKey, pinned.publicKey);
  const signature = signStatement(vault.sodium, vault.staff.sign.privateKey, noteKeyStatement({ caseId: c.id, teamId: c.teamId, keyId, sealedNoteKey, makerId: me.id }));
  return { sealedNoteKey, keyId, signature };
}

/** A team secret sealed to a certified colleague and signed by the granting lead. */
export function sealTeamSecret(vault: Vault, me: { id: string }, teamId: string, kind: 'box' | 'sign', keyId: number, secret: Uint8Array, recipient: { id: string; boxPublicKey: string }) {
  const sealedSecretKey = sealKeyTo(vault.sodium, secret, recipient.boxPublicKey);
  const signature = signStatement(
    vault.sodium,
    vault.staff.sign.privateKey,
    teamKeyGrantStatement({ teamId, kind, keyId, recipientId: recipient.id, recipientBoxPublicKey: recipient.boxPublicKey, sealedSecretKey, granterId: me.id }),
  );
  return { kind, keyId, sealedSecretKey, signature };
}

/** Signs one audit-worthy action as this member: the API checks it, the audit row keeps it. */
export function signAction(vault: Vault, me: { id: string; role: string; teamId: string | null }, facts: Omit<ActionFacts, 'staffId' | 'role' | 'teamId' | 'day'>, day = todayUtc()) {
  const text = actionStatement({ ...facts, staffId: me.id, role: me.role, teamId: me.teamId, day });
  return { day, signature: signStatement(vault.sodium, vault.staff.sign.privateKey, text) };
}

