import { describe, expect, it } from 'vitest';
import { loadSodium } from '../../lib/crypto/sodium';
import type { Vault } from './types';
import { wipeVault } from './vault';

const zero = (bytes: Uint8Array) => bytes.every((b) => b === 0);

describe('wiping the vault', () => {
  it('zeroes the member, team and signing secrets and forgets the team keys', async () => {
    const sodium = await loadSodium();
    const seed = sodium.randombytes_buf(sodium.crypto_sign_SEEDBYTES);
    const teamSign = { ...sodium.crypto_sign_seed_keypair(seed), seed };
    const team = sodium.crypto_box_keypair();
    const rotated = sodium.crypto_box_keypair();
    const vault: Vault = {
      sodium,
      staff: { box: sodium.crypto_box_keypair(), sign: sodium.crypto_sign_keypair() },
      teamId: 'centrum-oost',
      teamKeys: new Map([[1, team]]),
      unpinnedTeamKeys: new Map([[2, rotated]]),
      teamSign,
    };
    const secrets = [vault.staff.box.privateKey, vault.staff.sign.privateKey, team.privateKey, rotated.privateKey, teamSign.privateKey, teamSign.seed];
    expect(secrets.some(zero)).toBe(false);
    wipeVault(vault);
    expect(secrets.every(zero)).toBe(true);
    expect(vault.teamKeys.size + vault.unpinnedTeamKeys.size).toBe(0);
    // Public keys stay: they are no secret and may still be shown.
    expect(zero(team.publicKey)).toBe(false);
  });
});
