import * as v from 'valibot';
import { teamIds } from '../config/teams';
import {
  AEAD_NONCE_BYTES,
  AEAD_TAG_BYTES,
  KEY_BYTES,
  MAX_PADDED_BYTES,
  PAD_BLOCK_BYTES,
  PROTOCOL_VERSION,
  SEALED_KEY_BYTES,
} from '../crypto/protocol';
import { base64Bytes, base64DecodedLength } from './base64Bytes';
import { caseKind } from './caseKind';

/** Ciphertext of a padded payload: whole 1 KiB blocks plus the AEAD tag. */
const paddedCiphertext = v.pipe(
  v.string('ciphertext must be a string'),
  v.base64('ciphertext must be standard base64'),
  v.check((s) => {
    const plain = base64DecodedLength(s) - AEAD_TAG_BYTES;
    return plain > 0 && plain <= MAX_PADDED_BYTES && plain % PAD_BLOCK_BYTES === 0;
  }, `ciphertext must be a padded payload of 1 to ${MAX_PADDED_BYTES / PAD_BLOCK_BYTES} blocks of ${PAD_BLOCK_BYTES} bytes plus a ${AEAD_TAG_BYTES}-byte tag`),
);

/** The only shape a new case may have. Extra fields are refused so nothing slips in unencrypted. */
export const CaseEnvelope = v.strictObject(
  {
    v: v.literal(PROTOCOL_VERSION, `v must be ${PROTOCOL_VERSION}`),
    teamId: v.picklist(teamIds, 'teamId is not a known team'),
    kind: caseKind,
    consent: v.picklist(['handler', 'team'], 'consent must be "handler" or "team"'),
    mailboxId: base64Bytes(KEY_BYTES, 'mailboxId'),
    nonce: base64Bytes(AEAD_NONCE_BYTES, 'nonce'),
    ciphertext: paddedCiphertext,
    sealedKey: base64Bytes(SEALED_KEY_BYTES, 'sealedKey'),
  },
  'must be a case envelope with exactly the fields v, teamId, kind, consent, mailboxId, nonce, ciphertext, sealedKey',
);

export type CaseEnvelope = v.InferOutput<typeof CaseEnvelope>;
