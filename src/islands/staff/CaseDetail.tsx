// One case, opened in this browser: the question, the conversation and a reply form,
// status, internal notes, and (for intake and team leads) assignment; team leads may
// delete. The case key and note key live in a ref and are wiped when the page closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { findTeam } from '../../lib/config/teams';
import { makeNoteKey, sealMessage, sealNote } from '../../lib/crypto/caseMessages';
import { actionDetail } from '../../lib/audit/auditRecord';
import { memberTrust, prepareCaseGrant, prepareNoteKey, signAction } from './trust';
import { MESSAGE_MAX_CHARS, MessagePayload, NotePayload } from '../../lib/schemas/messagePayload';
import type { StaffApi, ApiResult } from './api';
import {
  openKeyOf,
  openMessages,
  openNoteKeyOf,
  openNotes,
  openQuestion,
  type TrustContext,
  type UnreadableReason,
  type OpenedMessage,
  type OpenedNote,
  type OpenedQuestion,
} from './caseCrypto';
import { QuestionFacts, openedHeading } from './QuestionFacts';
import { CaseAppointment } from './CaseAppointment';
import type { AppointmentChange } from './AppointmentChangePanel';
import { sendAppointmentChange } from './appointmentChange';
import { Conversation } from './Conversation';
import { NotesPanel } from './NotesPanel';
import { StatusForm } from './StatusForm';
import { AssignPanel } from './AssignPanel';
import { DeletePanel } from './DeletePanel';
import type { SubmitOutcome } from './SealedTextForm';
import { formatInstant, today } from './dates';
import { canAssign, isCaseJson, type CaseDetailJson, type CaseJson, type CaseStatus, type GrantInfo, type Member, type StaffInfo, type Vault } from './types';
import { ErrorIcon } from './ui';
import { CaseDetailWaiting, UnreadableCase } from './CaseDetailWaiting';
import type { Say, StaffTextKey } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
  caseId: string;
  members: Member[] | 'failed' | null;
  memberName: (staffId: string) => string;
  onGrants: (caseId: string, grants: GrantInfo[]) => void;
  onStatus: (caseId: string, status: string) => void;
  /** The case no longer exists (deleted by the resident or a colleague). */
  onGone: (caseId: string) => void;
  /** The case was opened: everything in it is now seen by this member. */
  onOpened: (caseId: string) => void;
  /** This member deleted the case. */
  onDeleted: (caseId: string) => void;
  /** Opens the agenda on a day; null for members without an agenda. */
  onAgendaDay: ((date: string) => void) | null;
  /** Where the back link goes: the list the case was opened from. */
  backTo: 'inbox' | 'agenda';
}

interface Ready {
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

type Load = { state: 'loading' } | { state: 'notFound' } | { state: 'forbidden' } | { state: 'failed' } | { state: 'ready'; view: Ready };

const fail = (message: string): SubmitOutcome => ({ ok: false, message });

export function CaseDetail({ say, api, getVault, staff, caseId, members, memberName, onGrants, onStatus, onGone, onOpened, onDeleted, onAgendaDay, backTo }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  /** What the last move or cancel did; also makes the booking look its time up again. */
  const [changed, setChanged] = useState<string | null>(null);
  const keysRef = useRef<{ caseKey: Uint8Array | null; noteKey: Uint8Array | null }>({ caseKey: null, noteKey: null });
  const viewRef = useRef<Ready | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const path = `/api/staff/cases/${encodeURIComponent(caseId)}`;

  function wipeKeys() {
    const sodium = getVault()?.sodium;
    for (const key of [keysRef.current.caseKey, keysRef.current.noteKey]) {
      if (!key) continue;
      if (sodium) sodium.memzero(key);
      else key.fill(0);
    }
    keysRef.current = { caseKey: null, noteKey: null };
  }

  function show(view: Ready) {
    viewRef.current = view;
    setLoad({ state: 'ready', view });
  }

  /** Messages for a failed call; empty when the session ended (the sign-in form says why). */
  function problem(r: ApiResult<unknown>, fallback: StaffTextKey): string {
    if (r.ok || r.status === 401) return '';
    if (r.status === 0) return say('staff.error.network');
    if (r.status === 403) return say('staff.error.forbidden');
    return say(fallback);
  }

  async function fetchCase(silent: boolean): Promise<void> {
    if (!silent) setLoad({ state: 'loading' });
    const r = await api.get<CaseDetailJson>(path);
    if (!r.ok) {
      if (r.status === 401) return;
      if (!silent || r.status === 404 || r.status === 403) {
        setLoad({ state: r.status === 404 ? 'notFound' : r.status === 403 ? 'forbidden' : 'failed' });
        if (r.status === 404) onGone(caseId);
      }
      return;
    }
    const vault = getVault();
    if (!vault) return;
    const body = r.body;
    if (!body || !isCaseJson(body.case)) {
      setLoad({ state: 'failed' });
      return;
    }
    wipeKeys();
    const json = body.case;
    const ctx: TrustContext = { me: { id: staff.id }, certificates: body.certificates ?? {} };
    const openedKey = openKeyOf(vault, json, ctx);
    const openedNoteKey = openNoteKeyOf(vault, json, ctx);
    const caseKey = openedKey.ok ? openedKey.key : null;
    const noteKey = openedNoteKey.ok ? openedNoteKey.key : null;
    keysRef.current = { caseKey, noteKey };
    const grants = Array.isArray(body.grants) ? body.grants : [];
    const canMakeNoteKey = vault.teamKeys.size > 0 && !json.sealedNoteKey;
    show({
      json,
      question: caseKey ? openQuestion(vault.sodium, json, caseKey) : null,
      messages: caseKey ? openMessages(vault.sodium, caseKey, body) : [],
      // A team key holder may make the note key when the case has none yet.
      notes: noteKey ? openNotes(vault.sodium, noteKey, body) : canMakeNoteKey ? [] : null,
      notesUntrusted: !openedNoteKey.ok && openedNoteKey.reason === 'untrusted',
      unreadable: openedKey.ok ? null : openedKey.reason,
      grants,
    });
    if (canAssign(staff.role)) onGrants(caseId, grants);
    onStatus(caseId, json.status);
    onOpened(caseId);
  }

  useEffect(() => {
    void fetchCase(false);
    return () => wipeKeys();
  }, [caseId]);

  // The heading takes focus when the case (or its problem) is shown, so a screen reader starts there.
  const loaded = load.state !== 'loading';
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  async function reply(text: string): Promise<SubmitOutcome> {
    const vault = getVault();
    const view = viewRef.current;
    const key = keysRef.current.caseKey;
    if (!vault || !view || !key) return fail(say('staff.error.noKeys'));
    const payload = { text, sentAt: new Date().toISOString() };
    if (!v.safeParse(MessagePayload, payload).success) return fail(say('staff.reply.tooLong', { max: MESSAGE_MAX_CHARS }));
    const seq = view.messages.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
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
    return fail(problem(r, 'staff.reply.failed'));
  }

  async function changeAppointment(change: AppointmentChange, text: string): Promise<SubmitOutcome & { taken?: boolean }> {
    const vault = getVault();
    const view = viewRef.current;
    const key = keysRef.current.caseKey;
    if (!vault || !view || !key) return fail(say('staff.error.noKeys'));
    if (!v.safeParse(MessagePayload, { text, sentAt: new Date().toISOString() }).success) return fail(say('staff.reply.tooLong', { max: MESSAGE_MAX_CHARS }));
    const seq = view.messages.reduce((max, m) => Math.max(max, m.seq), 0) + 1;
    const r = await sendAppointmentChange(api, vault, staff, caseId, key, seq, change, text);
    if (r.ok || (r.status === 404 && r.code === 'no_appointment')) {
      setChanged(!r.ok ? say('staff.change.none') : change.kind === 'move' && r.body.startsAt ? say('staff.change.moved', { when: formatInstant(r.body.startsAt) }) : say('staff.change.cancelled'));
      await fetchCase(true);
      return { ok: true };
    }
    if (r.status === 409 && r.code === 'slot_taken') return { ok: false, message: say('staff.change.taken'), taken: true };
    if (r.status === 409 && r.code === 'seq_conflict') await fetchCase(true);
    return fail(r.status === 409 && r.code === 'seq_conflict' ? say('staff.reply.conflict') : problem(r, 'staff.change.failed'));
  }

  async function saveStatus(status: CaseStatus): Promise<SubmitOutcome> {
    const vault = getVault();
    if (!vault) return fail(say('staff.error.noKeys'));
    const signed = signAction(vault, staff, { action: 'case.status', caseId, subjectId: null, detail: actionDetail.status(status) });
    const r = await api.post<{ status: string }>(`${path}/status`, { status, signed });
    if (!r.ok) return fail(problem(r, 'staff.status.failed'));
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
      keysRef.current.noteKey = noteKey;
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
    return { ok: false, message: problem(r, 'staff.error.generic') };
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
    if (!r.ok) return fail(r.status === 409 ? say('staff.notes.noKey') : problem(r, 'staff.notes.failed'));
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
    return fail(problem(r, 'staff.assign.failed'));
  }

  async function remove(): Promise<SubmitOutcome> {
    const vault = getVault();
    if (!vault) return fail(say('staff.error.noKeys'));
    const signed = signAction(vault, staff, { action: 'case.delete', caseId, subjectId: null, detail: actionDetail.none() });
    const r = await api.del(path, { signed });
    if (r.ok || r.status === 404) {
      wipeKeys();
      onDeleted(caseId);
      return { ok: true };
    }
    return fail(problem(r, 'staff.delete.failed'));
  }

  const back = (
    <p class="achterom-detail__back">
      {backTo === 'agenda' ? <a href="#agenda">{say('staff.case.backAgenda')}</a> : <a href="#vragen">{say('staff.case.back')}</a>}
    </p>
  );

  if (load.state !== 'ready') {
    return <CaseDetailWaiting say={say} state={load.state} back={back} headingRef={headingRef} onRetry={() => void fetchCase(false)} />;
  }

  const { json, question, messages, notes, grants, notesUntrusted, unreadable } = load.view;
  const readable = question?.state === 'ok' || question?.state === 'appointment';
  const heading = openedHeading(say, question, json.kind);
  // Only a case whose contents (and consent inside) check out may be shared, answered or annotated.
  const trusted = question !== null && question.state !== 'unreadable';

  return (
    <section class="achterom-detail" aria-labelledby="case-detail-heading" data-testid="case-detail" data-case-id={json.id}>
      {back}
      <h2 id="case-detail-heading" tabIndex={-1} ref={headingRef}>
        {heading}
      </h2>
      <article class={`achterom-case${readable ? '' : ' achterom-case--problem'}`} aria-label={say(json.kind === 'appointment' ? 'staff.case.headingAppointment' : 'staff.case.question')}>
        {question?.state === 'ok' ? (
          <QuestionFacts say={say} payload={question.payload} status={json.status} />
        ) : question?.state === 'appointment' ? (
          <CaseAppointment
            say={say}
            api={api}
            caseId={json.id}
            teamId={json.teamId}
            booking={question.booking}
            consent={json.consent}
            status={json.status}
            createdDay={json.createdDay}
            onAgendaDay={onAgendaDay}
            changed={changed}
            onChange={staff.role !== 'privacy' ? changeAppointment : null}
          />
        ) : (
          <UnreadableCase say={say} reason={unreadable} kind={json.kind} createdDay={json.createdDay} />
        )}
        <p class="achterom-detail__id">
          {say('staff.case.id')}: <code>{json.id}</code>
        </p>
      </article>

      {canAssign(staff.role) && trusted && (
        <AssignPanel
          say={say}
          consent={json.consent}
          grants={grants}
          members={members}
          meId={staff.id}
          memberName={memberName}
          disabled={false}
          onAssign={assign}
        />
      )}

      {trusted && <Conversation say={say} messages={messages} canReply={staff.role !== 'privacy'} disabled={false} onReply={reply} />}

      <StatusForm say={say} status={json.status} disabled={false} onSave={saveStatus} />

      {trusted &&
        (notesUntrusted ? (
          <div class="achterom-alert utrecht-alert utrecht-alert--error" data-testid="notes-untrusted">
            <ErrorIcon />
            <p class="achterom-alert__text">{say('staff.trust.noteKey')}</p>
          </div>
        ) : (
          <NotesPanel say={say} notes={notes} disabled={false} onSave={saveNote} />
        ))}

      {staff.role === 'teamlead' && <DeletePanel say={say} disabled={false} onDelete={remove} />}
    </section>
  );
}
