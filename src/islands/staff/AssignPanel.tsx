// Need to know: intake and team leads give a case to one colleague (consent "handler")
// or to several (consent "team"). The resident's consent is shown before the choice.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { formatDay } from './dates';
import type { SubmitOutcome } from './SealedTextForm';
import type { GrantInfo, Member } from './types';
import { Busy, FieldError, LockIcon, Notice, PeopleIcon, describedBy } from './ui';
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
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const granted = new Set(grants.map((g) => g.staffId));
  const candidates = Array.isArray(members) ? members.filter((m) => m.status === 'active' && m.id !== meId && !granted.has(m.id) && m.role !== 'privacy') : [];
  const full = consent === 'handler' && grants.length >= 1;

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled || busy) return;
    setResult(null);
    const member = candidates.find((m) => m.id === choice);
    if (!member) {
      setFieldError(say('staff.assign.missingMember'));
      selectRef.current?.focus();
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const outcome = await onAssign(member);
      setResult(outcome.ok ? { ok: true, text: say('staff.assign.done', { name: member.displayName }) } : { ok: false, text: outcome.message });
      if (outcome.ok) setChoice('');
      requestAnimationFrame(() => resultRef.current?.focus());
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
      {result && (
        <Notice kind={result.ok ? 'success' : 'error'} noticeRef={resultRef} testId={result.ok ? 'assign-done' : 'assign-error'}>
          {result.text}
        </Notice>
      )}
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
          <div class={`achterom-form-field utrecht-form-field${fieldError ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
            <label class="achterom-form-field__label utrecht-form-label" for="assign-member">
              {say('staff.assign.label')}
            </label>
            <p class="achterom-form-field__hint utrecht-form-field-description" id="assign-member-hint">
              {say('staff.assign.hint')}
            </p>
            <FieldError id="assign-member-error" message={fieldError} say={say} />
            <select
              class="achterom-select utrecht-select utrecht-select--html-select"
              id="assign-member"
              name="member"
              value={choice}
              ref={selectRef}
              disabled={disabled || members === null}
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={describedBy('assign-consent', 'assign-member-hint', fieldError && 'assign-member-error')}
              onChange={(e) => setChoice(e.currentTarget.value)}
            >
              <option value="">{say('staff.assign.choose')}</option>
              {candidates.map((m) => (
                <option key={m.id} value={m.id}>
                  {say('staff.assign.memberOption', { name: m.displayName, role: say(`staff.role.${m.role}`) })}
                </option>
              ))}
            </select>
          </div>
          <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled || members === null} aria-disabled={busy ? 'true' : undefined}>
            {say('staff.assign.submit')}
          </button>
          <Busy busy={busy} text={say('staff.assign.busy')} />
        </form>
      )}
    </section>
  );
}
