// The agenda (#agenda): the team's slots by day or week, in Amsterdam time. For a
// booked slot whose case this member may open, the booking is decrypted here from the
// case list the console already holds (team key, or the member's own case grant); a
// case manager sees other bookings only as "booked". The time shown is always the
// server's slot: after the resident moves an appointment, the payload keeps the old one.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StaffApi } from './api';
import type { OpenedCase } from './caseCrypto';
import type { InboxState } from './Inbox';
import { BookingDetails } from './BookingDetails';
import { SlotAgenda, type AgendaPosition } from './SlotAgenda';
import { describeSlot, type AgendaSlot } from './slots';
import { ErrorIcon, Spinner } from './ui';
import type { Say } from './strings';
import type { StaffInfo } from './types';

interface Props {
  say: Say;
  api: StaffApi;
  staff: StaffInfo;
  /** The decrypted case list of the console (the inbox). */
  cases: InboxState;
  position: AgendaPosition;
  onPosition: (p: AgendaPosition) => void;
  /** Fetch and decrypt the case list again (silently). */
  onRefreshCases: () => void;
  /** The case the member came back from: its Open link gets the focus. */
  returnFocusTo: string | null;
}

export function AgendaPanel({ say, api, staff, cases, position, onPosition, onRefreshCases, returnFocusTo }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [slots, setSlots] = useState<AgendaSlot[] | null>(null);
  const refreshedFor = useRef(new Set<string>());
  const focusPending = useRef(returnFocusTo);

  const byId = useMemo(() => {
    const map = new Map<string, OpenedCase>();
    if (cases.state === 'ready') for (const c of cases.cases) map.set(c.id, c);
    return map;
  }, [cases]);

  useEffect(() => {
    if (!focusPending.current) headingRef.current?.focus();
    // New bookings may have arrived since the console loaded the case list.
    onRefreshCases();
  }, []);

  // A booking newer than the case list: fetch the list again, once per case.
  useEffect(() => {
    if (!slots || cases.state !== 'ready' || cases.refreshing) return;
    const missing = slots.filter((s) => s.caseId && !byId.has(s.caseId) && !refreshedFor.current.has(s.caseId));
    if (missing.length === 0) return;
    for (const s of missing) refreshedFor.current.add(s.caseId!);
    onRefreshCases();
  }, [slots, cases]);

  // Back from a case opened here: focus its Open link once it is on the page again.
  useEffect(() => {
    const id = focusPending.current;
    if (!id || !slots) return;
    const link = document.getElementById(`agenda-open-${id}`);
    focusPending.current = null;
    if (link) link.focus();
    else headingRef.current?.focus();
  }, [slots]);

  function booking(slot: AgendaSlot) {
    if (slot.status !== 'booked') return null;
    if (!slot.caseId) {
      return (
        <p class="achterom-booking__note" data-testid="booking-hidden">
          {say(staff.role === 'casemanager' ? 'staff.agenda.notYours' : 'staff.agenda.noCase')}
        </p>
      );
    }
    const openLink = (
      <a class="achterom-button achterom-button--secondary achterom-button--small achterom-booking__open utrecht-button utrecht-button--secondary-action" href={`#vraag/${encodeURIComponent(slot.caseId)}`} id={`agenda-open-${slot.caseId}`} data-testid="booking-open">
        {say('staff.agenda.openCase')}
        <span class="achterom-visually-hidden">: {describeSlot(say, slot)}</span>
      </a>
    );
    let body;
    if (cases.state === 'ready') {
      const found = byId.get(slot.caseId);
      if (found?.state === 'appointment') {
        body = <BookingDetails say={say} booking={found.booking} teamId={slot.teamId} slot={slot} />;
      } else if (found) {
        body = (
          <p class="achterom-case__problem" data-testid="booking-unreadable">
            <ErrorIcon />
            <span>{say('staff.agenda.unreadable')}</span>
          </p>
        );
      } else {
        body = (
          <p class="achterom-booking__note" data-testid="booking-missing">
            {cases.refreshing ? (
              <>
                <Spinner />
                {say('staff.agenda.decrypting')}
              </>
            ) : (
              say('staff.agenda.missing')
            )}
          </p>
        );
      }
    } else if (cases.state === 'noKey') {
      body = <p class="achterom-booking__note">{say('staff.agenda.noKey')}</p>;
    } else if (cases.state === 'failed' || cases.state === 'forbidden') {
      body = (
        <p class="achterom-case__problem">
          <ErrorIcon />
          <span>{say('staff.agenda.casesFailed')}</span>
        </p>
      );
    } else {
      body = (
        <p class="achterom-booking__note">
          <Spinner />
          {say('staff.agenda.decrypting')}
        </p>
      );
    }
    return (
      <div class="achterom-booking" data-testid="booking">
        {body}
        {openLink}
      </div>
    );
  }

  return (
    <section class="achterom-panel" aria-labelledby="agenda-heading" data-testid="agenda">
      <h2 id="agenda-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.agenda.heading')}
      </h2>
      <p class="achterom-panel__intro">{say(staff.role === 'casemanager' ? 'staff.agenda.introCasemanager' : 'staff.agenda.intro')}</p>
      <SlotAgenda
        say={say}
        api={api}
        idPrefix="agenda"
        headingLevel={3}
        position={position}
        onPosition={onPosition}
        reloadToken={0}
        renderSlot={booking}
        onLoaded={setSlots}
        onRefresh={onRefreshCases}
      />
    </section>
  );
}
