// An attachment, sealed in the browser: a fresh random key per file, the file padded
// to a size class (attachmentBuckets.ts) and sealed in 64 KiB chunks with libsodium's
// crypto_secretstream_xchacha20poly1305. The key travels inside the message that
// carries the file (question or follow-up), so whoever can read the message can read
// the file, and no one else. Opening checks every chunk and the end of the stream: a
// changed, swapped, reordered or cut chunk gives AttachmentTampered.
import type { Sodium } from './sodium';
import {
  ATTACHMENT_CHUNK_BYTES,
  SECRETSTREAM_ABYTES,
  SECRETSTREAM_HEADER_BYTES,
  bucketChunksFor,
  chunksOfObject,
} from './attachmentBuckets';

/** Bound to every chunk, so a stream made for something else does not open as an attachment. */
const ATTACHMENT_AD = 'achterom/attachment/v1';

export interface SealedAttachment {
  /** 32 random bytes; goes into the message payload, never to the server in the clear. */
  key: Uint8Array;
  /** Stream header and sealed chunks: what is uploaded. */
  object: Uint8Array;
}

export type AttachmentOpenError =
  /** A chunk does not authenticate, or the stream ends early or goes on after its end. */
  | { name: 'AttachmentTampered'; chunk: number }
  /** The object is not one of the sizes an attachment can have, or too small for the file. */
  | { name: 'AttachmentWrongSize' };

export type AttachmentOpenResult = { ok: true; bytes: Uint8Array } | { ok: false; error: AttachmentOpenError };

export type AttachmentSealResult = { ok: true; value: SealedAttachment } | { ok: false; error: 'AttachmentTooLarge' };

export function sealAttachment(sodium: Sodium, file: Uint8Array): AttachmentSealResult {
  const chunks = bucketChunksFor(file.length);
  if (chunks === null) return { ok: false, error: 'AttachmentTooLarge' };
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const object = new Uint8Array(SECRETSTREAM_HEADER_BYTES + chunks * (ATTACHMENT_CHUNK_BYTES + SECRETSTREAM_ABYTES));
  object.set(header, 0);
  const plain = new Uint8Array(ATTACHMENT_CHUNK_BYTES);
  for (let i = 0; i < chunks; i++) {
    // The padding is zeros past the end of the file; the real size is in the message.
    plain.fill(0);
    plain.set(file.subarray(i * ATTACHMENT_CHUNK_BYTES, (i + 1) * ATTACHMENT_CHUNK_BYTES));
    const tag = i === chunks - 1 ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, plain, ATTACHMENT_AD, tag);
    object.set(sealed, SECRETSTREAM_HEADER_BYTES + i * (ATTACHMENT_CHUNK_BYTES + SECRETSTREAM_ABYTES));
  }
  sodium.memzero(plain);
  return { ok: true, value: { key, object } };
}

/** Opens an object with the key and size from the message; returns the file's bytes. */
export function openAttachment(sodium: Sodium, object: Uint8Array, key: Uint8Array, size: number): AttachmentOpenResult {
  const chunks = chunksOfObject(object.length);
  if (chunks === null || !Number.isInteger(size) || size < 0 || size > chunks * ATTACHMENT_CHUNK_BYTES) {
    return { ok: false, error: { name: 'AttachmentWrongSize' } };
  }
  let state;
  try {
    state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(object.subarray(0, SECRETSTREAM_HEADER_BYTES), key);
  } catch {
    return { ok: false, error: { name: 'AttachmentTampered', chunk: 0 } };
  }
  const out = new Uint8Array(chunks * ATTACHMENT_CHUNK_BYTES);
  const stride = ATTACHMENT_CHUNK_BYTES + SECRETSTREAM_ABYTES;
  for (let i = 0; i < chunks; i++) {
    const start = SECRETSTREAM_HEADER_BYTES + i * stride;
    let opened: { message: Uint8Array; tag: number } | false;
    try {
      opened = sodium.crypto_secretstream_xchacha20poly1305_pull(state, object.subarray(start, start + stride), ATTACHMENT_AD);
    } catch {
      opened = false;
    }
    const last = i === chunks - 1;
    const expectedTag = last ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    if (!opened || opened.tag !== expectedTag || opened.message.length !== ATTACHMENT_CHUNK_BYTES) {
      out.fill(0);
      return { ok: false, error: { name: 'AttachmentTampered', chunk: i } };
    }
    out.set(opened.message, i * ATTACHMENT_CHUNK_BYTES);
  }
  // The padding must be zeros: anything else was not made by sealAttachment.
  for (let i = size; i < out.length; i++) {
    if (out[i] !== 0) {
      out.fill(0);
      return { ok: false, error: { name: 'AttachmentTampered', chunk: Math.floor(i / ATTACHMENT_CHUNK_BYTES) } };
    }
  }
  return { ok: true, bytes: out.subarray(0, size) };
}
