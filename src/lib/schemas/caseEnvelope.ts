import * as v from 'valibot';
import { findTeam, teamIds } from '../config/teams';
import { KEY_BYTES, PROTOCOL_VERSION } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';
import { aeadNonce, paddedCiphertext, sealedKey } from './sealedBlob';
import { caseKind } from './caseKind';

/** The only shape a new case may have. Extra fields are refused so nothing slips in unencrypted. */
export const CaseEnvelope = v.pipe(
  v.strictObject(
    {
      v: v.literal(PROTOCOL_VERSION, `v must be ${PROTOCOL_VERSION}`),
      teamId: v.picklist(teamIds, 'teamId is not a known team'),
      kind: caseKind,
      consent: v.picklist(['handler', 'team'], 'consent must be "handler" or "team"'),
      keyId: v.pipe(v.number('keyId must be a number'), v.integer('keyId must be a whole number'), v.minValue(1, 'keyId must be 1 or more')),
      mailboxId: base64Bytes(KEY_BYTES, 'mailboxId'),
      nonce: aeadNonce,
      ciphertext: paddedCiphertext,
      sealedKey: sealedKey('sealedKey'),
    },
    'must be a case envelope with exactly the fields v, teamId, kind, consent, keyId, mailboxId, nonce, ciphertext, sealedKey',
  ),
  // Only keys pinned in this bundle: a case sealed to any other key no one could open.
  v.check((e) => findTeam(e.teamId)?.boxKeys.some((k) => k.id === e.keyId) === true, 'keyId is not a published key of this team'),
);

export type CaseEnvelope = v.InferOutput<typeof CaseEnvelope>;
