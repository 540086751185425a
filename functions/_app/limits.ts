import { bodyLimit } from 'hono/body-limit';
import { apiError } from './errors';

/** A body limit that answers 413 in the API's JSON error shape. */
export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw apiError(413, 'body_too_large', `The body may be at most ${maxSize} bytes`);
    },
  });
}

/** Bodies with one padded ciphertext of at most 16 KiB (about 22 KiB as base64). */
export const CIPHERTEXT_BODY_LIMIT = 32 * 1024;
/** Bodies with only ids, keys and small fields. */
export const SMALL_BODY_LIMIT = 4 * 1024;
