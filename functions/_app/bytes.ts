// Small byte helpers on Web Crypto, so the Worker needs no libsodium.

export function base64ToBytes(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export async function sha256(bytes: Uint8Array | string): Promise<Uint8Array> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', data));
}

export async function sha256Base64(bytes: Uint8Array | string): Promise<string> {
  return bytesToBase64(await sha256(bytes));
}

/** Compares without an early exit, so timing does not tell how many bytes matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function randomToken(bytes = 32): string {
  const buf = crypto.getRandomValues(new Uint8Array(bytes));
  return bytesToBase64(buf).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Real ciphertext is uniformly random; text that is mostly printable ASCII is not ciphertext. */
export function looksLikePlaintext(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  let printable = 0;
  for (const b of bytes) if ((b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x0d || b === 0x09) printable++;
  // Random bytes are ~38% printable; 75% on 1 KiB or more is astronomically unlikely.
  return printable / bytes.length > 0.75;
}
