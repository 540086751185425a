// Browser side of the proof-of-work (altcha, SHA-256 on Web Crypto): fetch a challenge
// for one purpose, solve it, and return the header value to send with the request.
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import type { PowPurpose } from './powPurpose';

export type PowResult = { ok: true; header: string } | { ok: false; error: 'challenge_unavailable' | 'unsolved' };

type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

/** With a team (new questions and bookings), a busy team answers with a costlier challenge made for it. */
export async function solvePow(purpose: PowPurpose, fetcher: Fetcher = (i, init) => fetch(i, init), team?: string): Promise<PowResult> {
  let challenge: Challenge;
  try {
    const query = team ? `purpose=${purpose}&team=${encodeURIComponent(team)}` : `purpose=${purpose}`;
    const res = await fetcher(`/api/pow?${query}`, { credentials: 'omit', cache: 'no-store' });
    if (!res.ok) return { ok: false, error: 'challenge_unavailable' };
    challenge = (await res.json()) as Challenge;
  } catch {
    return { ok: false, error: 'challenge_unavailable' };
  }
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 120_000 });
  if (!solution) return { ok: false, error: 'unsolved' };
  return { ok: true, header: btoa(JSON.stringify({ challenge, solution })) };
}
