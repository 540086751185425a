// One case, opened in this browser: the question, the conversation and a reply form,
// status, internal notes, and (for intake and team leads) assignment; team leads may
// delete. The case key and note key live in a ref (useCase) and are wiped when the page
// closes; what the member does with the case is in caseActions.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert } from '../shared/Alert';
import type { StaffApi } from './api';
import { caseActions } from './caseActions';
import { CaseAppointment } from './CaseAppointment';
import { CaseDetailWaiting, UnreadableCase } from './CaseDetailWaiting';
import { Conversation } from './Conversation';
import { DeletePanel } from './DeletePanel';
import { AssignPanel } from './AssignPanel';
import { AttachmentList } from './AttachmentList';
import { NotesPanel } from './NotesPanel';
import { QuestionFacts, openedHeading } from './QuestionFacts';
import { StatusForm } from './StatusForm';
import { canAssign, type GrantInfo, type Member, type StaffInfo, type Vault } from './types';
import { useCase } from './useCase';
import type { Say } from './strings';

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

export function CaseDetail({ say, api, getVault, staff, caseId, members, memberName, onGrants, onStatus, onGone, onOpened, onDeleted, onAgendaDay, backTo }: Props) {
  const handle = useCase({ api, getVault, staff, caseId, onGrants, onStatus, onGone, onOpened });
  const { load } = handle;
  /** What the last move or cancel did; also makes the booking look its time up again. */
  const [changed, setChanged] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const actions = caseActions({ say, api, getVault, staff, caseId, handle, onStatus, onGrants, onDeleted, onChanged: setChanged });

  // The heading takes focus when the case (or its problem) is shown, so a screen reader starts there.
  const loaded = load.state !== 'loading';
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const back = (
    <p class="achterom-detail__back">
      {backTo === 'agenda' ? <a href="#agenda">{say('staff.case.backAgenda')}</a> : <a href="#vragen">{say('staff.case.back')}</a>}
    </p>
  );

  if (load.state !== 'ready') {
    return <CaseDetailWaiting say={say} state={load.state} back={back} headingRef={headingRef} onRetry={() => void handle.fetchCase(false)} />;
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
          <>
            <QuestionFacts say={say} payload={question.payload} status={json.status} />
            {question.payload.attachments?.length ? <AttachmentList say={say} caseId={json.id} attachments={question.payload.attachments} getVault={getVault} /> : null}
          </>
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
            onChange={staff.role !== 'privacy' ? actions.changeAppointment : null}
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
          onAssign={actions.assign}
        />
      )}

      {trusted && <Conversation say={say} caseId={json.id} getVault={getVault} messages={messages} canReply={staff.role !== 'privacy'} disabled={false} onReply={actions.reply} />}

      <StatusForm say={say} status={json.status} disabled={false} onSave={actions.saveStatus} />

      {trusted &&
        (notesUntrusted ? (
          <Alert oneSentence testId="notes-untrusted">
            {say('staff.trust.noteKey')}
          </Alert>
        ) : (
          <NotesPanel say={say} notes={notes} disabled={false} onSave={actions.saveNote} />
        ))}

      {staff.role === 'teamlead' && <DeletePanel say={say} disabled={false} onDelete={actions.remove} />}
    </section>
  );
}
