// The audit log's rows and hash chain, shared by the server (which appends) and the
// browsers of team leads and the privacy officer (which check). Each row's hash covers
// the previous row's hash and its own fields; version-2 rows also cover the acting
// member's signature, so a database writer can neither change nor forge a staff action.
import { statement } from '../crypto/signedStatement';

export const AUDIT_GENESIS = 'achterom/audit/genesis';

/** One audit row as the API serves it. Ids, roles and days only, never content. */
export interface AuditRecord {
  id: number;
  /** 1: before signatures (hash over the first nine fields); 2: signature and detail included. */
  v: number;
  day: string;
  staffId: string | null;
  /** intake, casemanager, teamlead, privacy; 'resident' or 'system' for the others. */
  role: string;
  teamId: string | null;
  action: string;
  caseId: string | null;
  subjectId: string | null;
  /** What the signature binds besides ids (a hash of the ciphertext, the new status …). */
  detail: string | null;
  signature: string | null;
  prevHash: string;
  hash: string;
}

/** Staff actions that exist only signed in version 2: a v2 row of one of these without a valid signature is forged. */
export const SIGNED_ACTIONS = new Set([
  'case.reply',
  'case.status',
  'case.assign',
  'case.note',
  'case.delete',
  'appointment.cancel',
  'case.junk',
  'appointment.move',
  'member.invite',
  'member.approve',
  'member.certify',
  'member.revoke',
  'member.passphrase',
  'team.key_rotate',
  'team.ceremony',
  'organisation.ceremony',
  'audit.checkpoint',
  'audit.export',
]);

/** Rows the server writes on its own (reads, purges, a resident's own deletion, activation) and the operator's invite from the command line. */
export const SERVER_ACTIONS = new Set(['case.read', 'case.purge', 'case.delete_by_resident', 'member.activate', 'admin.invite']);

function canonical(r: Omit<AuditRecord, 'hash'>): string {
  const v1 = [r.prevHash, r.id, r.day, r.staffId, r.role, r.teamId, r.action, r.caseId, r.subjectId];
  return JSON.stringify(r.v === 1 ? v1 : ['v2', ...v1, r.detail, r.signature]);
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** SHA-256 in standard base64 (Web Crypto: the same in Workers, Node and browsers). */
export async function sha256Text(text: string): Promise<string> {
  return base64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

export function auditHash(r: Omit<AuditRecord, 'hash'>): Promise<string> {
  return sha256Text(canonical(r));
}

/** What the acting member signs for one audit row. */
export interface ActionFacts {
  action: string;
  staffId: string;
  role: string;
  teamId: string | null;
  caseId: string | null;
  subjectId: string | null;
  day: string;
  detail: string;
}

export const actionStatement = (a: ActionFacts) =>
  statement('action', [a.action, a.staffId, a.role, a.teamId, a.caseId, a.subjectId, a.day, a.detail]);

// The detail of each signed action: computed the same way by the console that signs
// and the server that checks; hashes keep ciphertext out of the log.
export const actionDetail = {
  reply: async (seq: number, nonce: string, ciphertext: string) => `seq=${seq};ct=${await sha256Text(`${nonce}.${ciphertext}`)}`,
  /** Junk removed by a team lead: the selection (ids by their hash, or an unopened day). */
  junk: async (selection: { kind: 'ids'; ids: string[] } | { kind: 'unopened'; day: string }) =>
    selection.kind === 'ids' ? `ids=${await sha256Text([...selection.ids].sort().join(','))}` : `unopened=${selection.day}`,
  /** A booking cancelled (slot "none") or moved by staff, with the message that tells the resident. */
  appointment: async (slotId: string, seq: number, nonce: string, ciphertext: string) => `slot=${slotId};seq=${seq};ct=${await sha256Text(`${nonce}.${ciphertext}`)}`,
  note: async (noteId: string, nonce: string, ciphertext: string) => `note=${noteId};ct=${await sha256Text(`${nonce}.${ciphertext}`)}`,
  status: (status: string) => `status=${status}`,
  assign: async (grantSignature: string) => `grant=${await sha256Text(grantSignature)}`,
  certificate: async (certificate: string) => `cert=${await sha256Text(certificate)}`,
  invite: (role: string) => `role=${role}`,
  rotate: async (keyId: number, publicKey: string) => `key=${keyId};pk=${await sha256Text(publicKey)}`,
  /** A new team's first keys: box key 1 and the signing key. */
  /** The organisation's signing key, made by the first privacy officer. */
  organisation: async (signPublicKey: string) => `sign=${await sha256Text(signPublicKey)}`,
  ceremony: async (boxPublicKey: string, signPublicKey: string) => `box=${await sha256Text(boxPublicKey)};sign=${await sha256Text(signPublicKey)}`,
  checkpoint: (headId: number, headHash: string) => `head=${headId};hash=${headHash}`,
  /** How many rows went out, and under which filter (names of fields only, no values). */
  export: (rows: number, filter: string) => `rows=${rows};filter=${filter}`,
  none: () => '',
};
