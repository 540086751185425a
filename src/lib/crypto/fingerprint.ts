import { fromBase64, type Sodium } from './sodium';

/** BLAKE2b-128 of a public key as 8 groups of 4 hex digits, for reading aloud or comparing on paper. */
export function keyFingerprint(sodium: Sodium, publicKeyBase64: string): string {
  const hex = sodium.to_hex(sodium.crypto_generichash(16, fromBase64(sodium, publicKeyBase64), null));
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}
