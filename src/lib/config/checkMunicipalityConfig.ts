// Checks a municipality's configuration and says, per problem, which field and what is
// wrong ("teams[1].locations[0].address: must not be empty"), so the build can stop with
// a message a municipality's IT team can act on.
import * as v from 'valibot';
import { MunicipalityConfig } from './MunicipalityConfig';

export type ConfigResult = { ok: true; config: MunicipalityConfig } | { ok: false; problems: string[] };

/** "teams[1].locations[0].address" from a valibot issue path. */
function fieldOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  }
  return out || '(the whole file)';
}

function message(issue: v.BaseIssue<unknown>): string {
  // strictObject reports an unknown key with the key itself as the last path item.
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'is not a known setting (a typing error?)';
  if (issue.expected === 'undefined' || (issue.received === 'undefined' && issue.kind === 'schema')) return 'is missing';
  return issue.message;
}

/** What the schema cannot say by itself: ids that must be unique and references that must exist. */
function crossProblems(config: MunicipalityConfig): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const unique = (kind: string, id: string, field: string) => {
    const key = `${kind}:${id}`;
    const first = seen.get(key);
    if (first) problems.push(`${field}: ${kind} id "${id}" is already used at ${first}`);
    else seen.set(key, field);
  };
  config.teams.forEach((team, t) => {
    unique('team', team.id, `teams[${t}].id`);
    team.neighbourhoods.forEach((n, i) => {
      if (n.id === 'weet-ik-niet') problems.push(`teams[${t}].neighbourhoods[${i}].id: "weet-ik-niet" is kept for "I don't know"`);
      unique('neighbourhood', n.id, `teams[${t}].neighbourhoods[${i}].id`);
    });
    if (config.appointments.types.includes('achterom') && !config.locations.some((l) => l.team === team.id)) {
      problems.push(`locations: team "${team.id}" needs a location for appointments at the back entrance`);
    }
  });
  config.locations.forEach((l, i) => {
    unique('location', l.id, `locations[${i}].id`);
    if (!config.teams.some((t) => t.id === l.team)) problems.push(`locations[${i}].team: "${l.team}" is not one of the teams`);
  });
  if (!config.teams.some((t) => t.id === config.centralTeam)) problems.push(`centralTeam: "${config.centralTeam}" is not one of the teams`);
  return problems;
}

export function checkMunicipalityConfig(input: unknown): ConfigResult {
  const result = v.safeParse(MunicipalityConfig, input);
  if (!result.success) return { ok: false, problems: result.issues.map((issue) => `${fieldOf(issue)}: ${message(issue)}`) };
  const problems = crossProblems(result.output);
  return problems.length ? { ok: false, problems } : { ok: true, config: result.output };
}
