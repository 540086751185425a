import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, toBase64, type Sodium } from './sodium';
import { derivePassphraseKeys, enrolStaff, openTeamKeyGrant, sealTeamKeyGrant, unlockStaffKeys } from './staffKeys';

let sodium: Sodium;
beforeAll(async () => {
  sodium = await loadSodium();
});

describe('staff keys', () => {
  it('unlocks the key blob with the passphrase, and not with another one', () => {
    const { enrolment, keys } = enrolStaff(sodium, 'correct paard batterij niet');
    const right = derivePassphraseKeys(sodium, 'correct paard batterij niet', enrolment.salt);
    expect(toBase64(sodium, right.authKey)).toBe(enrolment.authKey);
    const unlocked = unlockStaffKeys(sodium, right.wrapKey, enrolment);
    expect(unlocked.ok).toBe(true);
    if (unlocked.ok) {
      expect(toBase64(sodium, unlocked.value.box.publicKey)).toBe(enrolment.boxPublicKey);
      expect(toBase64(sodium, unlocked.value.sign.publicKey)).toBe(enrolment.signPublicKey);
      expect(toBase64(sodium, unlocked.value.box.privateKey)).toBe(toBase64(sodium, keys.box.privateKey));
    }
    const wrong = derivePassphraseKeys(sodium, 'correct paard batterij nie', enrolment.salt);
    expect(toBase64(sodium, wrong.authKey)).not.toBe(enrolment.authKey);
    expect(unlockStaffKeys(sodium, wrong.wrapKey, enrolment).ok).toBe(false);
  });

  it('keeps authKey and wrapKey independent', () => {
    const salt = toBase64(sodium, sodium.randombytes_buf(16));
    const k = derivePassphraseKeys(sodium, 'een lange wachtwoordzin', salt);
    expect(toBase64(sodium, k.authKey)).not.toBe(toBase64(sodium, k.wrapKey));
  });

  it('opens a team key grant only with the grantee key', () => {
    const team = sodium.crypto_box_keypair();
    const a = enrolStaff(sodium, 'eerste medewerker zin');
    const b = enrolStaff(sodium, 'tweede medewerker zin');
    const grant = sealTeamKeyGrant(sodium, team.privateKey, a.enrolment.boxPublicKey);
    const opened = openTeamKeyGrant(sodium, grant, a.keys.box);
    expect(opened.ok && toBase64(sodium, opened.value.publicKey)).toBe(toBase64(sodium, team.publicKey));
    expect(openTeamKeyGrant(sodium, grant, b.keys.box).ok).toBe(false);
  });
});
