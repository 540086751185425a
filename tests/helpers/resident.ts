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
import { postWithPow, powHeaders } from './pow';
import { sealAttachment } from '../../src/lib/crypto/attachmentCipher';
import { ATTACHMENT_ID_HEADER, ATTACHMENT_MAILBOX_HEADER } from '../../src/lib/schemas/attachmentUpload';

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

/** Seals a file as the browser does and uploads it with the code's mailbox id; returns the answer and what the message would carry. */
export async function uploadAttachment(request: Request, sodium: Sodium, asked: AskedCase, file: Uint8Array, id: string = crypto.randomUUID(), address?: string) {
  const sealed = sealAttachment(sodium, file);
  if (!sealed.ok) throw new Error(sealed.error);
  const res = await uploadObject(request, asked.mailboxId, sealed.value.object, id, address);
  return { res, id, key: sealed.value.key, object: sealed.value.object };
}

/** Uploads raw bytes as an attachment object (a test may send anything). */
export async function uploadObject(request: Request, mailboxId: string, body: Uint8Array, id: string = crypto.randomUUID(), address?: string, contentType = 'application/octet-stream') {
  return request('/api/mailbox/attachments', {
    method: 'POST',
    headers: { 'content-type': contentType, [ATTACHMENT_MAILBOX_HEADER]: mailboxId, [ATTACHMENT_ID_HEADER]: id, ...(await powHeaders(request, 'attachment', address)) },
    body: body.slice(),
  });
}
