// The inbox: the team's cases (intake, team lead) or the member's own (case manager),
// as lines of what the server knows; a case is decrypted only when it is opened. New
// questions and replies appear by themselves (useInbox polls) and are announced.
import { useEffect, useRef } from 'preact/hooks';
import { CaseLine } from './CaseCard';
import { InboxFilters } from './InboxFilters';
import { Alert } from '../shared/Alert';
import { StatusLine } from '../shared/StatusLine';
import { BusyButton, Notice, Spinner } from './ui';
import type { InboxQuery, InboxState } from './useInbox';
import type { Say } from './strings';
import type { Role } from './types';

interface Props {
  say: Say;
  role: Role;
  inbox: InboxState;
  query: InboxQuery;
  /** The member holds no team key (intake, team lead): cases cannot be opened here. */
  noTeamKey: boolean;
  /** Who holds each case (members who may assign only). */
  assignedNames: (caseId: string) => string[] | null;
  /** The case the member came back from: its Open button gets the focus. */
  returnFocusTo: string | null;
  flash: string | null;
  onRefresh: () => void;
  onMore: () => void;
  onQuery: (query: InboxQuery) => void;
  onOpen: (id: string) => void;
  /** The team lead's picked lines (for removal as junk); undefined for other roles. */
  picked?: { ids: ReadonlySet<string>; onPick: (id: string, picked: boolean) => void } | undefined;
}

export function Inbox({ say, role, inbox, query, noTeamKey, assignedNames, returnFocusTo, flash, onRefresh, onMore, onQuery, onOpen, picked }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const flashRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const back = returnFocusTo ? document.getElementById(`open-${returnFocusTo}`) : null;
    if (flash) flashRef.current?.focus();
    else if (back) back.focus();
    else headingRef.current?.focus();
  }, []);

  const loading = inbox.state === 'loading' || (inbox.state === 'ready' && inbox.refreshing);
  const ready = inbox.state === 'ready' ? inbox : null;
  return (
    <section class="achterom-console__inbox" aria-labelledby="inbox-heading">
      <div class="achterom-console__inbox-head">
        <h2 id="inbox-heading" tabIndex={-1} ref={headingRef}>
          {say(role === 'casemanager' ? 'staff.inbox.headingAssigned' : 'staff.inbox.heading')}
        </h2>
        {inbox.state !== 'forbidden' && (
          <BusyButton busy={loading} onPress={onRefresh}>
            {say('staff.inbox.refresh')}
          </BusyButton>
        )}
      </div>
      {flash && (
        <Notice kind="success" noticeRef={flashRef} testId="inbox-flash">
          {flash}
        </Notice>
      )}
      {noTeamKey && <p class="achterom-callout utrecht-alert utrecht-alert--info">{say('staff.inbox.noTeamKey')}</p>}
      {inbox.state !== 'forbidden' && <InboxFilters say={say} query={query} onChange={onQuery} />}
      <StatusLine busy={inbox.state === 'loading'} text={say('staff.inbox.loading')} testId="inbox-status">
        {ready && (
          <>
            {ready.total > 0 && `${say(ready.total === 1 ? 'staff.inbox.countOne' : 'staff.inbox.count', { count: ready.total })}.`}
            {ready.attention > 0 && ` ${say(ready.attention === 1 ? 'staff.inbox.attentionOne' : 'staff.inbox.attention', { count: ready.attention })}`}
            {ready.arrived > 0 && ` ${say(ready.arrived === 1 ? 'staff.inbox.arrivedOne' : 'staff.inbox.arrived', { count: ready.arrived })}`}
          </>
        )}
      </StatusLine>
      {inbox.state === 'forbidden' && <p class="achterom-callout utrecht-alert utrecht-alert--info">{say('staff.inbox.forbidden')}</p>}
      {inbox.state === 'failed' && <Alert oneSentence>{say('staff.inbox.failed')}</Alert>}
      {ready && ready.cases.length === 0 && <p>{say(query.status || query.kind || query.q ? 'staff.inbox.emptyFiltered' : 'staff.inbox.empty')}</p>}
      {ready && ready.cases.length > 0 && (
        <ul class="achterom-case-list">
          {ready.cases.map((c) => (
            <li key={c.id}>
              <CaseLine
                item={c}
                say={say}
                assignedTo={assignedNames(c.id)}
                onOpen={onOpen}
                pick={picked ? { picked: picked.ids.has(c.id), onPick: (on) => picked.onPick(c.id, on) } : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      {ready && ready.next && (
        <p class="achterom-pager">
          <BusyButton busy={ready.loadingMore} onPress={onMore} testId="inbox-more">
            {say('staff.inbox.more', { shown: ready.cases.length, total: ready.total })}
          </BusyButton>
          {ready.loadingMore && <Spinner />}
        </p>
      )}
    </section>
  );
}
