// Need to know: intake and team leads give a case to one colleague (consent "handler")
// or to several (consent "team"). The resident's consent is shown before the choice.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatDay } from './dates';
import type { SubmitOutcome } from './SealedTextForm';
import type { GrantInfo, Member } from './types';
import { SelectField } from '../shared/fields/SelectField';
import { StatusLine } from '../shared/StatusLine';
import { LockIcon, PeopleIcon, ReportNotice } from './ui';
import { useReport } from './useReport';
import type { Say } from './strings';

interface Props {
  say: Say;
  consent: 'handler' | 'team';
  grants: GrantInfo[];
  /** Active team members (for intake: the API lists only active ones); 'failed' when the list could not load. */
  members: Member[] | 'failed' | null;
  meId: string;
  memberName: (staffId: string) => string;
  disabled: boolean;
  onAssign: (member: Member) => Promise<SubmitOutcome>;
}

export function AssignPanel({ say, consent, grants, members, meId, memberName, disabled, onAssign }: Props) {
  const [choice, setChoice] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const outcome = useReport();

  const granted = new Set(grants.map((g) => g.staffId));
  const candidates = Array.isArray(members) ? members.filter((m) => m.status === 'active' && m.id !== meId && !granted.has(m.id) && m.role !== 'privacy') : [];
  const full = consent === 'handler' && grants.length >= 1;

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled || busy) return;
    outcome.clear();
    const member = candidates.find((m) => m.id === choice);
    if (!member) {
      setFieldError(say('staff.assign.missingMember'));
      selectRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const answer = await onAssign(member);
      outcome.report(answer.ok, answer.ok ? say('staff.assign.done', { name: member.displayName }) : answer.message);
      if (answer.ok) setChoice('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="achterom-detail__section" aria-labelledby="assign-heading" data-testid="assign">
      <h3 id="assign-heading">{say('staff.assign.heading')}</h3>
      <div class={`achterom-consent achterom-consent--${consent}`} data-testid="assign-consent" id="assign-consent">
        {consent === 'handler' ? <LockIcon /> : <PeopleIcon />}
        <p class="achterom-consent__text">{say(consent === 'handler' ? 'staff.assign.consentHandler' : 'staff.assign.consentTeam')}</p>
      </div>
      {grants.length === 0 ? (
        <p data-testid="assign-current">{say('staff.assign.none')}</p>
      ) : (
        <>
          <p>{say('staff.assign.current')}</p>
          <ul data-testid="assign-current">
            {grants.map((g) => (
              <li key={g.staffId}>{say('staff.assign.currentItem', { name: memberName(g.staffId), day: formatDay(g.createdDay) })}</li>
            ))}
          </ul>
        </>
      )}
      <ReportNotice result={outcome.result} noticeRef={outcome.ref} testId="assign-done" errorTestId="assign-error" />
      {full ? (
        <p class="achterom-callout utrecht-alert utrecht-alert--info" data-testid="assign-full">
          {say('staff.assign.full')}
        </p>
      ) : members === 'failed' ? (
        <p class="achterom-callout utrecht-alert utrecht-alert--info">{say('staff.assign.membersFailed')}</p>
      ) : members !== null && candidates.length === 0 ? (
        <p class="achterom-callout utrecht-alert utrecht-alert--info">{say('staff.assign.noMembers')}</p>
      ) : (
        <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
          <SelectField
            id="assign-member"
            name="member"
            label={say('staff.assign.label')}
            hint={say('staff.assign.hint')}
            describedByBefore="assign-consent"
            value={choice}
            error={fieldError}
            errorPrefix={say('form.errorPrefix')}
            disabled={disabled || members === null}
            selectRef={selectRef}
            onChange={setChoice}
          >
            <option value="">{say('staff.assign.choose')}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {say('staff.assign.memberOption', { name: m.displayName, role: say(`staff.role.${m.role}`) })}
              </option>
            ))}
          </SelectField>
          <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled || members === null} aria-disabled={busy ? 'true' : undefined}>
            {say('staff.assign.submit')}
          </button>
          <StatusLine busy={busy} text={say('staff.assign.busy')} />
        </form>
      )}
    </section>
  );
}
