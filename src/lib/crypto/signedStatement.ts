// Ed25519 signatures over short text statements (protocol version 2). Every statement
// starts with its own domain label, so a signature made for one purpose can never be
// replayed as another. Fields are joined with "|" and may not contain it.
import { fromBase64, toBase64, type Sodium } from './sodium';

export type StatementField = string | number | null;

function field(value: StatementField): string {
  const text = value === null ? '-' : String(value);
  if (text.includes('|') || text.includes('\n')) throw new Error('statement field contains a separator');
  return text;
}

/** "achterom/<label>/v2|a|b|c": the exact bytes a signature covers. */
export function statement(label: string, fields: readonly StatementField[]): string {
  return [`achterom/${label}/v2`, ...fields.map(field)].join('|');
}

export function signStatement(sodium: Sodium, signSecretKey: Uint8Array, text: string): string {
  return toBase64(sodium, sodium.crypto_sign_detached(sodium.from_string(text), signSecretKey));
}

/** False for a wrong signature, a wrong key, or bytes that are not base64 of the right length. */
export function verifyStatement(sodium: Sodium, signPublicKey: string | Uint8Array, text: string, signature: string | null | undefined): boolean {
  if (!signature) return false;
  try {
    const pk = typeof signPublicKey === 'string' ? fromBase64(sodium, signPublicKey) : signPublicKey;
    const sig = fromBase64(sodium, signature);
    if (pk.length !== sodium.crypto_sign_PUBLICKEYBYTES || sig.length !== sodium.crypto_sign_BYTES) return false;
    return sodium.crypto_sign_verify_detached(sig, sodium.from_string(text), pk);
  } catch {
    return false;
  }
}

/** A case key and note key re-sealed to one member (need to know). */
export interface CaseGrantFacts {
  caseId: string;
  recipientId: string;
  recipientBoxPublicKey: string;
  sealedCaseKey: string;
  sealedNoteKey: string;
  granterId: string;
}
export const caseGrantStatement = (g: CaseGrantFacts) =>
  statement('case-grant', [g.caseId, g.recipientId, g.recipientBoxPublicKey, g.sealedCaseKey, g.sealedNoteKey, g.granterId]);

/** A case's note key sealed to the team key by the member who made it. */
export interface NoteKeyFacts {
  caseId: string;
  teamId: string;
  keyId: number;
  sealedNoteKey: string;
  makerId: string;
}
export const noteKeyStatement = (n: NoteKeyFacts) => statement('note-key', [n.caseId, n.teamId, n.keyId, n.sealedNoteKey, n.makerId]);

/** A team secret (box key of one id, or the team signing key) sealed to one member. */
export interface TeamKeyGrantFacts {
  teamId: string;
  kind: 'box' | 'sign';
  keyId: number;
  recipientId: string;
  recipientBoxPublicKey: string;
  sealedSecretKey: string;
  granterId: string;
}
export const teamKeyGrantStatement = (g: TeamKeyGrantFacts) =>
  statement('team-key-grant', [g.teamId, g.kind, g.keyId, g.recipientId, g.recipientBoxPublicKey, g.sealedSecretKey, g.granterId]);

/** A new team box key made by a team lead, before it is pinned in the bundle. */
export interface TeamKeyFacts {
  teamId: string;
  keyId: number;
  publicKey: string;
  creatorId: string;
}
export const teamKeyStatement = (k: TeamKeyFacts) => statement('team-key', [k.teamId, k.keyId, k.publicKey, k.creatorId]);
