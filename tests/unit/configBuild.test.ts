// The build itself refuses a configuration that is not ready, naming the field or the
// team: `astro build` runs in a scratch copy of the project whose achterom.config.json
// (and nothing else) is changed, and must stop before building anything.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFileProblems } from '../../src/lib/config/checkConfigFile';

const root = path.resolve(import.meta.dirname, '../..');
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function scratchWith(change: (config: any) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'achterom-config-'));
  scratch.push(dir);
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'wrangler.toml']) copyFileSync(path.join(root, file), path.join(dir, file));
  for (const folder of ['src', 'public', 'node_modules']) symlinkSync(path.join(root, folder), path.join(dir, folder));
  const config = JSON.parse(readFileSync(path.join(root, 'achterom.config.json'), 'utf8'));
  change(config);
  writeFileSync(path.join(dir, 'achterom.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

function buildWith(change: (config: any) => void, env: Record<string, string> = {}) {
  const dir = scratchWith(change);
  const run = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--outDir', path.join(dir, 'dist')], {
    cwd: dir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the build checks achterom.config.json', () => {
  it('stops at a broken field and names it', () => {
    const run = buildWith((c) => {
      c.locations[0].address = '';
      c.appointments.durationMinutes.video = 'half uur';
    });
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('locations[0].address: must not be empty');
    expect(run.output).toContain('appointments.durationMinutes.video: must be a number of minutes');
    expect(run.output).not.toContain('page(s) built');
  });

  it('stops at a live team without a pinned key, naming the team, in a production build too', () => {
    const addTeam = (live?: boolean) => (c: any) => {
      c.teams.push({ id: 'wot-noord', name: 'WOT Noord', neighbourhoods: [{ id: 'noordwijk', name: 'Noordwijk' }], ...(live === undefined ? {} : { live }) });
      c.locations.push({ ...c.locations[0], team: 'wot-noord', id: 'noord-achterom' });
    };
    for (const env of [{}, { ACHTEROM_DEPLOY: 'production' }]) {
      const run = buildWith(addTeam(), env);
      expect(run.status).not.toBe(0);
      expect(run.output).toContain('team "wot-noord" has no pinned key');
    }
    // Not live yet: the check lets it pass, so the portal can be built and its first team
    // lead can make its keys (the whole build of such a copy runs in tests/e2e/going-live.spec.ts).
    const dir = scratchWith(addTeam(false));
    expect(configFileProblems(dir, { production: true }).filter((p) => !p.includes('demo key'))).toEqual([]);
  });

  it('refuses demo keys in a production build, naming each team', () => {
    const run = buildWith(() => undefined, { ACHTEROM_DEPLOY: 'production' });
    expect(run.status).not.toBe(0);
    for (const team of ['centrum-oost', 'nieuwland-groenoord', 'woudhoek-kethel-spaland', 'centraal']) expect(run.output).toContain(`team "${team}" still has a demo key pair`);
  });
});
