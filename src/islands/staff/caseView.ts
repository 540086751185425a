// One case as this member sees it, opened from the API's answer with the keys in the
// vault: the question (or booking), the conversation, the notes, who holds it. Pure:
// the caller keeps the case key and note key it gets back, and wipes them with
// wipeCaseKeys when the case closes.
import type { Sodium } from '../../lib/crypto/sodium';
import type { ApiResult } from './api';
import {
  openKeyOf,
  openMessages,
  openNoteKeyOf,
  openNotes,
  openQuestion,
  type OpenedMessage,
  type OpenedNote,
  type OpenedQuestion,
  type TrustContext,
  type UnreadableReason,
} from './caseCrypto';
import type { Say, StaffTextKey } from './strings';
import type { CaseDetailJson, CaseJson, GrantInfo, Vault } from './types';

export interface CaseView {
  json: CaseJson;
  /** Null when no key this member holds opens the case. */
  question: OpenedQuestion | null;
  messages: OpenedMessage[];
  /** Null when this member cannot open (or make) the note key. */
  notes: OpenedNote[] | null;
  /** The case's note key carries no valid signature of a certified colleague: refused. */
  notesUntrusted: boolean;
  /** Why the question cannot be opened, when it cannot. */
  unreadable: UnreadableReason | null;
  grants: GrantInfo[];
}

export interface CaseKeys {
  caseKey: Uint8Array | null;
  noteKey: Uint8Array | null;
}

export function openCaseDetail(vault: Vault, body: CaseDetailJson, meId: string): { view: CaseView; keys: CaseKeys } {
  const json = body.case;
  const ctx: TrustContext = { me: { id: meId }, certificates: body.certificates ?? {} };
  const openedKey = openKeyOf(vault, json, ctx);
  const openedNoteKey = openNoteKeyOf(vault, json, ctx);
  const caseKey = openedKey.ok ? openedKey.key : null;
  const noteKey = openedNoteKey.ok ? openedNoteKey.key : null;
  const canMakeNoteKey = vault.teamKeys.size > 0 && !json.sealedNoteKey;
  const view: CaseView = {
    json,
    question: caseKey ? openQuestion(vault.sodium, json, caseKey) : null,
    messages: caseKey ? openMessages(vault.sodium, caseKey, body) : [],
    // A team key holder may make the note key when the case has none yet.
    notes: noteKey ? openNotes(vault.sodium, noteKey, body) : canMakeNoteKey ? [] : null,
    notesUntrusted: !openedNoteKey.ok && openedNoteKey.reason === 'untrusted',
    unreadable: openedKey.ok ? null : openedKey.reason,
    grants: Array.isArray(body.grants) ? body.grants : [],
  };
  return { view, keys: { caseKey, noteKey } };
}

/** Zeroes both keys (with sodium when it is still there). */
export function wipeCaseKeys(keys: CaseKeys, sodium: Sodium | undefined): void {
  for (const key of [keys.caseKey, keys.noteKey]) {
    if (!key) continue;
    if (sodium) sodium.memzero(key);
    else key.fill(0);
  }
}

/** The number the next staff message gets: one past the highest so far. */
export function nextSeq(messages: readonly OpenedMessage[]): number {
  return messages.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
}

/** Why a call about the case failed, in words; empty when the session ended (the sign-in form says why). */
export function problemText(say: Say, r: ApiResult<unknown>, fallback: StaffTextKey): string {
  if (r.ok || r.status === 401) return '';
  if (r.status === 0) return say('staff.error.network');
  if (r.status === 403) return say('staff.error.forbidden');
  return say(fallback);
}
