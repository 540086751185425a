// Which files a resident may add to a message, decided before anything is read: a photo
// (JPEG, PNG, HEIC/HEIF where the browser can open it) or a PDF, at most 10 MB each
// before processing, at most five per message. Pure, so every message is unit-tested.
import { MAX_ATTACHMENTS } from '../../../lib/schemas/attachmentList';

/** 10 MB as people count it on a phone: the limit before a photo is made smaller. */
export const ATTACHMENT_INPUT_MAX_BYTES = 10 * 1024 * 1024;

/** What the file picker offers; types and extensions, because phones often give HEIC without a type. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/heic,image/heif,application/pdf,.jpg,.jpeg,.png,.heic,.heif,.pdf';

export type FileKind = 'photo' | 'pdf';

export type AttachmentProblem = { kind: 'tooMany' | 'tooLarge' | 'wrongType' | 'unreadable'; name: string };

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/heic', 'image/heif']);
const PHOTO_EXTENSIONS = /\.(jpe?g|png|heic|heif)$/i;

export interface FileFacts {
  name: string;
  type: string;
  size: number;
}

/** A photo or a PDF, or null for anything else. */
export function kindOf(file: FileFacts): FileKind | null {
  const type = file.type.toLowerCase();
  if (type === 'application/pdf' || (!type && /\.pdf$/i.test(file.name))) return 'pdf';
  if (PHOTO_TYPES.has(type) || ((!type || type === 'application/octet-stream') && PHOTO_EXTENSIONS.test(file.name))) return 'photo';
  return null;
}

/** Splits newly chosen files into those to prepare and what to tell the resident about the others. */
export function admitFiles<F extends FileFacts>(alreadyChosen: number, chosen: readonly F[]): { admitted: { file: F; kind: FileKind }[]; problems: AttachmentProblem[] } {
  const admitted: { file: F; kind: FileKind }[] = [];
  const problems: AttachmentProblem[] = [];
  for (const file of chosen) {
    const kind = kindOf(file);
    if (!kind) problems.push({ kind: 'wrongType', name: file.name });
    else if (file.size > ATTACHMENT_INPUT_MAX_BYTES) problems.push({ kind: 'tooLarge', name: file.name });
    else if (alreadyChosen + admitted.length >= MAX_ATTACHMENTS) problems.push({ kind: 'tooMany', name: file.name });
    else admitted.push({ file, kind });
  }
  return { admitted, problems };
}

/** The first bytes of a real PDF. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** A name the team sees: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!clean) return fallback;
  if (clean.length <= 120) return clean;
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(clean)?.[0] ?? '';
  return `${clean.slice(0, 120 - ext.length)}${ext}`;
}

/** The strings a file field needs, in the resident's language. */
export const FILE_FIELD_KEYS = [
  'form.files.label',
  'form.files.hint',
  'form.files.preparing',
  'form.files.chosen',
  'form.files.photoAlt',
  'form.files.photoNote',
  'form.files.pdfWarning',
  'form.files.remove',
  'form.files.error.tooMany',
  'form.files.error.tooLarge',
  'form.files.error.wrongType',
  'form.files.error.unreadable',
  'form.errorPrefix',
] as const;
export type FileFieldStrings = Record<(typeof FILE_FIELD_KEYS)[number], string>;

/** What the resident reads about a file that was not added. */
export function problemText(s: FileFieldStrings, problem: AttachmentProblem): string {
  return s[`form.files.error.${problem.kind}`].replace('{name}', problem.name);
}
