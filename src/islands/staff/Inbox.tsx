// The inbox: the team's cases (intake, team lead) or the member's own (case manager),
// decrypted in this browser, newest first.
import { useEffect, useRef } from 'preact/hooks';
import type { OpenedCase } from './caseCrypto';
import { CaseCard } from './CaseCard';
import { ErrorIcon, Notice, Spinner } from './ui';
import type { Say } from './strings';
import type { Role } from './types';

export type InboxState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; cases: OpenedCase[]; refreshing: boolean }
  | { state: 'forbidden' }
  | { state: 'noKey' }
  | { state: 'failed' };

interface Props {
  say: Say;
  role: Role;
  inbox: InboxState;
  /** Who holds each case (members who may assign only), from the inbox list and assignments made here. */
  assignedNames: (caseId: string) => string[] | null;
  /** The case the member came back from: its Open button gets the focus. */
  returnFocusTo: string | null;
  flash: string | null;
  onRefresh: () => void;
  onOpen: (id: string) => void;
}

export function Inbox({ say, role, inbox, assignedNames, returnFocusTo, flash, onRefresh, onOpen }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const back = returnFocusTo ? document.getElementById(`open-${returnFocusTo}`) : null;
    if (flash) flashRef.current?.focus();
    else if (back) back.focus();
    else headingRef.current?.focus();
  }, []);

  const loading = inbox.state === 'loading' || (inbox.state === 'ready' && inbox.refreshing);
  return (
    <section class="achterom-console__inbox" aria-labelledby="inbox-heading">
      <div class="achterom-console__inbox-head">
        <h2 id="inbox-heading" tabIndex={-1} ref={headingRef}>
          {say(role === 'casemanager' ? 'staff.inbox.headingAssigned' : 'staff.inbox.heading')}
        </h2>
        {inbox.state !== 'forbidden' && (
          <button
            class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
            type="button"
            onClick={() => {
              if (!loading) onRefresh();
            }}
            aria-disabled={loading ? 'true' : undefined}
          >
            {say('staff.inbox.refresh')}
          </button>
        )}
      </div>
      {flash && (
        <Notice kind="success" noticeRef={flashRef} testId="inbox-flash">
          {flash}
        </Notice>
      )}
      <p class="achterom-status" role="status" aria-live="polite">
        {loading ? (
          <>
            <Spinner />
            {say('staff.inbox.loading')}
          </>
        ) : (
          inbox.state === 'ready' &&
          inbox.cases.length > 0 &&
          say(inbox.cases.length === 1 ? 'staff.inbox.countOne' : 'staff.inbox.count', { count: inbox.cases.length })
        )}
      </p>
      {inbox.state === 'forbidden' && <p class="achterom-callout utrecht-alert utrecht-alert--info">{say('staff.inbox.forbidden')}</p>}
      {inbox.state === 'noKey' && <p class="achterom-callout utrecht-alert utrecht-alert--info">{say('staff.inbox.noTeamKey')}</p>}
      {inbox.state === 'failed' && (
        <div class="achterom-alert utrecht-alert utrecht-alert--error">
          <ErrorIcon />
          <p class="achterom-alert__text">{say('staff.inbox.failed')}</p>
        </div>
      )}
      {inbox.state === 'ready' && inbox.cases.length === 0 && <p>{say('staff.inbox.empty')}</p>}
      {inbox.state === 'ready' && inbox.cases.length > 0 && (
        <ul class="achterom-case-list">
          {inbox.cases.map((c) => (
            <li key={c.id}>
              <CaseCard item={c} say={say} assignedTo={assignedNames(c.id)} onOpen={onOpen} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
