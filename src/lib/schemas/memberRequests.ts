// Bodies of the member endpoints: invites, activation, approval, passphrase change.
import * as v from 'valibot';
import { KEY_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';
import { sealedKey } from './sealedBlob';
import { Username } from './staffLogin';
import { signature, SignedAction } from './signedAction';

export const memberRole = v.picklist(['intake', 'casemanager', 'teamlead'], 'role must be intake, casemanager or teamlead');
export type MemberRole = v.InferOutput<typeof memberRole>;

export const InviteRequest = v.strictObject({ role: memberRole, signed: SignedAction }, 'must be an object with exactly the fields role, signed');
export type InviteRequest = v.InferOutput<typeof InviteRequest>;

export const inviteToken = v.pipe(v.string('token must be a string'), v.regex(/^[A-Za-z0-9_-]{43}$/, 'token is not an invite token'));

/** 96 secret bytes (box 32 + sign 64) in a secretbox: 96 + 16 MAC. */
const KEY_BLOB_BYTES = 112;

const keyMaterial = {
  salt: base64Bytes(16, 'salt'),
  authKey: base64Bytes(KEY_BYTES, 'authKey'),
  keyBlob: base64Bytes(KEY_BLOB_BYTES, 'keyBlob'),
  keyBlobNonce: base64Bytes(24, 'keyBlobNonce'),
};

export const ActivationRequest = v.strictObject(
  {
    token: inviteToken,
    username: Username,
    displayName: v.pipe(v.string('displayName must be a string'), v.trim(), v.minLength(2, 'displayName is too short'), v.maxLength(80, 'displayName is too long')),
    ...keyMaterial,
    boxPublicKey: base64Bytes(KEY_BYTES, 'boxPublicKey'),
    signPublicKey: base64Bytes(KEY_BYTES, 'signPublicKey'),
  },
  'must be an activation with exactly the fields token, username, displayName, salt, authKey, keyBlob, keyBlobNonce, boxPublicKey, signPublicKey',
);
export type ActivationRequest = v.InferOutput<typeof ActivationRequest>;

const keyId = v.pipe(v.number('keyId must be a number'), v.integer('keyId must be a whole number'), v.minValue(1, 'keyId must be 1 or more'));

/** A team secret sealed to one member in the granter's browser, with the granter's signature. */
export const TeamKeyGrant = v.strictObject(
  { kind: v.picklist(['box', 'sign'], 'kind must be box or sign'), keyId, sealedSecretKey: sealedKey('sealedSecretKey'), signature: signature('signature') },
  'each grant must have exactly the fields kind, keyId, sealedSecretKey, signature',
);
export type TeamKeyGrant = v.InferOutput<typeof TeamKeyGrant>;

/** The exact signed certificate text; the console parses and checks it, the API only bounds it. */
const certificateText = v.pipe(v.string('certificate must be a string'), v.minLength(20, 'certificate is too short'), v.maxLength(2000, 'certificate is too long'));

/** A signed certificate for a member, with the team secrets sealed to them (approval and key ceremony). */
const certifiedMember = (grants: v.GenericSchema<TeamKeyGrant[]>) => ({
  certificate: certificateText,
  certificateSignature: signature('certificateSignature'),
  teamKeyGrants: grants,
  signed: SignedAction,
});
const grantList = v.array(TeamKeyGrant, 'teamKeyGrants must be a list');

/** Approval: the lead's browser signs the member's certificate and seals the team keys the role needs. */
export const ApprovalRequest = v.strictObject(
  certifiedMember(v.pipe(grantList, v.maxLength(20, 'teamKeyGrants: at most 20'))),
  'must be an object with exactly the fields certificate, certificateSignature, teamKeyGrants, signed',
);
export type ApprovalRequest = v.InferOutput<typeof ApprovalRequest>;

/** New salt, auth key and re-wrapped key blob; the keys inside stay the same. */
export const PassphraseChange = v.strictObject(
  { currentAuthKey: base64Bytes(KEY_BYTES, 'currentAuthKey'), ...keyMaterial, signed: SignedAction },
  'must be an object with exactly the fields currentAuthKey, salt, authKey, keyBlob, keyBlobNonce, signed',
);
export type PassphraseChange = v.InferOutput<typeof PassphraseChange>;

/** A new certificate for an active member (one from before version 2, or renewed). */
export const CertifyRequest = v.strictObject(
  { certificate: certificateText, certificateSignature: signature('certificateSignature'), signed: SignedAction },
  'must be an object with exactly the fields certificate, certificateSignature, signed',
);
export type CertifyRequest = v.InferOutput<typeof CertifyRequest>;

/** Team key rotation: a new box key pair made in the lead's browser, granted to the members who need it. */
export const TeamKeyRotation = v.strictObject(
  {
    keyId,
    publicKey: base64Bytes(KEY_BYTES, 'publicKey'),
    keySignature: signature('keySignature'),
    grants: v.pipe(
      v.array(v.strictObject({ staffId: v.pipe(v.string('staffId must be a string'), v.regex(/^[a-z0-9-]{1,80}$/, 'staffId is not a staff id')), sealedSecretKey: sealedKey('sealedSecretKey'), signature: signature('signature') }, 'each grant must have exactly the fields staffId, sealedSecretKey, signature'), 'grants must be a list'),
      v.minLength(1, 'grants: at least the team lead'),
      v.maxLength(200, 'grants: at most 200'),
    ),
    signed: SignedAction,
  },
  'must be an object with exactly the fields keyId, publicKey, keySignature, grants, signed',
);
export type TeamKeyRotation = v.InferOutput<typeof TeamKeyRotation>;

/** A team lead vouches for the audit chain up to a row: later rewrites of history show. */
export const CheckpointRequest = v.strictObject(
  {
    headId: v.pipe(v.number('headId must be a number'), v.integer('headId must be a whole number'), v.minValue(1, 'headId must be 1 or more')),
    headHash: base64Bytes(32, 'headHash'),
    signed: SignedAction,
  },
  'must be an object with exactly the fields headId, headHash, signed',
);
export type CheckpointRequest = v.InferOutput<typeof CheckpointRequest>;

/**
 * The key ceremony of a new team, sent by its first team lead's browser right after
 * activating an invite from `npm run admin`: the team's public keys, the lead's
 * certificate signed with the new team signing key, both team secrets sealed to the
 * lead, and the lead's signature over it all. The secrets never leave unsealed.
 */
export const TeamCeremonyRequest = v.strictObject(
  {
    token: inviteToken,
    teamBoxPublicKey: base64Bytes(KEY_BYTES, 'teamBoxPublicKey'),
    teamSignPublicKey: base64Bytes(KEY_BYTES, 'teamSignPublicKey'),
    ...certifiedMember(v.pipe(grantList, v.length(2, 'teamKeyGrants: the box key and the signing key'))),
  },
  'must be an object with exactly the fields token, teamBoxPublicKey, teamSignPublicKey, certificate, certificateSignature, teamKeyGrants, signed',
);
export type TeamCeremonyRequest = v.InferOutput<typeof TeamCeremonyRequest>;

/** The first privacy officer's ceremony: the organisation's signing key and their certificate signed with it. */
export const OrganisationCeremonyRequest = v.strictObject(
  {
    token: inviteToken,
    organisationSignPublicKey: base64Bytes(KEY_BYTES, 'organisationSignPublicKey'),
    certificate: certificateText,
    certificateSignature: signature('certificateSignature'),
    signed: SignedAction,
  },
  'must be an object with exactly the fields token, organisationSignPublicKey, certificate, certificateSignature, signed',
);
export type OrganisationCeremonyRequest = v.InferOutput<typeof OrganisationCeremonyRequest>;
