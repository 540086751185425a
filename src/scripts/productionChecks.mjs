// What a production build refuses (ACHTEROM_DEPLOY=production): keys whose secret
// halves were made for the demo, and secrets written into wrangler.toml, which would be
// deployed as plain variables. Pure, so it is tested on its own.

const SECRET_NAMES = ['POW_SECRET', 'SALT_PEPPER', 'ACHTEROM_LOCAL_DEMO'];

/** @param {{ teamKeys: { organisation: { demo: boolean } | null, teams: Record<string, { demo: boolean }> }, wranglerToml: string }} input */
export function productionProblems({ teamKeys, wranglerToml }) {
  const problems = [];
  const demoTeams = Object.entries(teamKeys.teams).filter(([, k]) => k.demo).map(([id]) => id);
  if (demoTeams.length) problems.push(`demo team keys for ${demoTeams.join(', ')}`);
  if (teamKeys.organisation?.demo) problems.push('a demo organisation signing key');
  for (const name of SECRET_NAMES) {
    if (new RegExp(`^\\s*${name}\\s*=`, 'm').test(wranglerToml)) problems.push(`${name} in wrangler.toml (set it with wrangler pages secret put, or not at all)`);
  }
  return problems;
}
