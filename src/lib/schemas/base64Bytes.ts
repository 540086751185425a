import * as v from 'valibot';

/** Decoded length of standard padded base64, without decoding. */
export function base64DecodedLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** Standard base64 (libsodium ORIGINAL variant) that decodes to exactly `bytes` bytes. */
export function base64Bytes(bytes: number, label: string) {
  return v.pipe(
    v.string(`${label} must be a string`),
    v.base64(`${label} must be standard base64`),
    v.check((s) => base64DecodedLength(s) === bytes, `${label} must be ${bytes} bytes`),
  );
}
