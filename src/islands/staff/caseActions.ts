// What a member does on an open case: reply, move or cancel a booking, set the status,
// write a note (making the case's note key first if it has none), give the case to a
// colleague, delete it. Everything is sealed and signed here; each action answers with
// a SubmitOutcome for the form that asked, and updates the case page in place.
import * as v from 'valibot';
import { findTeam } from '../../lib/config/teams';
import { makeNoteKey, sealMessage, sealNote } from '../../lib/crypto/caseMessages';
import { actionDetail } from '../../lib/audit/auditRecord';
import { MESSAGE_MAX_CHARS, MessagePayload, NotePayload } from '../../lib/schemas/messagePayload';
import type { StaffApi } from './api';
import type { AppointmentChange } from './AppointmentChangePanel';
import { sendAppointmentChange } from './appointmentChange';
import { nextSeq, problemText } from './caseView';
import { formatInstant, today } from './dates';
import type { SubmitOutcome } from './SealedTextForm';
import type { Say } from './strings';
import { memberTrust, prepareCaseGrant, prepareNoteKey, signAction } from './trust';
import type { CaseStatus, GrantInfo, Member, StaffInfo, Vault } from './types';
import type { CaseHandle } from './useCase';

export interface CaseActionContext {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
  caseId: string;
  /** The loaded case: its keys, what is on screen, and a quiet reload. */
  handle: CaseHandle;
  onStatus: (caseId: string, status: string) => void;
  onGrants: (caseId: string, grants: GrantInfo[]) => void;
  onDeleted: (caseId: string) => void;
  /** What a move or cancel did, for the booking's notice. */
  onChanged: (text: string) => void;
}

const fail = (message: string): SubmitOutcome => ({ ok: false, message });

export function caseActions({ say, api, getVault, staff, caseId, handle, onStatus, onGrants, onDeleted, onChanged }: CaseActionContext) {
  const { path, keysRef, viewRef, show, fetchCase } = handle;
  const tooLong = () => fail(say('staff.reply.tooLong', { max: MESSAGE_MAX_CHARS }));

  async function reply(text: string): Promise<SubmitOutcome> {
    const vault = getVault();
    const view = viewRef.current;
    const key = keysRef.current.caseKey;
    if (!vault || !view || !key) return fail(say('staff.error.noKeys'));
    const payload = { text, sentAt: new Date().toISOString() };
    if (!v.safeParse(MessagePayload, payload).success) return tooLong();
    const seq = nextSeq(view.messages);
    const sealed = sealMessage(vault.sodium, key, { caseId, direction: 'staff', seq }, JSON.stringify(payload));
    const signed = signAction(vault, staff, { action: 'case.reply', caseId, subjectId: null, detail: await actionDetail.reply(seq, sealed.nonce, sealed.ciphertext) });
    const r = await api.post<{ seq: number; status?: string }>(`${path}/messages`, { seq, nonce: sealed.nonce, ciphertext: sealed.ciphertext, signed });
    if (r.ok) {
      const current = viewRef.current ?? view;
      const status = typeof r.body.status === 'string' ? r.body.status : current.json.status;
      show({ ...current, json: { ...current.json, status }, messages: [...current.messages, { seq, direction: 'staff', createdDay: today(), authorName: staff.displayName, state: 'ok', ...payload }] });
      onStatus(caseId, status);
      return { ok: true };
    }
    if (r.status === 409 && r.code === 'seq_conflict') {
      await fetchCase(true);
      return fail(say('staff.reply.conflict'));
    }
    return fail(problemText(say, r, 'staff.reply.failed'));
  }

  async function changeAppointment(change: AppointmentChange, text: string): Promise<SubmitOutcome & { taken?: boolean }> {
    const vault = getVault();
    const view = viewRef.current;
    const key = keysRef.current.caseKey;
    if (!vault || !view || !key) return fail(say('staff.error.noKeys'));
    if (!v.safeParse(MessagePayload, { text, sentAt: new Date().toISOString() }).success) return tooLong();
    const r = await sendAppointmentChange(api, vault, staff, caseId, key, nextSeq(view.messages), change, text);
    if (r.ok || (r.status === 404 && r.code === 'no_appointment')) {
      onChanged(!r.ok ? say('staff.change.none') : change.kind === 'move' && r.body.startsAt ? say('staff.change.moved', { when: formatInstant(r.body.startsAt) }) : say('staff.change.cancelled'));
      await fetchCase(true);
      return { ok: true };
    }
    if (r.status === 409 && r.code === 'slot_taken') return { ok: false, message: say('staff.change.taken'), taken: true };
    if (r.status === 409 && r.code === 'seq_conflict') await fetchCase(true);
    return fail(r.status === 409 && r.code === 'seq_conflict' ? say('staff.reply.conflict') : problemText(say, r, 'staff.change.failed'));
  }

  async function saveStatus(status: CaseStatus): Promise<SubmitOutcome> {
    const vault = getVault();
    if (!vault) return fail(say('staff.error.noKeys'));
    const signed = signAction(vault, staff, { action: 'case.status', caseId, subjectId: null, detail: actionDetail.status(status) });
    const r = await api.post<{ status: string }>(`${path}/status`, { status, signed });
    if (!r.ok) return fail(problemText(say, r, 'staff.status.failed'));
    const view = viewRef.current;
    if (view) show({ ...view, json: { ...view.json, status } });
    onStatus(caseId, status);
    return { ok: true };
  }

  /** The note key, made here (sealed to the pinned team key) if the case has none yet. */
  async function ensureNoteKey(vault: Vault): Promise<{ ok: true; key: Uint8Array } | { ok: false; message: string }> {
    if (keysRef.current.noteKey) return { ok: true, key: keysRef.current.noteKey };
    const view = viewRef.current;
    if (!view) return { ok: false, message: say('staff.error.noKeys') };
    if (view.notesUntrusted) return { ok: false, message: say('staff.trust.noteKey') };
    if (vault.teamKeys.size === 0) return { ok: false, message: say('staff.notes.noKey') };
    if (view.json.sealedNoteKey) return { ok: false, message: say('staff.case.noNoteKeyAccess') };
    const team = findTeam(view.json.teamId);
    if (!team) return { ok: false, message: say('staff.error.generic') };
    const noteKey = makeNoteKey(vault.sodium);
    const prepared = prepareNoteKey(vault, staff, view.json, team, noteKey);
    if (!prepared) {
      vault.sodium.memzero(noteKey);
      return { ok: false, message: say('staff.trust.unknownKey') };
    }
    const r = await api.post(`${path}/note-key`, prepared);
    if (r.ok) {
      keysRef.current = { ...keysRef.current, noteKey };
      const current = viewRef.current ?? view;
      show({ ...current, json: { ...current.json, sealedNoteKey: prepared.sealedNoteKey, noteKeyBy: staff.id, noteKeySignature: prepared.signature } });
      return { ok: true, key: noteKey };
    }
    vault.sodium.memzero(noteKey);
    if (r.status === 409 && r.code === 'note_key_exists') {
      // A colleague made it first: reload and use theirs.
      await fetchCase(true);
      if (keysRef.current.noteKey) return { ok: true, key: keysRef.current.noteKey };
    }
    return { ok: false, message: problemText(say, r, 'staff.error.generic') };
  }

  async function saveNote(text: string): Promise<SubmitOutcome> {
    const vault = getVault();
    if (!vault) return fail(say('staff.error.noKeys'));
    const noteKey = await ensureNoteKey(vault);
    if (!noteKey.ok) return fail(noteKey.message);
    const payload = { text, author: staff.displayName, writtenAt: new Date().toISOString() };
    if (!v.safeParse(NotePayload, payload).success) return fail(say('staff.notes.tooLong', { max: MESSAGE_MAX_CHARS }));
    const id = crypto.randomUUID();
    const sealed = sealNote(vault.sodium, noteKey.key, caseId, id, JSON.stringify(payload));
    const signed = signAction(vault, staff, { action: 'case.note', caseId, subjectId: null, detail: await actionDetail.note(id, sealed.nonce, sealed.ciphertext) });
    const r = await api.post(`${path}/notes`, { id, nonce: sealed.nonce, ciphertext: sealed.ciphertext, signed });
    if (!r.ok) return fail(r.status === 409 ? say('staff.notes.noKey') : problemText(say, r, 'staff.notes.failed'));
    const current = viewRef.current;
    if (current?.notes) show({ ...current, notes: [...current.notes, { id, staffId: staff.id, createdDay: today(), state: 'ok', ...payload }] });
    return { ok: true };
  }

  async function assign(member: Member): Promise<SubmitOutcome> {
    const vault = getVault();
    const caseKey = keysRef.current.caseKey;
    if (!vault || !caseKey) return fail(say('staff.error.noKeys'));
    // Before anything is sealed: is this really the colleague's key, vouched for by the team lead?
    const trust = memberTrust(vault.sodium, member);
    if (!trust.ok || trust.body.teamId !== vault.teamId) return fail(say('staff.trust.notCertified'));
    const noteKey = await ensureNoteKey(vault);
    if (!noteKey.ok) return fail(noteKey.message);
    let prepared: ReturnType<typeof prepareCaseGrant>;
    try {
      prepared = prepareCaseGrant(vault, staff, caseId, member, caseKey, noteKey.key);
    } catch {
      return fail(say('staff.assign.invalidAssignee'));
    }
    if (!prepared.ok) return fail(say(prepared.refusal === 'not_certified' ? 'staff.trust.notCertified' : 'staff.assign.invalidAssignee'));
    const signed = signAction(vault, staff, { action: 'case.assign', caseId, subjectId: member.id, detail: await actionDetail.assign(prepared.body.grantSignature) });
    const r = await api.post(`${path}/grants`, { ...prepared.body, signed });
    if (r.ok) {
      const current = viewRef.current;
      if (current) {
        const grants = [...current.grants, { staffId: member.id, grantedBy: staff.id, createdDay: today() }];
        show({ ...current, grants });
        onGrants(caseId, grants);
      }
      return { ok: true };
    }
    if (r.status === 409 && (r.code === 'consent_refuses' || r.code === 'already_assigned')) {
      // Someone else was quicker: show who holds the case now.
      await fetchCase(true);
      return fail(say(r.code === 'consent_refuses' ? 'staff.assign.consentRefuses' : 'staff.assign.alreadyAssigned'));
    }
    if (r.status === 400 && r.code === 'invalid_assignee') return fail(say('staff.assign.invalidAssignee'));
    return fail(problemText(say, r, 'staff.assign.failed'));
  }

  async function remove(): Promise<SubmitOutcome> {
    const vault = getVault();
    if (!vault) return fail(say('staff.error.noKeys'));
    const signed = signAction(vault, staff, { action: 'case.delete', caseId, subjectId: null, detail: actionDetail.none() });
    const r = await api.del(path, { signed });
    if (r.ok || r.status === 404) {
      handle.wipeKeys();
      onDeleted(caseId);
      return { ok: true };
    }
    return fail(problemText(say, r, 'staff.delete.failed'));
  }

  return { reply, changeAppointment, saveStatus, saveNote, assign, remove };
}
