// Bodies of the staff case endpoints. Every content field is ciphertext.
import * as v from 'valibot';
import { aeadNonce, paddedCiphertext, sealedKey } from './sealedBlob';
import { messageSeq } from './mailboxRequest';
import { signature, SignedAction } from './signedAction';

export const caseStatus = v.picklist(['nieuw', 'in_behandeling', 'afgerond'], 'status must be nieuw, in_behandeling or afgerond');
export type CaseStatus = v.InferOutput<typeof caseStatus>;

export const staffId = v.pipe(v.string('staffId must be a string'), v.regex(/^[a-z0-9-]{1,80}$/, 'staffId is not a staff id'));

export const StaffReply = v.strictObject(
  { seq: messageSeq, nonce: aeadNonce, ciphertext: paddedCiphertext, signed: SignedAction },
  'must be an object with exactly the fields seq, nonce, ciphertext, signed',
);
export type StaffReply = v.InferOutput<typeof StaffReply>;

export const StatusChange = v.strictObject({ status: caseStatus, signed: SignedAction }, 'must be an object with exactly the fields status, signed');
export type StatusChange = v.InferOutput<typeof StatusChange>;

export const CaseGrantRequest = v.strictObject(
  {
    staffId,
    sealedCaseKey: sealedKey('sealedCaseKey'),
    sealedNoteKey: sealedKey('sealedNoteKey'),
    /** The assigner's signature over case, recipient, the recipient's box key and both sealed keys. */
    grantSignature: signature('grantSignature'),
    signed: SignedAction,
  },
  'must be an object with exactly the fields staffId, sealedCaseKey, sealedNoteKey, grantSignature, signed',
);
export type CaseGrantRequest = v.InferOutput<typeof CaseGrantRequest>;

/** The first staff member to open a case makes its note key and seals it to the team key. */
export const NoteKeyRequest = v.strictObject(
  { sealedNoteKey: sealedKey('sealedNoteKey'), keyId: v.pipe(v.number('keyId must be a number'), v.integer('keyId must be a whole number'), v.minValue(1, 'keyId must be 1 or more')), signature: signature('signature') },
  'must be an object with exactly the fields sealedNoteKey, keyId, signature',
);
export type NoteKeyRequest = v.InferOutput<typeof NoteKeyRequest>;

export const noteId = v.pipe(v.string('id must be a string'), v.uuid('id must be a UUID'));

export const NoteRequest = v.strictObject(
  { id: noteId, nonce: aeadNonce, ciphertext: paddedCiphertext, signed: SignedAction },
  'must be an object with exactly the fields id, nonce, ciphertext, signed',
);
export type NoteRequest = v.InferOutput<typeof NoteRequest>;

/** Deleting a case: only the signature says who did it. */
export const SignedOnly = v.strictObject({ signed: SignedAction }, 'must be an object with exactly the field signed');
export type SignedOnly = v.InferOutput<typeof SignedOnly>;
