// Shapes of the staff API answers (see .achterom/api-contract.md). The console checks
// what it decrypts with valibot; these plain answers it checks with small guards.
import type { BoxKeyPair, CaseConsent, CaseKind } from '../../lib/crypto/caseEnvelope';
import type { StaffSecretKeys } from '../../lib/crypto/staffKeys';
import type { Sodium } from '../../lib/crypto/sodium';

export type Role = 'intake' | 'casemanager' | 'teamlead' | 'privacy';
export type CaseStatus = 'nieuw' | 'in_behandeling' | 'afgerond';
export const CASE_STATUSES: readonly CaseStatus[] = ['nieuw', 'in_behandeling', 'afgerond'];

export interface StaffInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

export interface CaseJson {
  id: string;
  teamId: string;
  kind: CaseKind;
  consent: CaseConsent;
  protocol: number;
  /** The team key id the case was sealed to (null for version-1 cases: key 1). */
  keyId?: number | null;
  nonce: string;
  ciphertext: string;
  sealedKey: string;
  sealedNoteKey?: string | null;
  /** Who made the note key, and their signature over it. */
  noteKeyBy?: string | null;
  noteKeySignature?: string | null;
  status: string;
  createdDay: string;
  /** Present for a case assigned to this member: the keys sealed to their own box key, signed by who gave them. */
  grant?: { sealedCaseKey: string; sealedNoteKey?: string | null; grantedBy?: string | null; signature?: string | null } | null;
}

export interface MessageJson {
  seq: number;
  direction: 'resident' | 'staff';
  nonce: string;
  ciphertext: string;
  createdDay: string;
  /** Who wrote a staff message (staff endpoints only; the resident never gets it). */
  authorId?: string | null;
  authorName?: string | null;
}

export interface NoteJson {
  id: string;
  staffId: string;
  nonce: string;
  ciphertext: string;
  createdDay: string;
}

export interface GrantInfo {
  staffId: string;
  grantedBy: string;
  createdDay: string;
}

export interface CaseDetailJson {
  case: CaseJson;
  messages: MessageJson[];
  notes: NoteJson[];
  grants: GrantInfo[];
  /** Certificates of the colleagues whose signatures this case's keys carry. */
  certificates?: Record<string, { certificate: string | null; signature: string | null }>;
}

export interface Member {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: 'pending' | 'active' | 'revoked';
  teamId: string | null;
  boxPublicKey: string;
  signPublicKey: string;
  /** The exact signed certificate text and the team signing key's signature; null before approval. */
  certificate: string | null;
  certificateSignature: string | null;
}

/** The unlocked keys of the signed-in member. Lives only in the console's memory. */
export interface Vault {
  sodium: Sodium;
  staff: StaffSecretKeys;
  teamId: string | null;
  /** The team's box key pairs by key id (intake and team leads), each matching the pinned key. */
  teamKeys: Map<number, BoxKeyPair>;
  /** Keys made by a rotation that are not pinned in this bundle yet (passed on when approving members). */
  unpinnedTeamKeys: Map<number, BoxKeyPair>;
  /** The team signing key (team leads only): signs member certificates. */
  teamSign: { publicKey: Uint8Array; privateKey: Uint8Array; seed: Uint8Array } | null;
}

export function isCaseJson(value: unknown): value is CaseJson {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['id'] === 'string' &&
    typeof c['teamId'] === 'string' &&
    (c['kind'] === 'question' || c['kind'] === 'appointment') &&
    (c['consent'] === 'handler' || c['consent'] === 'team') &&
    typeof c['protocol'] === 'number' &&
    typeof c['nonce'] === 'string' &&
    typeof c['ciphertext'] === 'string' &&
    typeof c['sealedKey'] === 'string' &&
    typeof c['status'] === 'string' &&
    typeof c['createdDay'] === 'string'
  );
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

export const rolesWithTeamKey: readonly Role[] = ['intake', 'teamlead'];
export const canAssign = (role: Role) => role === 'intake' || role === 'teamlead';
