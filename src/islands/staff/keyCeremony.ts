// The ceremony's side effect, apart from the screen: make the team keys in this browser
// (src/lib/crypto/teamCeremony.ts), send the sealed and signed result, and say what
// happened. The caller wipes the lead's signing key afterwards, whatever the outcome.
import type { Sodium } from '../../lib/crypto/sodium';
import { makeTeamKeys, type CeremonyLead, type PinnedTeamKeys } from '../../lib/crypto/teamCeremony';

export type CeremonyOutcome = { ok: true; pin: PinnedTeamKeys } | { ok: false; reason: 'teamHasKeys' | 'failed' };

export async function runKeyCeremony(
  sodium: Sodium,
  token: string,
  lead: CeremonyLead,
  leadSignSecretKey: Uint8Array,
  send: (body: unknown) => Promise<Response> = (body) =>
    fetch('/api/staff/activate/ceremony', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' }),
): Promise<CeremonyOutcome> {
  const made = await makeTeamKeys(sodium, lead, leadSignSecretKey, new Date().toISOString().slice(0, 10));
  let response: Response;
  try {
    response = await send({ token, ...made.request });
  } catch {
    return { ok: false, reason: 'failed' };
  }
  if (response.status === 201) return { ok: true, pin: made.pin };
  return { ok: false, reason: response.status === 409 ? 'teamHasKeys' : 'failed' };
}

/** The fragment the administrator puts under "teams" in src/lib/config/teamKeys.json. */
export function pinFragment(teamId: string, pin: PinnedTeamKeys): string {
  return JSON.stringify({ [teamId]: pin }, null, 2).replace(/^\{\n|\n\}$/g, '');
}
