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
import { QuestionPayload as QuestionPayloadSchema } from '../../../lib/schemas/questionPayload';
import * as v from 'valibot';
import type { PreparedAttachment } from '../../shared/attachments/prepareAttachment';
import { browserUpload, sealFiles, uploadFiles, type UploadFile } from '../../shared/attachments/sendAttachments';

export type QuestionOutcome =
  /** Sent; the files (if any) go next with `sendFiles`, after the code is on screen. */
  | { kind: 'sent'; code: string; sendFiles: ((signal: AbortSignal) => Promise<number>) | null }
  /** The team takes no more online questions for now: the page gives the phone number. */
  | { kind: 'teamBusy' }
  | { kind: 'failed'; status: number };

export interface QuestionTransport {
  solveProof: (purpose: PowPurpose, team: string) => Promise<Record<string, string>>;
  post: (envelope: SealedCase, headers: Record<string, string>, signal: AbortSignal) => Promise<Response>;
  upload?: UploadFile;
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
  upload: browserUpload,
};

interface Options {
  team: SealingTeam;
  payload: QuestionPayload;
  /** Photos and PDFs made ready in the form; sealed here, uploaded after the case exists. */
  files?: readonly PreparedAttachment[];
  signal: AbortSignal;
  /** Called once sealing is done and the request goes out ("Versturen…"). */
  onSending?: () => void;
  transport?: QuestionTransport;
}

export async function sendQuestion({ team, payload, files = [], signal, onSending, transport = browserTransport }: Options): Promise<QuestionOutcome> {
  const proof = transport.solveProof('case', team.id);
  proof.catch(() => undefined);
  const sodium = await loadSodium();
  const code = generateCaseCode(sodium);
  // Each file under a key of its own; the keys, names and sizes travel inside the question.
  const sealedFiles = sealFiles(sodium, files);
  const withFiles = v.parse(QuestionPayloadSchema, sealedFiles.length ? { ...payload, attachments: sealedFiles.map((f) => f.ref) } : payload);
  const envelope = sealCaseForTeam(sodium, team, {
    code,
    kind: 'question',
    consent: payload.consent,
    payloadJson: JSON.stringify(withFiles),
  });
  // Past the deadline nothing more happens: no late send behind an error message.
  signal.throwIfAborted();
  onSending?.();
  const response = await sendWithProof('case', team.id, proof, (headers) => transport.post(envelope, headers, signal), transport.solveProof);
  if (await isTeamBusy(response)) return { kind: 'teamBusy' };
  if (response.status !== 201) return { kind: 'failed', status: response.status };
  const upload = transport.upload ?? browserUpload;
  const sendFiles = sealedFiles.length
    ? (uploadSignal: AbortSignal) => {
        const proofs = sealedFiles.map(() => transport.solveProof('attachment', team.id));
        for (const p of proofs) p.catch(() => undefined);
        return uploadFiles(envelope.mailboxId, sealedFiles, proofs, uploadSignal, upload);
      }
    : null;
  return { kind: 'sent', code, sendFiles };
}
