// Staff personal keys (DESIGN section 3). The passphrase is stretched in the browser;
// the server sees only authKey (which it hashes) and an encrypted key blob.
import { fromBase64, toBase64, type Sodium } from './sodium';
import { KEY_BYTES, STAFF_KDF_CONTEXT, STAFF_SUBKEY_AUTH, STAFF_SUBKEY_WRAP } from './protocol';
import type { BoxKeyPair, OpenResult } from './caseEnvelope';

/** Stronger than the resident limits: staff keys open many cases. */
export const STAFF_PWHASH_OPSLIMIT = 3;
export const STAFF_PWHASH_MEMLIMIT = 64 * 1024 * 1024;

export interface StaffSecretKeys {
  box: BoxKeyPair;
  sign: { publicKey: Uint8Array; privateKey: Uint8Array };
}

export interface StaffEnrolment {
  salt: string;
  /** Sent once at activation and at every login; the server stores only its hash. */
  authKey: string;
  boxPublicKey: string;
  signPublicKey: string;
  keyBlob: string;
  keyBlobNonce: string;
}

export interface PassphraseKeys {
  authKey: Uint8Array;
  wrapKey: Uint8Array;
}

export function derivePassphraseKeys(sodium: Sodium, passphrase: string, saltBase64: string): PassphraseKeys {
  const master = sodium.crypto_pwhash(
    KEY_BYTES,
    passphrase,
    fromBase64(sodium, saltBase64),
    STAFF_PWHASH_OPSLIMIT,
    STAFF_PWHASH_MEMLIMIT,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  const authKey = sodium.crypto_kdf_derive_from_key(KEY_BYTES, STAFF_SUBKEY_AUTH, STAFF_KDF_CONTEXT, master);
  const wrapKey = sodium.crypto_kdf_derive_from_key(KEY_BYTES, STAFF_SUBKEY_WRAP, STAFF_KDF_CONTEXT, master);
  sodium.memzero(master);
  return { authKey, wrapKey };
}

/** Secret keys as one byte string: box secret (32) then sign secret (64). */
function packSecrets(keys: StaffSecretKeys): Uint8Array {
  const out = new Uint8Array(32 + 64);
  out.set(keys.box.privateKey, 0);
  out.set(keys.sign.privateKey, 32);
  return out;
}

export function enrolStaff(sodium: Sodium, passphrase: string): { enrolment: StaffEnrolment; keys: StaffSecretKeys } {
  const keys: StaffSecretKeys = { box: sodium.crypto_box_keypair(), sign: sodium.crypto_sign_keypair() };
  return { keys, enrolment: rewrapStaffKeys(sodium, keys, passphrase) };
}

/** Wraps existing secret keys under a passphrase with a fresh salt (activation and passphrase change). */
export function rewrapStaffKeys(sodium: Sodium, keys: StaffSecretKeys, passphrase: string): StaffEnrolment {
  const saltBase64 = toBase64(sodium, sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES));
  const { authKey, wrapKey } = derivePassphraseKeys(sodium, passphrase, saltBase64);
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const blob = sodium.crypto_secretbox_easy(packSecrets(keys), nonce, wrapKey);
  sodium.memzero(wrapKey);
  return {
    salt: saltBase64,
    authKey: toBase64(sodium, authKey),
    boxPublicKey: toBase64(sodium, keys.box.publicKey),
    signPublicKey: toBase64(sodium, keys.sign.publicKey),
    keyBlob: toBase64(sodium, blob),
    keyBlobNonce: toBase64(sodium, nonce),
  };
}

export function unlockStaffKeys(
  sodium: Sodium,
  wrapKey: Uint8Array,
  blob: { keyBlob: string; keyBlobNonce: string },
): OpenResult<StaffSecretKeys> {
  let secrets: Uint8Array;
  try {
    secrets = sodium.crypto_secretbox_open_easy(fromBase64(sodium, blob.keyBlob), fromBase64(sodium, blob.keyBlobNonce), wrapKey);
  } catch {
    return { ok: false, error: 'ciphertext_unreadable' };
  }
  if (secrets.length !== 96) return { ok: false, error: 'ciphertext_unreadable' };
  const boxSecret = secrets.slice(0, 32);
  const signSecret = secrets.slice(32);
  return {
    ok: true,
    value: {
      box: { privateKey: boxSecret, publicKey: sodium.crypto_scalarmult_base(boxSecret) },
      sign: { privateKey: signSecret, publicKey: sodium.crypto_sign_ed25519_sk_to_pk(signSecret) },
    },
  };
}

/** A team key grant: the team's secret key sealed to one staff member's box key. */
export function sealTeamKeyGrant(sodium: Sodium, teamSecretKey: Uint8Array, staffBoxPublicKey: string): string {
  return toBase64(sodium, sodium.crypto_box_seal(teamSecretKey, fromBase64(sodium, staffBoxPublicKey)));
}

export function openTeamKeyGrant(sodium: Sodium, sealedSecret: string, staff: BoxKeyPair): OpenResult<BoxKeyPair> {
  try {
    const privateKey = sodium.crypto_box_seal_open(fromBase64(sodium, sealedSecret), staff.publicKey, staff.privateKey);
    return { ok: true, value: { privateKey, publicKey: sodium.crypto_scalarmult_base(privateKey) } };
  } catch {
    return { ok: false, error: 'sealed_key_unreadable' };
  }
}
