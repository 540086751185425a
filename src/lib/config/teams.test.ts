import { describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium';
import { keyFingerprint } from '../crypto/fingerprint';
import { checkProductionTeams, findTeam, organisationKey, teamForNeighbourhood, teams } from './teams';

describe('team configuration', () => {
  it('has at least three neighbourhood teams and a central team for "weet ik niet"', () => {
    expect(teams.filter((t) => t.neighbourhoods.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(teamForNeighbourhood('weet-ik-niet')?.id).toBe('centraal');
    expect(teamForNeighbourhood('kethel')?.id).toBe('woudhoek-kethel-spaland');
    expect(teamForNeighbourhood('atlantis')).toBeUndefined();
  });

  it('publishes fingerprints that match the pinned public keys', async () => {
    const sodium = await loadSodium();
    for (const team of teams) {
      expect(team.fingerprint).toBe(keyFingerprint(sodium, team.publicKey));
      for (const key of team.boxKeys) expect(key.fingerprint).toBe(keyFingerprint(sodium, key.publicKey));
      expect(team.signFingerprint).toBe(keyFingerprint(sodium, team.signPublicKey));
      // The current key is the newest one.
      expect(team.keyId).toBe(Math.max(...team.boxKeys.map((k) => k.id)));
    }
    // The Schiedam example pins its (demo) organisation key; a new municipality starts with null.
    expect(organisationKey).not.toBeNull();
    expect(organisationKey!.fingerprint).toBe(keyFingerprint(sodium, organisationKey!.signPublicKey));
  });

  it('refuses demo keys for production', () => {
    expect(checkProductionTeams()).toMatchObject({ ok: false });
    const real = teams.map((t) => ({ ...t, demo: false }));
    const realOrganisation = { demo: false };
    expect(checkProductionTeams(real, realOrganisation)).toEqual({ ok: true });
    expect(checkProductionTeams(real)).toMatchObject({ ok: false, problems: ['The organisation signing key is a demo key'] });
    const oneDemo = [...real.slice(1), { ...findTeam('centraal')!, demo: true }];
    const check = checkProductionTeams(oneDemo, realOrganisation);
    expect(check.ok === false && check.problems).toEqual(['Team centraal still uses a demo key pair']);
  });
});

describe('README', () => {
  it('publishes the same fingerprints as the configuration', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const team of teams) expect(readme).toContain(`| ${team.id} | ${team.keyId} | \`${team.fingerprint}\` | \`${team.signFingerprint}\` |`);
    expect(readme).toContain(`| organisation (privacy officer) | | | \`${organisationKey!.fingerprint}\` |`);
  });
});
