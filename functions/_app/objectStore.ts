// The attachment store (R2): opaque objects under random keys. The API stores only what
// looks like a sealed object of one of the size classes (SecureDrop's rule, as for case
// envelopes), and deletes objects through the object_trash list, which a database
// trigger fills whenever an attachments row goes, however its case was deleted.
import type { Bindings } from './env';
import { NotAnEnvelopeError } from './errors';
import { looksLikePlaintext } from './bytes';
import { chunksOfObject, SECRETSTREAM_HEADER_BYTES } from '../../src/lib/crypto/attachmentBuckets';

/** Throws NotAnEnvelopeError unless these bytes can be a sealed attachment. */
export function assertSealedObject(bytes: Uint8Array): void {
  if (chunksOfObject(bytes.length) === null) {
    throw new NotAnEnvelopeError('Refused to store: an attachment must be a sealed object of one of the size classes');
  }
  // Sealed chunks are uniformly random; a file sent as it is (a PDF, a photo's EXIF) is not.
  for (const start of [SECRETSTREAM_HEADER_BYTES, Math.max(SECRETSTREAM_HEADER_BYTES, bytes.length - 4096)]) {
    if (looksLikePlaintext(bytes.subarray(start, start + 4096))) throw new NotAnEnvelopeError('Refused to store: the attachment looks like plaintext');
  }
}

/** The end of the UTC day after `now`, in seconds: how long an upload in progress stays pending (no finer time is kept). */
export function pendingUntil(now: Date): number {
  return (Math.floor(now.getTime() / 86_400_000) + 1) * 86_400;
}

/** D1 binds at most 100 values per statement. */
const KEYS_PER_ROUND = 100;

/**
 * Deletes every object whose row is gone (and uploads that died before their row was
 * written, once their day is over). Returns how many were deleted. Without a bucket
 * binding there is nothing to delete.
 */
export async function emptyTrash(env: Bindings, now: Date): Promise<number> {
  const bucket = env.FILES;
  if (!bucket) return 0;
  const seconds = Math.floor(now.getTime() / 1000);
  let deleted = 0;
  for (let round = 0; round < 50; round++) {
    const { results } = await env.DB.prepare('SELECT object_key FROM object_trash WHERE pending_until IS NULL OR pending_until <= ? LIMIT ?')
      .bind(seconds, KEYS_PER_ROUND)
      .all<{ object_key: string }>();
    if (!results.length) break;
    const keys = results.map((r) => r.object_key);
    await bucket.delete(keys);
    await env.DB.prepare(`DELETE FROM object_trash WHERE object_key IN (${keys.map(() => '?').join(', ')})`)
      .bind(...keys)
      .run();
    deleted += keys.length;
    if (keys.length < KEYS_PER_ROUND) break;
  }
  return deleted;
}

/** After a deletion: the objects go at once; if the bucket fails now, the hourly purge tries again. */
export async function emptyTrashAfterDelete(env: Bindings, now: Date): Promise<void> {
  try {
    await emptyTrash(env, now);
  } catch (err) {
    console.error(`emptying the object trash failed: ${(err as Error).name}`);
  }
}
