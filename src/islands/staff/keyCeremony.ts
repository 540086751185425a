// The ceremony's side effect, apart from the screen: make the keys in this browser
// (src/lib/crypto/teamCeremony.ts), send the sealed and signed result, and say what
// happened. The caller wipes the member's signing key afterwards, whatever the outcome.
import type { Sodium } from '../../lib/crypto/sodium';
import { makeOrganisationKey, makeTeamKeys, type PinnedOrganisationKey, type PinnedTeamKeys } from '../../lib/crypto/teamCeremony';

/** A team's keys by its first team lead, or the organisation's key by the first privacy officer. */
export type CeremonyKind = 'team' | 'organisation';

export interface CeremonyMember {
  id: string;
  username: string;
  /** null for the privacy officer. */
  teamId: string | null;
  boxPublicKey: string;
  signPublicKey: string;
}

export type CeremonyOutcome =
  | { ok: true; kind: 'team'; pin: PinnedTeamKeys }
  | { ok: true; kind: 'organisation'; pin: PinnedOrganisationKey }
  | { ok: false; reason: 'alreadyMade' | 'failed' };

const post = (path: string) => (body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });

export async function runKeyCeremony(
  sodium: Sodium,
  kind: CeremonyKind,
  token: string,
  member: CeremonyMember,
  signSecretKey: Uint8Array,
  send: (kind: CeremonyKind, body: unknown) => Promise<Response> = (k, body) => post(k === 'team' ? '/api/staff/activate/ceremony' : '/api/staff/activate/ceremony/organisation')(body),
): Promise<CeremonyOutcome> {
  const today = new Date().toISOString().slice(0, 10);
  const made = kind === 'team' && member.teamId
    ? { kind: 'team' as const, ...(await makeTeamKeys(sodium, { ...member, teamId: member.teamId }, signSecretKey, today)) }
    : { kind: 'organisation' as const, ...(await makeOrganisationKey(sodium, member, signSecretKey, today)) };
  let response: Response;
  try {
    response = await send(made.kind, { token, ...made.request });
  } catch {
    return { ok: false, reason: 'failed' };
  }
  if (response.status === 201) return made.kind === 'team' ? { ok: true, kind: 'team', pin: made.pin } : { ok: true, kind: 'organisation', pin: made.pin };
  return { ok: false, reason: response.status === 409 ? 'alreadyMade' : 'failed' };
}

/** The fragment the administrator puts into src/lib/config/teamKeys.json. */
export function pinFragment(key: string, pin: PinnedTeamKeys | PinnedOrganisationKey): string {
  return JSON.stringify({ [key]: pin }, null, 2).replace(/^\{\n|\n\}$/g, '');
}
