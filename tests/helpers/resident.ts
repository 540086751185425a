// A resident's browser, in Node: real libsodium, the same library code the island uses.
import * as v from 'valibot';
import type { Sodium } from '../../src/lib/crypto/sodium';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';
import { sealCase, type CaseConsent } from '../../src/lib/crypto/caseEnvelope';
import { deriveCaseKeys } from '../../src/lib/crypto/deriveCaseKeys';
import { sealMessage } from '../../src/lib/crypto/caseMessages';
import { teamForNeighbourhood } from '../../src/lib/config/teams';
import { QuestionPayload } from '../../src/lib/schemas/questionPayload';
import { postWithPow } from './pow';

type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

export interface AskedCase {
  id: string;
  code: string;
  mailboxId: string;
  caseKey: Uint8Array;
  teamId: string;
}

export async function askQuestion(
  request: Request,
  sodium: Sodium,
  { neighbourhood = 'oost', consent = 'handler' as CaseConsent, text = 'Ik heb een vraag' } = {},
): Promise<AskedCase> {
  const team = teamForNeighbourhood(neighbourhood)!;
  const payload = v.parse(QuestionPayload, {
    type: 'question', neighbourhood, question: text, contact: { method: 'portal' }, consent, submittedAt: new Date().toISOString(), language: 'nl',
  });
  const code = generateCaseCode(sodium);
  const envelope = sealCase(sodium, { code, teamId: team.id, teamPublicKey: team.publicKey, teamKeyId: team.keyId, kind: 'question', consent, payloadJson: JSON.stringify(payload) });
  const res = await postWithPow(request, '/api/cases', 'case', envelope);
  if (res.status !== 201) throw new Error(`case not created: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  const keys = deriveCaseKeys(sodium, code);
  return { id, code, mailboxId: toBase64(sodium, keys.mailboxId), caseKey: keys.caseKey, teamId: team.id };
}

export function openMailbox(request: Request, mailboxId: string) {
  return postWithPow(request, '/api/mailbox/open', 'lookup', { mailboxId });
}

export function sendFollowUp(request: Request, sodium: Sodium, asked: AskedCase, seq: number, text: string) {
  const sealed = sealMessage(sodium, asked.caseKey, { caseId: asked.id, direction: 'resident', seq }, JSON.stringify({ text, sentAt: new Date().toISOString() }));
  return postWithPow(request, '/api/mailbox/messages', 'change', { mailboxId: asked.mailboxId, seq, ...sealed });
}
