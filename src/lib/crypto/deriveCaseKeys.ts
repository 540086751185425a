import type { Sodium } from './sodium';
import {
  CASE_CODE_SALT_TEXT,
  CASE_KDF_CONTEXT,
  CASE_SUBKEY_CONTENT,
  CASE_SUBKEY_MAILBOX,
  KEY_BYTES,
} from './protocol';

export interface CaseKeys {
  /** Sent to the server to find the mailbox; the server stores only a hash of it. */
  mailboxId: Uint8Array;
  /** Never leaves the browser except sealed to the team key. */
  caseKey: Uint8Array;
}

/**
 * Stretches the 16-digit code with argon2id (INTERACTIVE limits: about a second on a
 * cheap phone) and splits it into two independent keys. Deterministic: the resident
 * stores nothing, the code re-derives both.
 */
export function deriveCaseKeys(sodium: Sodium, code: string): CaseKeys {
  const salt = sodium.from_string(CASE_CODE_SALT_TEXT);
  const seed = sodium.crypto_pwhash(
    KEY_BYTES,
    code,
    salt,
    sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE,
    sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const mailboxId = sodium.crypto_kdf_derive_from_key(KEY_BYTES, CASE_SUBKEY_MAILBOX, CASE_KDF_CONTEXT, seed);
  const caseKey = sodium.crypto_kdf_derive_from_key(KEY_BYTES, CASE_SUBKEY_CONTENT, CASE_KDF_CONTEXT, seed);
  sodium.memzero(seed);
  return { mailboxId, caseKey };
}
