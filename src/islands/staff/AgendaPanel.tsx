// The agenda (#agenda): the team's slots by day or week, in Amsterdam time. A booked
// slot shows what the server knows (time, kind, place) and, when this member may open
// its case under the resident's consent, a link to it: the booking's details are
// decrypted there, when opened (listing is not reading). A case manager sees other
// bookings only as "booked".
import { useEffect, useRef, useState } from 'preact/hooks';
import { SlotAgenda, type AgendaSectionProps } from './SlotAgenda';
import { BurstPanel } from './BurstPanel';
import { describeSlot, type AgendaSlot } from './slots';
import { Panel } from './ui';

interface Props extends AgendaSectionProps {
  /** The case the member came back from: its Open link gets the focus. */
  returnFocusTo: string | null;
}

export function AgendaPanel({ say, api, staff, position, onPosition, returnFocusTo }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [slots, setSlots] = useState<AgendaSlot[] | null>(null);
  const focusPending = useRef(returnFocusTo);

  useEffect(() => {
    if (!focusPending.current) headingRef.current?.focus();
  }, []);

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
    if (!slot.mayOpen) {
      return (
        <p class="achterom-booking__note" data-testid="booking-handler-only">
          {say('staff.agenda.handlerOnly')}
        </p>
      );
    }
    return (
      <div class="achterom-booking" data-testid="booking">
        <p class="achterom-booking__note">{say('staff.agenda.openToSee')}</p>
        <a
          class="achterom-button achterom-button--secondary achterom-button--small achterom-booking__open utrecht-button utrecht-button--secondary-action"
          href={`#vraag/${encodeURIComponent(slot.caseId)}`}
          id={`agenda-open-${slot.caseId}`}
          data-testid="booking-open"
        >
          {say('staff.agenda.openCase')}
          <span class="achterom-visually-hidden">: {describeSlot(say, slot)}</span>
        </a>
      </div>
    );
  }

  return (
    <Panel
      name="agenda"
      heading={say('staff.agenda.heading')}
      headingRef={headingRef}
      intro={say(staff.role === 'casemanager' ? 'staff.agenda.introCasemanager' : 'staff.agenda.intro')}
      testId="agenda"
    >
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
      />
      {staff.role === 'teamlead' && <BurstPanel say={say} api={api} />}
    </Panel>
  );
}
