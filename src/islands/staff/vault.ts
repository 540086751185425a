// The signed-in member's keys live only in the console's memory; signing out, a 401 or
// the idle timeout wipes them here, byte by byte, before the vault is dropped.
import type { Vault } from './types';

/** Zeroes every secret key in the vault (the member's, the team's, the team signing key) and empties its key maps. */
export function wipeVault(vault: Vault): void {
  const teamSecrets = [...vault.teamKeys.values(), ...vault.unpinnedTeamKeys.values()].map((k) => k.privateKey);
  for (const bytes of [...teamSecrets, vault.teamSign?.privateKey, vault.teamSign?.seed, vault.staff.box.privateKey, vault.staff.sign.privateKey]) {
    if (bytes) vault.sodium.memzero(bytes);
  }
  vault.teamKeys.clear();
  vault.unpinnedTeamKeys.clear();
}
