import * as v from 'valibot';
import { teamIds } from '../config/teams';
import { KEY_BYTES, PROTOCOL_VERSION } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';
import { aeadNonce, paddedCiphertext, sealedKey } from './sealedBlob';
import { caseKind } from './caseKind';

/** The only shape a new case may have. Extra fields are refused so nothing slips in unencrypted. */
export const CaseEnvelope = v.strictObject(
  {
    v: v.literal(PROTOCOL_VERSION, `v must be ${PROTOCOL_VERSION}`),
    teamId: v.picklist(teamIds, 'teamId is not a known team'),
    kind: caseKind,
    consent: v.picklist(['handler', 'team'], 'consent must be "handler" or "team"'),
    mailboxId: base64Bytes(KEY_BYTES, 'mailboxId'),
    nonce: aeadNonce,
    ciphertext: paddedCiphertext,
    sealedKey: sealedKey('sealedKey'),
  },
  'must be a case envelope with exactly the fields v, teamId, kind, consent, mailboxId, nonce, ciphertext, sealedKey',
);

export type CaseEnvelope = v.InferOutput<typeof CaseEnvelope>;
