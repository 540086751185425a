// Team configuration, compiled into the static bundle. The browser takes team public
// keys from here and never from the API, so a compromised API cannot swap them.
import teamKeys from './teamKeys.json' with { type: 'json' };

export interface Neighbourhood {
  id: string;
  name: string;
}

export interface Team {
  id: string;
  name: string;
  neighbourhoods: readonly Neighbourhood[];
  /** X25519 public key, standard base64. */
  publicKey: string;
  /** BLAKE2b-128 of the public key in hex groups, for checking out of band. */
  fingerprint: string;
  /** Demo keys were generated with a published passphrase: never in production. */
  demo: boolean;
}

type TeamKeyEntry = { publicKey: string; fingerprint: string; demo: boolean };
const keys: Record<string, TeamKeyEntry> = teamKeys;

function team(id: string, name: string, neighbourhoods: Neighbourhood[]): Team {
  const entry = keys[id];
  if (!entry) throw new Error(`No public key configured for team ${id}`);
  return { id, name, neighbourhoods, ...entry };
}

/** The team for residents who do not know their neighbourhood. */
export const CENTRAL_TEAM_ID = 'centraal';
export const UNKNOWN_NEIGHBOURHOOD_ID = 'weet-ik-niet';

export const teams: readonly Team[] = [
  team('centrum-oost', 'WOT Centrum/Oost', [
    { id: 'centrum', name: 'Centrum' },
    { id: 'oost', name: 'Oost' },
    { id: 'zuid', name: 'Zuid' },
  ]),
  team('nieuwland-groenoord', 'WOT Nieuwland/Groenoord', [
    { id: 'nieuwland', name: 'Nieuwland' },
    { id: 'groenoord', name: 'Groenoord' },
    { id: 'west', name: 'West' },
  ]),
  team('woudhoek-kethel-spaland', 'WOT Woudhoek/Kethel/Spaland', [
    { id: 'woudhoek', name: 'Woudhoek' },
    { id: 'kethel', name: 'Kethel' },
    { id: 'spaland', name: 'Spaland' },
    { id: 'noord', name: 'Noord' },
  ]),
  team(CENTRAL_TEAM_ID, 'Centraal WOT', []),
];

export const teamIds = teams.map((t) => t.id) as [string, ...string[]];

export function findTeam(id: string): Team | undefined {
  return teams.find((t) => t.id === id);
}

/** Neighbourhood id (or "weet-ik-niet") -> the team that serves it. */
export function teamForNeighbourhood(neighbourhoodId: string): Team | undefined {
  if (neighbourhoodId === UNKNOWN_NEIGHBOURHOOD_ID) return findTeam(CENTRAL_TEAM_ID);
  return teams.find((t) => t.neighbourhoods.some((n) => n.id === neighbourhoodId));
}

export const neighbourhoodIds: [string, ...string[]] = [
  UNKNOWN_NEIGHBOURHOOD_ID,
  ...teams.flatMap((t) => t.neighbourhoods.map((n) => n.id)),
];

export type ConfigCheck = { ok: true } | { ok: false; problems: string[] };

/** A production build must not ship keys whose secrets were generated for the demo. */
export function checkProductionTeams(list: readonly Team[] = teams): ConfigCheck {
  const problems = list.filter((t) => t.demo).map((t) => `Team ${t.id} still uses a demo key pair`);
  return problems.length ? { ok: false, problems } : { ok: true };
}
