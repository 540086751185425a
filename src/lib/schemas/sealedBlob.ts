import * as v from 'valibot';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES, MAX_PADDED_BYTES, PAD_BLOCK_BYTES, SEALED_KEY_BYTES } from '../crypto/protocol';
import { base64Bytes, base64DecodedLength } from './base64Bytes';

/** Ciphertext of a padded payload: whole 1 KiB blocks plus the AEAD tag. */
export const paddedCiphertext = v.pipe(
  v.string('ciphertext must be a string'),
  v.base64('ciphertext must be standard base64'),
  v.check((s) => {
    const plain = base64DecodedLength(s) - AEAD_TAG_BYTES;
    return plain > 0 && plain <= MAX_PADDED_BYTES && plain % PAD_BLOCK_BYTES === 0;
  }, `ciphertext must be a padded payload of 1 to ${MAX_PADDED_BYTES / PAD_BLOCK_BYTES} blocks of ${PAD_BLOCK_BYTES} bytes plus a ${AEAD_TAG_BYTES}-byte tag`),
);

export const aeadNonce = base64Bytes(AEAD_NONCE_BYTES, 'nonce');

/** A 32-byte key sealed with crypto_box_seal. */
export const sealedKey = (label: string) => base64Bytes(SEALED_KEY_BYTES, label);
