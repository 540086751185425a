// Sends an anonymous question or booking with its proof of work. When the team became
// busy between challenge and sending, the API asks once for a costlier proof made for
// that team (428); when the team takes no more online requests, it answers 503.
import { proofHeaders } from '../../lib/pow/proofHeaders';
import type { PowPurpose } from '../../lib/pow/powPurpose';

export async function sendWithProof(
  purpose: PowPurpose,
  team: string,
  firstProof: Promise<Record<string, string>>,
  send: (proof: Record<string, string>) => Promise<Response>,
  /** Solves the costlier proof; a unit test passes its own, so no server is asked. */
  solveProof: (purpose: PowPurpose, team: string) => Promise<Record<string, string>> = proofHeaders,
): Promise<Response> {
  const response = await send(await firstProof);
  if (response.status !== 428) return response;
  return send(await solveProof(purpose, team));
}

/** The team takes no more online requests for now: the page offers its phone number. */
export async function isTeamBusy(response: Response): Promise<boolean> {
  if (response.status !== 503) return false;
  const body = (await response.clone().json().catch(() => null)) as { error?: { code?: unknown } } | null;
  return body?.error?.code === 'team_busy';
}
