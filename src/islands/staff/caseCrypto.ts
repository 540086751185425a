// Opening cases in the staff browser: the case key comes from the team key (intake,
// team lead) or from the member's own case grant (case manager). Pure functions: the
// caller owns the keys it gets back and wipes them with sodium.memzero.
import * as v from 'valibot';
import { QuestionPayload } from '../../lib/schemas/questionPayload';
import { AppointmentPayload } from '../../lib/schemas/appointmentPayload';
import { MessagePayload, NotePayload } from '../../lib/schemas/messagePayload';
import { openCaseKey, openCasePayload, type StoredCase } from '../../lib/crypto/caseEnvelope';
import { openMessage, openNote, openSealedKey } from '../../lib/crypto/caseMessages';
import type { Sodium } from '../../lib/crypto/sodium';
import { isCaseJson, type CaseJson, type CaseDetailJson, type Vault } from './types';

/** A decrypted case: a question, a booking (its time is the server's slot, not the payload's), or unreadable. */
export type OpenedQuestion = { state: 'ok'; payload: QuestionPayload } | { state: 'unreadable' } | { state: 'appointment'; booking: AppointmentPayload };

export type OpenedCase = { id: string; teamId: string; kind: CaseJson['kind'] | null; status: string; createdDay: string; consent: CaseJson['consent'] | null } & OpenedQuestion;

function stored(c: CaseJson): StoredCase {
  return { teamId: c.teamId, kind: c.kind, consent: c.consent, protocol: c.protocol, nonce: c.nonce, ciphertext: c.ciphertext, sealedKey: c.sealedKey };
}

/** The case key: team key first, otherwise this member's grant. Null when neither opens it. */
export function openKeyOf(vault: Vault, c: CaseJson): Uint8Array | null {
  const { sodium } = vault;
  try {
    if (vault.team) {
      const key = openCaseKey(sodium, c.sealedKey, vault.team);
      if (key.ok) return key.value;
    }
    if (c.grant?.sealedCaseKey) {
      const key = openSealedKey(sodium, c.grant.sealedCaseKey, vault.staff.box);
      if (key.ok) return key.value;
    }
  } catch {
    // Malformed base64 and the like: treated as "cannot open".
  }
  return null;
}

/** The note key: sealed to the team key on the case, or to this member in their grant. */
export function openNoteKeyOf(vault: Vault, c: CaseJson): Uint8Array | null {
  const { sodium } = vault;
  try {
    if (vault.team && c.sealedNoteKey) {
      const key = openSealedKey(sodium, c.sealedNoteKey, vault.team);
      if (key.ok) return key.value;
    }
    if (c.grant?.sealedNoteKey) {
      const key = openSealedKey(sodium, c.grant.sealedNoteKey, vault.staff.box);
      if (key.ok) return key.value;
    }
  } catch {
    // As above.
  }
  return null;
}

/** Decrypts the question (or booking) itself with a case key the caller holds. The
 * consent inside must match the one in the clear: the API enforces the clear one, so a
 * server that changed it (to let more colleagues read) would otherwise go unnoticed. */
export function openQuestion(sodium: Sodium, c: CaseJson, caseKey: Uint8Array): OpenedQuestion {
  try {
    const opened = openCasePayload(sodium, stored(c), caseKey);
    if (!opened.ok) return { state: 'unreadable' };
    if (c.kind === 'appointment') {
      const booking = v.safeParse(AppointmentPayload, opened.value);
      return booking.success && booking.output.consent === c.consent ? { state: 'appointment', booking: booking.output } : { state: 'unreadable' };
    }
    const parsed = v.safeParse(QuestionPayload, opened.value);
    if (!parsed.success || parsed.output.consent !== c.consent) return { state: 'unreadable' };
    return { state: 'ok', payload: parsed.output };
  } catch {
    return { state: 'unreadable' };
  }
}

/** One inbox entry; never throws, so one broken case does not stop the list. */
export function openInboxCase(vault: Vault, raw: unknown, index: number): OpenedCase {
  if (!isCaseJson(raw)) {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return { id: str(r['id']) || `case-${index}`, teamId: str(r['teamId']), kind: r['kind'] === 'appointment' || r['kind'] === 'question' ? r['kind'] : null, status: str(r['status']), createdDay: str(r['createdDay']), consent: null, state: 'unreadable' };
  }
  const base = { id: raw.id, teamId: raw.teamId, kind: raw.kind, status: raw.status, createdDay: raw.createdDay, consent: raw.consent };
  const key = openKeyOf(vault, raw);
  if (!key) return { ...base, state: 'unreadable' };
  const opened = openQuestion(vault.sodium, raw, key);
  vault.sodium.memzero(key);
  return { ...base, ...opened };
}

export type OpenedMessage = { seq: number; direction: 'resident' | 'staff'; createdDay: string } & (
  | { state: 'ok'; text: string; sentAt: string }
  | { state: 'unreadable' }
);

export type OpenedNote = { id: string; staffId: string; createdDay: string } & (
  | { state: 'ok'; text: string; author: string; writtenAt: string }
  | { state: 'unreadable' }
);

export function openMessages(sodium: Sodium, caseKey: Uint8Array, detail: CaseDetailJson): OpenedMessage[] {
  const list = Array.isArray(detail.messages) ? [...detail.messages] : [];
  list.sort((a, b) => a.seq - b.seq);
  return list.map((m) => {
    const base = { seq: m.seq, direction: m.direction, createdDay: m.createdDay };
    try {
      const opened = openMessage(sodium, caseKey, { caseId: detail.case.id, direction: m.direction, seq: m.seq }, m);
      if (!opened.ok) return { ...base, state: 'unreadable' };
      const parsed = v.safeParse(MessagePayload, opened.value);
      return parsed.success ? { ...base, state: 'ok', text: parsed.output.text, sentAt: parsed.output.sentAt } : { ...base, state: 'unreadable' };
    } catch {
      return { ...base, state: 'unreadable' };
    }
  });
}

export function openNotes(sodium: Sodium, noteKey: Uint8Array, detail: CaseDetailJson): OpenedNote[] {
  const list = Array.isArray(detail.notes) ? detail.notes : [];
  return list.map((n) => {
    const base = { id: n.id, staffId: n.staffId, createdDay: n.createdDay };
    try {
      const opened = openNote(sodium, noteKey, detail.case.id, n.id, n);
      if (!opened.ok) return { ...base, state: 'unreadable' };
      const parsed = v.safeParse(NotePayload, opened.value);
      return parsed.success
        ? { ...base, state: 'ok', text: parsed.output.text, author: parsed.output.author, writtenAt: parsed.output.writtenAt }
        : { ...base, state: 'unreadable' };
    } catch {
      return { ...base, state: 'unreadable' };
    }
  });
}
