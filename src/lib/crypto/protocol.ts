// Constants of the wire protocol. Changing any of these breaks every existing code
// and envelope, so a change needs a new PROTOCOL_VERSION.
export const PROTOCOL_VERSION = 1;

/** Fixed, public salt for stretching case codes (argon2id needs 16 bytes). */
export const CASE_CODE_SALT_TEXT = 'achterom/case/v1';

/** crypto_kdf contexts are exactly 8 characters. */
export const CASE_KDF_CONTEXT = 'achtcase';
export const STAFF_KDF_CONTEXT = 'achtstaf';

export const CASE_SUBKEY_MAILBOX = 1;
export const CASE_SUBKEY_CONTENT = 2;
export const STAFF_SUBKEY_AUTH = 1;
export const STAFF_SUBKEY_WRAP = 2;

/** Payloads are padded to whole blocks so the ciphertext size says little about the text. */
export const PAD_BLOCK_BYTES = 1024;
/** 16 blocks: far more than the longest question the form allows. */
export const MAX_PADDED_BYTES = 16 * PAD_BLOCK_BYTES;

export const AEAD_NONCE_BYTES = 24;
export const AEAD_TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** crypto_box_seal output for a 32-byte key: 32 (ephemeral pk) + 32 + 16 (MAC). */
export const SEALED_KEY_BYTES = 80;
