import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, type Sodium } from './sodium';
import { openAttachment, sealAttachment } from './attachmentCipher';
import {
  ATTACHMENT_CHUNK_BYTES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_OBJECT_SIZES,
  SECRETSTREAM_ABYTES,
  SECRETSTREAM_HEADER_BYTES,
  bucketChunksFor,
  objectBytesFor,
} from './attachmentBuckets';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

function sealed(bytes: Uint8Array) {
  const r = sealAttachment(sodium, bytes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Random test files (Web Crypto fills at most 64 KiB per call; libsodium's randombytes_buf is slow for megabytes). */
function fileOf(size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65_536) crypto.getRandomValues(out.subarray(i, Math.min(size, i + 65_536)));
  return out;
}
const STRIDE = ATTACHMENT_CHUNK_BYTES + SECRETSTREAM_ABYTES;

describe('attachment cipher (secretstream in chunks, padded to size classes)', () => {
  it('round trips files of many sizes, each padded to a size class the API accepts', () => {
    for (const size of [0, 1, 1000, ATTACHMENT_CHUNK_BYTES, ATTACHMENT_CHUNK_BYTES + 1, 300_000, 1_500_000]) {
      const file = fileOf(size);
      const { key, object } = sealed(file);
      expect(ATTACHMENT_OBJECT_SIZES).toContain(object.length);
      expect(object.length).toBe(objectBytesFor(bucketChunksFor(size)!));
      const opened = openAttachment(sodium, object, key, size);
      expect(opened.ok && Buffer.from(opened.bytes).equals(Buffer.from(file))).toBe(true);
    }
  });

  it('hides the exact size: files of 70 KB and 120 KB give objects of the same size', () => {
    expect(sealed(fileOf(70_000)).object.length).toBe(sealed(fileOf(120_000)).object.length);
  });

  it('uses a fresh key per file, and no plaintext survives in the object', () => {
    const text = new TextEncoder().encode('SENTINEL-attachment '.repeat(500));
    const a = sealed(text);
    const b = sealed(text);
    expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(false);
    expect(Buffer.from(a.object).includes('SENTINEL')).toBe(false);
  });

  it('refuses files over 10 MiB', () => {
    expect(sealAttachment(sodium, new Uint8Array(ATTACHMENT_MAX_BYTES)).ok).toBe(true);
    expect(sealAttachment(sodium, new Uint8Array(ATTACHMENT_MAX_BYTES + 1))).toEqual({ ok: false, error: 'AttachmentTooLarge' });
  });

  it('a flipped byte in any chunk fails with AttachmentTampered naming the chunk', () => {
    const file = fileOf(3 * ATTACHMENT_CHUNK_BYTES + 10);
    const { key, object } = sealed(file);
    for (const chunk of [0, 1, 3]) {
      const bad = object.slice();
      bad[SECRETSTREAM_HEADER_BYTES + chunk * STRIDE + 40]! ^= 1;
      expect(openAttachment(sodium, bad, key, file.length)).toEqual({ ok: false, error: { name: 'AttachmentTampered', chunk } });
    }
    const badHeader = object.slice();
    badHeader[3]! ^= 1;
    expect(openAttachment(sodium, badHeader, key, file.length)).toMatchObject({ ok: false, error: { name: 'AttachmentTampered' } });
  });

  it('swapped chunks, a wrong key and an object cut to a smaller size class all fail', () => {
    const file = fileOf(3 * ATTACHMENT_CHUNK_BYTES);
    const { key, object } = sealed(file);
    const swapped = object.slice();
    swapped.set(object.subarray(SECRETSTREAM_HEADER_BYTES + STRIDE, SECRETSTREAM_HEADER_BYTES + 2 * STRIDE), SECRETSTREAM_HEADER_BYTES);
    swapped.set(object.subarray(SECRETSTREAM_HEADER_BYTES, SECRETSTREAM_HEADER_BYTES + STRIDE), SECRETSTREAM_HEADER_BYTES + STRIDE);
    expect(openAttachment(sodium, swapped, key, file.length)).toEqual({ ok: false, error: { name: 'AttachmentTampered', chunk: 0 } });
    expect(openAttachment(sodium, object, sodium.crypto_secretstream_xchacha20poly1305_keygen(), file.length)).toMatchObject({ ok: false, error: { name: 'AttachmentTampered' } });
    // 4 chunks cut to 2: a valid size class, but the stream has not ended.
    const cut = object.slice(0, objectBytesFor(2));
    expect(openAttachment(sodium, cut, key, 2 * ATTACHMENT_CHUNK_BYTES)).toEqual({ ok: false, error: { name: 'AttachmentTampered', chunk: 1 } });
    expect(openAttachment(sodium, object.slice(0, object.length - 1), key, file.length)).toEqual({ ok: false, error: { name: 'AttachmentWrongSize' } });
    expect(openAttachment(sodium, object, key, 5 * ATTACHMENT_CHUNK_BYTES)).toEqual({ ok: false, error: { name: 'AttachmentWrongSize' } });
  });

  it('a size smaller than the sealed file shows as tampering (the padding is not zeros)', () => {
    const file = fileOf(1000);
    const { key, object } = sealed(file);
    expect(openAttachment(sodium, object, key, 500)).toMatchObject({ ok: false, error: { name: 'AttachmentTampered' } });
  });
});
