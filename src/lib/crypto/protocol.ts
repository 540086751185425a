// Constants of the wire protocol. Changing any of these breaks every existing code
// and envelope, so a change needs a new PROTOCOL_VERSION.
// Version 2 adds the team key id to the case's associated data (key rotation) and
// signed keys, certificates and staff actions (docs: README "Protocol version 2").
export const PROTOCOL_VERSION = 2;
/** Cases made before version 2: no key id (they were sealed to team key 1). */
export const LEGACY_PROTOCOL_VERSION = 1;
/** Messages and notes kept their version-1 associated data, so old conversations stay readable. */
export const MESSAGE_AD_VERSION = 1;

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

/** Ed25519 detached signatures. */
export const SIGNATURE_BYTES = 64;
