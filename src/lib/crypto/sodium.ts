// The one place that loads libsodium. Dynamic import keeps the ~500 KB sumo build
// (needed for argon2id) out of every first page load; callers await it only when
// they are about to encrypt or decrypt.
import type sodiumType from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodiumType;

let loading: Promise<Sodium> | undefined;

export function loadSodium(): Promise<Sodium> {
  loading ??= import('libsodium-wrappers-sumo').then(async (mod) => {
    const sodium = (mod.default ?? mod) as Sodium;
    await sodium.ready;
    return sodium;
  });
  return loading;
}

/** Wire format for every binary field: standard base64 with padding (valibot's base64() accepts it). */
export function toBase64(sodium: Sodium, bytes: Uint8Array): string {
  return sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
}

export function fromBase64(sodium: Sodium, text: string): Uint8Array {
  return sodium.from_base64(text, sodium.base64_variants.ORIGINAL);
}
