// Opening cases in the staff browser: the case key comes from the team key (intake,
// team lead) or from the member's own case grant (case manager). Pure functions: the
// caller owns the keys it gets back and wipes them with sodium.memzero.
import * as v from 'valibot';
import { QuestionPayload } from '../../lib/schemas/questionPayload';
import { AppointmentPayload } from '../../lib/schemas/appointmentPayload';
import { MessagePayload, NotePayload } from '../../lib/schemas/messagePayload';
import type { AttachmentRef } from '../../lib/schemas/attachmentRef';
import { openCaseKey, openCasePayload, type StoredCase } from '../../lib/crypto/caseEnvelope';
import { openMessage, openNote, openSealedKey } from '../../lib/crypto/caseMessages';
import { toBase64, type Sodium } from '../../lib/crypto/sodium';
import { type CaseJson, type CaseDetailJson, type Vault } from './types';
import { grantIsTrusted, noteKeyIsTrusted, teamKeyFor, type CertificateMap } from './trust';

/**
 * Why a case cannot be read: unknown_key, sealed to a team key this bundle does not pin;
 * untrusted, its grant or note key lacks a valid signature of a certified colleague
 * (a server that planted a key); otherwise no key this member holds opens it.
 */
export type UnreadableReason = 'unknown_key' | 'untrusted' | 'no_key';

/** A decrypted case: a question, a booking (its time is the server's slot, not the payload's), or unreadable. */
export type OpenedQuestion =
  | { state: 'ok'; payload: QuestionPayload }
  | { state: 'unreadable'; reason?: UnreadableReason }
  | { state: 'appointment'; booking: AppointmentPayload };

/** What the console checks signatures against: who it is, and the certificates the API sent along. */
export interface TrustContext {
  me: { id: string };
  certificates: CertificateMap;
}

export type KeyResult = { ok: true; key: Uint8Array } | { ok: false; reason: UnreadableReason };

const myBox = (vault: Vault, ctx: TrustContext) => ({ id: ctx.me.id, boxPublicKey: toBase64(vault.sodium, vault.staff.box.publicKey) });


function stored(c: CaseJson): StoredCase {
  return { teamId: c.teamId, kind: c.kind, consent: c.consent, keyId: c.keyId ?? null, protocol: c.protocol, nonce: c.nonce, ciphertext: c.ciphertext, sealedKey: c.sealedKey };
}

/** The case key: the team key it was sealed to first, otherwise this member's (signed) grant. */
export function openKeyOf(vault: Vault, c: CaseJson, ctx: TrustContext): KeyResult {
  const { sodium } = vault;
  let reason: UnreadableReason = 'no_key';
  try {
    if (vault.teamKeys.size > 0) {
      const team = teamKeyFor(vault, c);
      if (team) {
        const key = openCaseKey(sodium, c.sealedKey, team);
        if (key.ok) return { ok: true, key: key.value };
      } else reason = 'unknown_key';
    }
    if (c.grant?.sealedCaseKey) {
      if (!grantIsTrusted(sodium, c, myBox(vault, ctx), ctx.certificates)) return { ok: false, reason: 'untrusted' };
      const key = openSealedKey(sodium, c.grant.sealedCaseKey, vault.staff.box);
      if (key.ok) return { ok: true, key: key.value };
    }
  } catch {
    // Malformed base64 and the like: treated as "cannot open".
  }
  return { ok: false, reason };
}

/** The note key: sealed to the team key on the case (signed by its maker), or to this member in their signed grant. */
export function openNoteKeyOf(vault: Vault, c: CaseJson, ctx: TrustContext): KeyResult {
  const { sodium } = vault;
  try {
    const team = teamKeyFor(vault, c);
    if (team && c.sealedNoteKey) {
      if (!noteKeyIsTrusted(sodium, c, ctx.certificates)) return { ok: false, reason: 'untrusted' };
      const key = openSealedKey(sodium, c.sealedNoteKey, team);
      if (key.ok) return { ok: true, key: key.value };
    }
    if (c.grant?.sealedNoteKey) {
      if (!grantIsTrusted(sodium, c, myBox(vault, ctx), ctx.certificates)) return { ok: false, reason: 'untrusted' };
      const key = openSealedKey(sodium, c.grant.sealedNoteKey, vault.staff.box);
      if (key.ok) return { ok: true, key: key.value };
    }
  } catch {
    // As above.
  }
  return { ok: false, reason: 'no_key' };
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

/** authorName: the colleague who wrote a staff message, as the API says (null for older messages). */
export type OpenedMessage = { seq: number; direction: 'resident' | 'staff'; createdDay: string; authorName?: string | null } & (
  | { state: 'ok'; text: string; sentAt: string; /** Files sent with a resident's follow-up (keys included: opened like the question's). */ attachments?: AttachmentRef[] }
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
    const base = { seq: m.seq, direction: m.direction, createdDay: m.createdDay, authorName: typeof m.authorName === 'string' ? m.authorName : null };
    try {
      const opened = openMessage(sodium, caseKey, { caseId: detail.case.id, direction: m.direction, seq: m.seq }, m);
      if (!opened.ok) return { ...base, state: 'unreadable' };
      const parsed = v.safeParse(MessagePayload, opened.value);
      return parsed.success
        ? { ...base, state: 'ok', text: parsed.output.text, sentAt: parsed.output.sentAt, attachments: parsed.output.attachments ?? [] }
        : { ...base, state: 'unreadable' };
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
