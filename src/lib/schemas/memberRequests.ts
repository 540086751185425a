// Bodies of the member endpoints: invites, activation, approval, passphrase change.
import * as v from 'valibot';
import { KEY_BYTES } from '../crypto/protocol';
import { base64Bytes } from './base64Bytes';
import { sealedKey } from './sealedBlob';
import { Username } from './staffLogin';

export const memberRole = v.picklist(['intake', 'casemanager', 'teamlead'], 'role must be intake, casemanager or teamlead');
export type MemberRole = v.InferOutput<typeof memberRole>;

export const InviteRequest = v.strictObject({ role: memberRole }, 'must be an object with exactly the field role');
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

/** Intake and team lead members get the team key, sealed in the approver's browser. */
export const ApprovalRequest = v.strictObject(
  { sealedTeamKey: v.optional(sealedKey('sealedTeamKey')) },
  'must be an object with at most the field sealedTeamKey',
);
export type ApprovalRequest = v.InferOutput<typeof ApprovalRequest>;

/** New salt, auth key and re-wrapped key blob; the keys inside stay the same. */
export const PassphraseChange = v.strictObject(
  { currentAuthKey: base64Bytes(KEY_BYTES, 'currentAuthKey'), ...keyMaterial },
  'must be an object with exactly the fields currentAuthKey, salt, authKey, keyBlob, keyBlobNonce',
);
export type PassphraseChange = v.InferOutput<typeof PassphraseChange>;
