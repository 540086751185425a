// Makes a chosen file ready to seal, in this browser (DOM: createImageBitmap and canvas).
// A photo is decoded with its orientation applied, made at most 2,000 px on its longest
// side and encoded again as a new JPEG: the new file carries only pixels, so EXIF (GPS
// position, device, time) and every other kind of metadata stay behind. A PDF is kept as
// it is; the form warns that it may hold personal data.
import type { AttachmentRef } from '../../../lib/schemas/attachmentRef';
import { cleanFileName, looksLikePdf, type AttachmentProblem, type FileKind } from './attachmentRules';

export const PHOTO_MAX_PIXELS = 2000;
const JPEG_QUALITY = 0.85;

export interface PreparedAttachment {
  /** Random; names the file in the message and on upload. */
  id: string;
  kind: FileKind;
  name: string;
  type: AttachmentRef['type'];
  bytes: Uint8Array;
  /** Blob URL of the re-encoded photo (what the team will get), for the preview; revoke it when done. */
  previewUrl: string | null;
}

export type Prepared = { ok: true; value: PreparedAttachment } | { ok: false; problem: AttachmentProblem };

export async function prepareAttachment(file: File, kind: FileKind, photoNumber: number): Promise<Prepared> {
  const id = crypto.randomUUID();
  if (kind === 'pdf') {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!looksLikePdf(bytes)) return { ok: false, problem: { kind: 'wrongType', name: file.name } };
    return { ok: true, value: { id, kind, name: cleanFileName(file.name, 'document.pdf'), type: 'application/pdf', bytes, previewUrl: null } };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // HEIC in a browser that cannot decode it, or not a picture at all.
    return { ok: false, problem: { kind: 'unreadable', name: file.name } };
  }
  const scale = Math.min(1, PHOTO_MAX_PIXELS / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) {
    bitmap.close();
    return { ok: false, problem: { kind: 'unreadable', name: file.name } };
  }
  // A transparent PNG gets a white background, as it looked on paper.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) return { ok: false, problem: { kind: 'unreadable', name: file.name } };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // The original name often holds a date and time (IMG_20260112_093012.jpg): the team gets a plain one.
  return { ok: true, value: { id, kind, name: `foto-${photoNumber}.jpg`, type: 'image/jpeg', bytes, previewUrl: URL.createObjectURL(blob) } };
}

/** Forgets a prepared file: its preview URL is revoked and its bytes zeroed. */
export function discardAttachment(a: PreparedAttachment): void {
  if (a.previewUrl) URL.revokeObjectURL(a.previewUrl);
  a.bytes.fill(0);
}
