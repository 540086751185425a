// Teams (from achterom.config.json) with their pinned keys, compiled into the static bundle. The browser takes team public
// keys from here and never from the API, so a compromised API cannot swap them.
import teamKeys from './teamKeys.json' with { type: 'json' };
import { centralTeam, configTeams } from './municipality';

export interface Neighbourhood {
  id: string;
  name: string;
}

/** One of a team's X25519 box keys. Ids only grow; the highest is the current one. */
export interface PinnedBoxKey {
  id: number;
  publicKey: string;
  fingerprint: string;
}

export interface Team {
  id: string;
  name: string;
  neighbourhoods: readonly Neighbourhood[];
  /** The current X25519 public key (new cases are sealed to it), standard base64. */
  publicKey: string;
  /** Its id, bound into every new case's associated data. */
  keyId: number;
  /** BLAKE2b-128 of the current public key in hex groups, for checking out of band. */
  fingerprint: string;
  /** Every key the team has had, oldest first: older ones still open older cases. */
  boxKeys: readonly PinnedBoxKey[];
  /** Ed25519 key that signs the team's member certificates (root of trust for staff keys). */
  signPublicKey: string;
  signFingerprint: string;
  /** Demo keys were generated with a published passphrase: never in production. */
  demo: boolean;
}

interface TeamKeyEntry {
  boxKeys: PinnedBoxKey[];
  signPublicKey: string;
  signFingerprint: string;
  demo: boolean;
}
interface PinnedKeys {
  /** null until the first privacy officer's key ceremony has made it and it is pinned. */
  organisation: { signPublicKey: string; fingerprint: string; demo: boolean } | null;
  teams: Record<string, TeamKeyEntry>;
}
const pinned: PinnedKeys = teamKeys;

/**
 * The municipality's own signing key: it certifies the privacy officer, who works
 * across teams and so has no team signing key above them.
 */
export const organisationKey = pinned.organisation;

function team(id: string, name: string, neighbourhoods: Neighbourhood[]): Team {
  const entry = pinned.teams[id];
  if (!entry || entry.boxKeys.length === 0) throw new Error(`No public key configured for team ${id}`);
  const boxKeys = [...entry.boxKeys].sort((a, b) => a.id - b.id);
  const current = boxKeys[boxKeys.length - 1]!;
  return {
    id,
    name,
    neighbourhoods,
    publicKey: current.publicKey,
    keyId: current.id,
    fingerprint: current.fingerprint,
    boxKeys,
    signPublicKey: entry.signPublicKey,
    signFingerprint: entry.signFingerprint,
    demo: entry.demo,
  };
}

/** A pinned box key of a team by id, or undefined (unknown or not yet published). */
export function pinnedBoxKey(teamId: string, keyId: number): PinnedBoxKey | undefined {
  return findTeam(teamId)?.boxKeys.find((k) => k.id === keyId);
}

/** The team for residents who do not know their neighbourhood. */
export const CENTRAL_TEAM_ID = centralTeam;
export const UNKNOWN_NEIGHBOURHOOD_ID = 'weet-ik-niet';

const hasPinnedKey = (id: string) => (pinned.teams[id]?.boxKeys.length ?? 0) > 0;

/** Teams whose keys are pinned, live or not: their staff work in the console. */
const pinnedTeams: readonly (Team & { live: boolean })[] = configTeams
  .filter((t) => hasPinnedKey(t.id))
  .map((t) => ({ ...team(t.id, t.name, t.neighbourhoods), live: t.live !== false }));

/** Teams in service: residents choose among these, and the API takes cases and bookings for them. */
export const teams: readonly Team[] = pinnedTeams.filter((t) => t.live);

/** Teams in the configuration without pinned keys: only their key ceremony can happen (functions/_app/routes/activation.ts). */
export const teamsAwaitingKeys: readonly { id: string; name: string }[] = configTeams.filter((t) => !hasPinnedKey(t.id)).map((t) => ({ id: t.id, name: t.name }));

export const teamIds = teams.map((t) => t.id) as [string, ...string[]];

/** A team with pinned keys (live or not yet open to residents). */
export function findTeam(id: string): Team | undefined {
  return pinnedTeams.find((t) => t.id === id);
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
export function checkProductionTeams(list: readonly Team[] = teams, organisation: { demo: boolean } | null = organisationKey): ConfigCheck {
  const problems = list.filter((t) => t.demo).map((t) => `Team ${t.id} still uses a demo key pair`);
  if (organisation?.demo) problems.push('The organisation signing key is a demo key');
  return problems.length ? { ok: false, problems } : { ok: true };
}

/** The pinned key that certifies members of a team, or the privacy officer (no team). */
export function certificateIssuerKey(teamId: string | null): string | undefined {
  return teamId === null ? organisationKey?.signPublicKey : findTeam(teamId)?.signPublicKey;
}
