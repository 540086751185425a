// Bodies of the staff case endpoints. Every content field is ciphertext.
import * as v from 'valibot';
import { aeadNonce, paddedCiphertext, sealedKey } from './sealedBlob';
import { messageSeq } from './mailboxRequest';

export const caseStatus = v.picklist(['nieuw', 'in_behandeling', 'afgerond'], 'status must be nieuw, in_behandeling or afgerond');
export type CaseStatus = v.InferOutput<typeof caseStatus>;

export const staffId = v.pipe(v.string('staffId must be a string'), v.regex(/^[a-z0-9-]{1,80}$/, 'staffId is not a staff id'));

export const StaffReply = v.strictObject(
  { seq: messageSeq, nonce: aeadNonce, ciphertext: paddedCiphertext },
  'must be an object with exactly the fields seq, nonce, ciphertext',
);
export type StaffReply = v.InferOutput<typeof StaffReply>;

export const StatusChange = v.strictObject({ status: caseStatus }, 'must be an object with exactly the field status');
export type StatusChange = v.InferOutput<typeof StatusChange>;

export const CaseGrantRequest = v.strictObject(
  { staffId, sealedCaseKey: sealedKey('sealedCaseKey'), sealedNoteKey: sealedKey('sealedNoteKey') },
  'must be an object with exactly the fields staffId, sealedCaseKey, sealedNoteKey',
);
export type CaseGrantRequest = v.InferOutput<typeof CaseGrantRequest>;

/** The first staff member to open a case makes its note key and seals it to the team key. */
export const NoteKeyRequest = v.strictObject({ sealedNoteKey: sealedKey('sealedNoteKey') }, 'must be an object with exactly the field sealedNoteKey');
export type NoteKeyRequest = v.InferOutput<typeof NoteKeyRequest>;

export const noteId = v.pipe(v.string('id must be a string'), v.uuid('id must be a UUID'));

export const NoteRequest = v.strictObject(
  { id: noteId, nonce: aeadNonce, ciphertext: paddedCiphertext },
  'must be an object with exactly the fields id, nonce, ciphertext',
);
export type NoteRequest = v.InferOutput<typeof NoteRequest>;
