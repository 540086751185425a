// The sizes an encrypted attachment may have on the server. No libsodium here: the API
// checks uploads against these numbers, and the browser pads every file up to one of them.
// A file is cut into chunks of ATTACHMENT_CHUNK_BYTES, each sealed with
// crypto_secretstream_xchacha20poly1305; the stored object is the stream header and the
// sealed chunks, padded to a number of chunks from ATTACHMENT_BUCKET_CHUNKS, so the
// server learns only a size class (64 KiB to 10 MiB), never the exact size.

export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;
/** crypto_secretstream_xchacha20poly1305_HEADERBYTES and _ABYTES. */
export const SECRETSTREAM_HEADER_BYTES = 24;
export const SECRETSTREAM_ABYTES = 17;
/** 10 MiB: the largest file a resident may attach (before a photo is made smaller). */
export const ATTACHMENT_MAX_BYTES = 160 * ATTACHMENT_CHUNK_BYTES;
/** Size classes, in chunks; the last one holds ATTACHMENT_MAX_BYTES. */
export const ATTACHMENT_BUCKET_CHUNKS = [1, 2, 4, 8, 16, 24, 32, 48, 64, 96, 128, 160] as const;

/** Bytes of a stored object that holds this many chunks. */
export function objectBytesFor(chunks: number): number {
  return SECRETSTREAM_HEADER_BYTES + chunks * (ATTACHMENT_CHUNK_BYTES + SECRETSTREAM_ABYTES);
}

/** Every size the API accepts for an attachment object. */
export const ATTACHMENT_OBJECT_SIZES: readonly number[] = ATTACHMENT_BUCKET_CHUNKS.map(objectBytesFor);
export const ATTACHMENT_MAX_OBJECT_BYTES = objectBytesFor(ATTACHMENT_BUCKET_CHUNKS[ATTACHMENT_BUCKET_CHUNKS.length - 1]!);

/** The number of chunks a file of `size` bytes is padded to, or null when it is too large. */
export function bucketChunksFor(size: number): number | null {
  const needed = Math.max(1, Math.ceil(size / ATTACHMENT_CHUNK_BYTES));
  return ATTACHMENT_BUCKET_CHUNKS.find((c) => c >= needed) ?? null;
}

/** The chunk count of an object of this many bytes, or null when it is not a bucket size. */
export function chunksOfObject(bytes: number): number | null {
  return ATTACHMENT_BUCKET_CHUNKS.find((c) => objectBytesFor(c) === bytes) ?? null;
}
