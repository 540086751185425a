// Seals prepared files and uploads them with the code's mailbox id. Sealing happens once
// libsodium is loaded (on send); each upload carries its own proof of work. The keys go
// into the message (AttachmentRef), the sealed objects to the API, nothing else.
import { sealAttachment } from '../../../lib/crypto/attachmentCipher';
import { toBase64, type Sodium } from '../../../lib/crypto/sodium';
import type { AttachmentRef } from '../../../lib/schemas/attachmentRef';
import { ATTACHMENT_ID_HEADER, ATTACHMENT_MAILBOX_HEADER } from '../../../lib/schemas/attachmentUpload';
import type { PreparedAttachment } from './prepareAttachment';

export interface SealedFile {
  ref: AttachmentRef;
  object: Uint8Array;
}

export function sealFiles(sodium: Sodium, files: readonly PreparedAttachment[]): SealedFile[] {
  return files.map((file) => {
    const sealed = sealAttachment(sodium, file.bytes);
    // Prepared files are at most 10 MB (checked when chosen); a photo only gets smaller.
    if (!sealed.ok) throw new Error(sealed.error);
    const ref: AttachmentRef = { id: file.id, key: toBase64(sodium, sealed.value.key), name: file.name, type: file.type, size: file.bytes.length };
    sodium.memzero(sealed.value.key);
    return { ref, object: sealed.value.object };
  });
}

export type UploadFile = (mailboxId: string, file: SealedFile, proof: Record<string, string>, signal: AbortSignal) => Promise<Response>;

/** What the browser uses: a POST that carries no cookie or referrer, and only the sealed bytes. */
export const browserUpload: UploadFile = (mailboxId, file, proof, signal) =>
  fetch('/api/mailbox/attachments', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', [ATTACHMENT_MAILBOX_HEADER]: mailboxId, [ATTACHMENT_ID_HEADER]: file.ref.id, ...proof },
    body: file.object.slice(),
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    signal,
  });

/** Uploads one by one; returns how many did not arrive (the message itself has gone already, or goes anyway). */
export async function uploadFiles(
  mailboxId: string,
  files: readonly SealedFile[],
  proofs: readonly Promise<Record<string, string>>[],
  signal: AbortSignal,
  upload: UploadFile = browserUpload,
): Promise<number> {
  let missing = 0;
  for (const [i, file] of files.entries()) {
    signal.throwIfAborted();
    try {
      const response = await upload(mailboxId, file, await proofs[i]!, signal);
      if (response.status !== 201) missing++;
    } catch (err) {
      if (signal.aborted) throw err;
      missing++;
    }
  }
  return missing;
}
