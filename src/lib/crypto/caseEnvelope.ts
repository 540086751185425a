// Sealing and opening a case (DESIGN section 3). Works on bytes and plain JSON
// strings; schemas for what is inside live in src/lib/schemas.
import { fromBase64, toBase64, type Sodium } from './sodium';
import { AEAD_NONCE_BYTES, KEY_BYTES, LEGACY_PROTOCOL_VERSION, PAD_BLOCK_BYTES, PROTOCOL_VERSION } from './protocol';
import { deriveCaseKeys } from './deriveCaseKeys';

export type CaseKind = 'question' | 'appointment';
/** handler: only the person handling the case may read it; team: the team may discuss it. */
export type CaseConsent = 'handler' | 'team';

/** What the resident's browser POSTs: only ciphertext and routing facts. */
export interface SealedCase {
  v: typeof PROTOCOL_VERSION;
  teamId: string;
  kind: CaseKind;
  /** In the clear because the API enforces it (at most one grant beyond intake); bound by the AEAD. */
  consent: CaseConsent;
  /** Which of the team's pinned box keys sealed the case key (bound in the associated data). */
  keyId: number;
  mailboxId: string;
  nonce: string;
  ciphertext: string;
  sealedKey: string;
}

export type OpenResult<T> = { ok: true; value: T } | { ok: false; error: OpenError };

export type OpenError =
  | 'sealed_key_unreadable' // not sealed to this team key, or altered
  | 'ciphertext_unreadable' // wrong key, or ciphertext, nonce, team, kind or consent altered
  | 'padding_invalid'
  | 'payload_not_json';

export interface CaseFacts {
  teamId: string;
  kind: CaseKind;
  consent: CaseConsent;
  /** Team key id; version-1 cases have none (they were sealed to key 1). */
  keyId?: number | null;
}

/** Binds the ciphertext to the facts the server sees: changing team, kind, consent or key id breaks it. */
export function caseAssociatedData(facts: CaseFacts, version: number = PROTOCOL_VERSION): string {
  const base = `achterom/case/v${version}|${facts.teamId}|${facts.kind}|${facts.consent}`;
  return version === LEGACY_PROTOCOL_VERSION ? base : `${base}|key${facts.keyId ?? 'none'}`;
}

/** The team key id a stored case was sealed to: version-1 cases used key 1. */
export function caseKeyId(stored: { protocol: number; keyId?: number | null }): number | null {
  if (stored.protocol === LEGACY_PROTOCOL_VERSION) return 1;
  return typeof stored.keyId === 'number' ? stored.keyId : null;
}

export function encryptPadded(sodium: Sodium, text: string, key: Uint8Array, associatedData: string) {
  const padded = sodium.pad(sodium.from_string(text), PAD_BLOCK_BYTES);
  const nonce = sodium.randombytes_buf(AEAD_NONCE_BYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, associatedData, null, nonce, key);
  return { nonce, ciphertext };
}

export function decryptPadded(
  sodium: Sodium,
  ciphertext: Uint8Array,
  nonce: Uint8Array,
  key: Uint8Array,
  associatedData: string,
): OpenResult<string> {
  let padded: Uint8Array;
  try {
    padded = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, associatedData, nonce, key);
  } catch {
    return { ok: false, error: 'ciphertext_unreadable' };
  }
  try {
    return { ok: true, value: sodium.to_string(sodium.unpad(padded, PAD_BLOCK_BYTES)) };
  } catch {
    return { ok: false, error: 'padding_invalid' };
  }
}

export interface SealCaseInput {
  code: string;
  teamId: string;
  teamPublicKey: string;
  /** Id of teamPublicKey among the team's pinned keys. */
  teamKeyId: number;
  kind: CaseKind;
  consent: CaseConsent;
  /** JSON text of a payload that already passed its schema. */
  payloadJson: string;
}

export function sealCase(sodium: Sodium, input: SealCaseInput): SealedCase {
  const { mailboxId, caseKey } = deriveCaseKeys(sodium, input.code);
  const ad = caseAssociatedData({ ...input, keyId: input.teamKeyId });
  const { nonce, ciphertext } = encryptPadded(sodium, input.payloadJson, caseKey, ad);
  const sealedKey = sodium.crypto_box_seal(caseKey, fromBase64(sodium, input.teamPublicKey));
  sodium.memzero(caseKey);
  return {
    v: PROTOCOL_VERSION,
    teamId: input.teamId,
    kind: input.kind,
    consent: input.consent,
    keyId: input.teamKeyId,
    mailboxId: toBase64(sodium, mailboxId),
    nonce: toBase64(sodium, nonce),
    ciphertext: toBase64(sodium, ciphertext),
    sealedKey: toBase64(sodium, sealedKey),
  };
}

/** The pinned key a resident seals to: the team's current box key and its id. */
export interface SealingTeam {
  id: string;
  publicKey: string;
  keyId: number;
}

/** Seals a case to a team's current pinned key (the form flows use this). */
export function sealCaseForTeam(sodium: Sodium, team: SealingTeam, input: Omit<SealCaseInput, 'teamId' | 'teamPublicKey' | 'teamKeyId'>): SealedCase {
  return sealCase(sodium, { ...input, teamId: team.id, teamPublicKey: team.publicKey, teamKeyId: team.keyId });
}

export interface BoxKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export interface StoredCase extends CaseFacts {
  protocol: number;
  nonce: string;
  ciphertext: string;
  sealedKey: string;
}

/** Staff side: unseal the case key with the team key pair. */
export function openCaseKey(sodium: Sodium, sealedKey: string, teamKeys: BoxKeyPair): OpenResult<Uint8Array> {
  try {
    const key = sodium.crypto_box_seal_open(fromBase64(sodium, sealedKey), teamKeys.publicKey, teamKeys.privateKey);
    if (key.length !== KEY_BYTES) return { ok: false, error: 'sealed_key_unreadable' };
    return { ok: true, value: key };
  } catch {
    return { ok: false, error: 'sealed_key_unreadable' };
  }
}

/** Decrypts a case's payload to JSON (unknown: the caller validates it with a schema). */
export function openCasePayload(sodium: Sodium, stored: Omit<StoredCase, 'sealedKey'>, caseKey: Uint8Array): OpenResult<unknown> {
  const text = decryptPadded(
    sodium,
    fromBase64(sodium, stored.ciphertext),
    fromBase64(sodium, stored.nonce),
    caseKey,
    caseAssociatedData(stored, stored.protocol),
  );
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch {
    return { ok: false, error: 'payload_not_json' };
  }
}

export function openCase(sodium: Sodium, stored: StoredCase, teamKeys: BoxKeyPair): OpenResult<unknown> {
  const key = openCaseKey(sodium, stored.sealedKey, teamKeys);
  if (!key.ok) return key;
  const payload = openCasePayload(sodium, stored, key.value);
  sodium.memzero(key.value);
  return payload;
}
