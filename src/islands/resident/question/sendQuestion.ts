// Seal a validated question in this browser and send only the envelope. The proof of
// work (a brake on floods) is solved while libsodium loads and argon2id derives the
// keys; a team that became busy meanwhile asks once for a costlier proof (428).
import { loadSodium } from '../../../lib/crypto/sodium';
import { generateCaseCode } from '../../../lib/crypto/caseCode';
import { sealCaseForTeam, type SealedCase, type SealingTeam } from '../../../lib/crypto/caseEnvelope';
import { proofHeaders } from '../../../lib/pow/proofHeaders';
import type { PowPurpose } from '../../../lib/pow/powPurpose';
import type { QuestionPayload } from '../../../lib/schemas/questionPayload';
import { isTeamBusy, sendWithProof } from '../../shared/sendWithProof';

export type QuestionOutcome =
  | { kind: 'sent'; code: string }
  /** The team takes no more online questions for now: the page gives the phone number. */
  | { kind: 'teamBusy' }
  | { kind: 'failed'; status: number };

export interface QuestionTransport {
  solveProof: (purpose: PowPurpose, team: string) => Promise<Record<string, string>>;
  post: (envelope: SealedCase, headers: Record<string, string>, signal: AbortSignal) => Promise<Response>;
}

/** What the browser uses: the real proof of work and a POST that carries no cookie or referrer. */
export const browserTransport: QuestionTransport = {
  solveProof: proofHeaders,
  post: (envelope, headers, signal) =>
    fetch('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(envelope),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    }),
};

interface Options {
  team: SealingTeam;
  payload: QuestionPayload;
  signal: AbortSignal;
  /** Called once sealing is done and the request goes out ("Versturen…"). */
  onSending?: () => void;
  transport?: QuestionTransport;
}

export async function sendQuestion({ team, payload, signal, onSending, transport = browserTransport }: Options): Promise<QuestionOutcome> {
  const proof = transport.solveProof('case', team.id);
  proof.catch(() => undefined);
  const sodium = await loadSodium();
  const code = generateCaseCode(sodium);
  const envelope = sealCaseForTeam(sodium, team, {
    code,
    kind: 'question',
    consent: payload.consent,
    payloadJson: JSON.stringify(payload),
  });
  // Past the deadline nothing more happens: no late send behind an error message.
  signal.throwIfAborted();
  onSending?.();
  const response = await sendWithProof('case', team.id, proof, (headers) => transport.post(envelope, headers, signal), transport.solveProof);
  if (await isTeamBusy(response)) return { kind: 'teamBusy' };
  if (response.status !== 201) return { kind: 'failed', status: response.status };
  return { kind: 'sent', code };
}
