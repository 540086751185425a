// Messages after the first question, and internal staff notes (DESIGN section 3).
import { fromBase64, toBase64, type Sodium } from './sodium';
import { decryptPadded, encryptPadded, type BoxKeyPair, type OpenResult } from './caseEnvelope';
import { KEY_BYTES, MESSAGE_AD_VERSION } from './protocol';

export type MessageDirection = 'resident' | 'staff';

export interface MessageFacts {
  caseId: string;
  direction: MessageDirection;
  /** 1, 2, 3 … per case; the server refuses gaps and repeats, the AEAD detects reordering. */
  seq: number;
}

export interface SealedMessage {
  nonce: string;
  ciphertext: string;
}

export function messageAssociatedData(facts: MessageFacts): string {
  return `achterom/message/v${MESSAGE_AD_VERSION}|${facts.caseId}|${facts.direction}|${facts.seq}`;
}

export function noteAssociatedData(caseId: string, noteId: string): string {
  return `achterom/note/v${MESSAGE_AD_VERSION}|${caseId}|${noteId}`;
}

export function sealMessage(sodium: Sodium, caseKey: Uint8Array, facts: MessageFacts, payloadJson: string): SealedMessage {
  const { nonce, ciphertext } = encryptPadded(sodium, payloadJson, caseKey, messageAssociatedData(facts));
  return { nonce: toBase64(sodium, nonce), ciphertext: toBase64(sodium, ciphertext) };
}

function parseJson(text: OpenResult<string>): OpenResult<unknown> {
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch {
    return { ok: false, error: 'payload_not_json' };
  }
}

export function openMessage(sodium: Sodium, caseKey: Uint8Array, facts: MessageFacts, sealed: SealedMessage): OpenResult<unknown> {
  return parseJson(
    decryptPadded(sodium, fromBase64(sodium, sealed.ciphertext), fromBase64(sodium, sealed.nonce), caseKey, messageAssociatedData(facts)),
  );
}

export function sealNote(sodium: Sodium, noteKey: Uint8Array, caseId: string, noteId: string, payloadJson: string): SealedMessage {
  const { nonce, ciphertext } = encryptPadded(sodium, payloadJson, noteKey, noteAssociatedData(caseId, noteId));
  return { nonce: toBase64(sodium, nonce), ciphertext: toBase64(sodium, ciphertext) };
}

export function openNote(sodium: Sodium, noteKey: Uint8Array, caseId: string, noteId: string, sealed: SealedMessage): OpenResult<unknown> {
  return parseJson(
    decryptPadded(sodium, fromBase64(sodium, sealed.ciphertext), fromBase64(sodium, sealed.nonce), noteKey, noteAssociatedData(caseId, noteId)),
  );
}

/** A fresh random key for a case's internal notes; not derivable from the resident's code. */
export function makeNoteKey(sodium: Sodium): Uint8Array {
  return sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
}

/** Seals a 32-byte key to someone's box public key (team key or a staff member's key). */
export function sealKeyTo(sodium: Sodium, key: Uint8Array, boxPublicKey: string | Uint8Array): string {
  const pk = typeof boxPublicKey === 'string' ? fromBase64(sodium, boxPublicKey) : boxPublicKey;
  return toBase64(sodium, sodium.crypto_box_seal(key, pk));
}

export function openSealedKey(sodium: Sodium, sealed: string, keys: BoxKeyPair): OpenResult<Uint8Array> {
  try {
    const key = sodium.crypto_box_seal_open(fromBase64(sodium, sealed), keys.publicKey, keys.privateKey);
    return key.length === KEY_BYTES ? { ok: true, value: key } : { ok: false, error: 'sealed_key_unreadable' };
  } catch {
    return { ok: false, error: 'sealed_key_unreadable' };
  }
}
