import { describe, expect, it } from 'vitest';
import { loadSodium } from '../crypto/sodium';
import { keyFingerprint } from '../crypto/fingerprint';
import { checkProductionTeams, findTeam, teamForNeighbourhood, teams } from './teams';

describe('team configuration', () => {
  it('has at least three neighbourhood teams and a central team for "weet ik niet"', () => {
    expect(teams.filter((t) => t.neighbourhoods.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(teamForNeighbourhood('weet-ik-niet')?.id).toBe('centraal');
    expect(teamForNeighbourhood('kethel')?.id).toBe('woudhoek-kethel-spaland');
    expect(teamForNeighbourhood('atlantis')).toBeUndefined();
  });

  it('publishes fingerprints that match the pinned public keys', async () => {
    const sodium = await loadSodium();
    for (const team of teams) expect(team.fingerprint).toBe(keyFingerprint(sodium, team.publicKey));
  });

  it('refuses demo keys for production', () => {
    expect(checkProductionTeams()).toMatchObject({ ok: false });
    const real = teams.map((t) => ({ ...t, demo: false }));
    expect(checkProductionTeams(real)).toEqual({ ok: true });
    const oneDemo = [...real.slice(1), { ...findTeam('centraal')!, demo: true }];
    const check = checkProductionTeams(oneDemo);
    expect(check.ok === false && check.problems).toEqual(['Team centraal still uses a demo key pair']);
  });
});

describe('README', () => {
  it('publishes the same fingerprints as the configuration', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const team of teams) expect(readme).toContain(`| ${team.id} | \`${team.fingerprint}\` |`);
  });
});
