// The conversation as a resident's browser opens it with the case key: each message
// decrypted and checked here; one that does not open is marked, never fatal.
import * as v from 'valibot';
import type { Sodium } from '../../lib/crypto/sodium';
import { openMessage, type MessageDirection } from '../../lib/crypto/caseMessages';
import { MessagePayload } from '../../lib/schemas/messagePayload';

export interface SealedMessage {
  seq: number;
  direction: MessageDirection;
  nonce: string;
  ciphertext: string;
  createdDay: string;
}

export interface OpenedMessage {
  seq: number;
  direction: MessageDirection;
  /** null: the message did not decrypt or is not a valid message. */
  text: string | null;
  sentAt: string | null;
  createdDay: string;
  /** Names of the files sent with the message (the resident's own follow-ups); shown, not opened again. */
  fileNames: string[];
}

export function openResidentMessages(sodium: Sodium, caseKey: Uint8Array, caseId: string, messages: SealedMessage[]): OpenedMessage[] {
  return [...messages]
    .sort((a, b) => a.seq - b.seq)
    .map((m) => {
      const base = { seq: m.seq, direction: m.direction, createdDay: m.createdDay, fileNames: [] };
      const opened = openMessage(sodium, caseKey, { caseId, direction: m.direction, seq: m.seq }, m);
      if (!opened.ok) return { ...base, text: null, sentAt: null };
      const parsed = v.safeParse(MessagePayload, opened.value);
      if (!parsed.success) return { ...base, text: null, sentAt: null };
      return { ...base, text: parsed.output.text, sentAt: parsed.output.sentAt, fileNames: (parsed.output.attachments ?? []).map((a) => a.name) };
    });
}
