// What the build runs before anything else (astro.config.mjs): read the municipality's
// configuration and the pinned keys, and stop with every problem named by field or team.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkMunicipalityConfig } from './checkMunicipalityConfig';

export const CONFIG_FILE = 'achterom.config.json';

interface PinnedKeysFile {
  teams?: Record<string, { demo?: boolean; boxKeys?: unknown[] }>;
}

/** Problems with the configuration in `root`, each naming the field or the team; empty when all is well. */
export function configFileProblems(root: string, { production }: { production: boolean }): string[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path.join(root, CONFIG_FILE), 'utf8'));
  } catch (err) {
    return [`${CONFIG_FILE} cannot be read as JSON: ${(err as Error).message}`];
  }
  const checked = checkMunicipalityConfig(json);
  if (!checked.ok) return checked.problems;
  const problems: string[] = [];
  checked.config.locations.forEach((l, i) => {
    if (!existsSync(path.join(root, 'public', l.routeImage))) problems.push(`locations[${i}].routeImage: ${l.routeImage} is not in public/`);
  });
  const keys = JSON.parse(readFileSync(path.join(root, 'src/lib/config/teamKeys.json'), 'utf8')) as PinnedKeysFile;
  for (const team of checked.config.teams) {
    const pinned = keys.teams?.[team.id];
    // A team that is not live yet waits for its key ceremony; residents do not see it.
    if (!pinned || !pinned.boxKeys?.length) {
      if (team.live !== false) problems.push(`team "${team.id}" has no pinned key in src/lib/config/teamKeys.json: set "live": false until its first team lead has made the keys`);
    } else if (production && pinned.demo) problems.push(`team "${team.id}" still has a demo key pair: make a real one in the key ceremony`);
  }
  return problems;
}
