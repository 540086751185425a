import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { productionProblems } from './productionChecks.mjs';

const teamKeys = JSON.parse(readFileSync('src/lib/config/teamKeys.json', 'utf8'));
const wranglerToml = readFileSync('wrangler.toml', 'utf8');

describe('a production build refuses', () => {
  it('the demo keys in this repository', () => {
    const problems = productionProblems({ teamKeys, wranglerToml });
    expect(problems).toContain('demo team keys for centrum-oost, nieuwland-groenoord, woudhoek-kethel-spaland, centraal');
    expect(problems).toContain('a demo organisation signing key');
  });

  it('secrets written into wrangler.toml, and nothing once keys and config are real', () => {
    const real = { organisation: { demo: false }, teams: Object.fromEntries(Object.keys(teamKeys.teams).map((id) => [id, { demo: false }])) };
    expect(productionProblems({ teamKeys: real, wranglerToml })).toEqual([]);
    expect(productionProblems({ teamKeys: real, wranglerToml: `${wranglerToml}\n[vars]\nSALT_PEPPER = "x"\n` })).toEqual([
      'SALT_PEPPER in wrangler.toml (set it with wrangler pages secret put, or not at all)',
    ]);
  });
});
