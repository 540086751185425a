// Availability editor (#beschikbaarheid, team lead only): a weekly pattern, one extra
// slot, and the slots by week with block / unblock / delete. A booked slot cannot be
// deleted here: the resident cancels or moves it with their code.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiResult } from './api';
import { PatternForm } from './PatternForm';
import { SingleSlotForm } from './SingleSlotForm';
import { SlotAgenda, type AgendaSectionProps } from './SlotAgenda';
import { describeSlot, type AgendaSlot } from './slots';
import { BusyButton, Panel, ReportNotice } from './ui';
import { useReport } from './useReport';
import type { StaffTextKey } from './strings';

type Action = 'block' | 'unblock' | 'delete';
const ACTION_LABELS: Record<Action, StaffTextKey> = { block: 'staff.slotAction.block', unblock: 'staff.slotAction.unblock', delete: 'staff.slotAction.delete' };

export function AvailabilityPanel({ say, api, staff, position, onPosition }: AgendaSectionProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [reloadToken, setReloadToken] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const outcome = useReport();
  const teamId = staff.teamId ?? '';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  /** After slots were made: show the week of the first new one. */
  function showFrom(date: string) {
    onPosition({ view: 'week', date });
    setReloadToken((n) => n + 1);
  }

  function refused(action: Action, r: ApiResult<unknown>, what: string): string {
    if (r.status === 0) return say('staff.error.network');
    if (r.status === 403) return say('staff.slotForm.forbidden');
    if (r.status === 404) return say('staff.slotAction.gone', { slot: what });
    if (r.status === 409) {
      if (action === 'delete') return say('staff.slotAction.deleteBooked', { slot: what });
      if (action === 'block') return say('staff.slotAction.notFree', { slot: what });
      return say('staff.slotAction.notBlocked', { slot: what });
    }
    return say('staff.slotAction.failed', { slot: what });
  }

  async function act(slot: AgendaSlot, action: Action) {
    if (busyId) return;
    const what = describeSlot(say, slot);
    const path = `/api/staff/slots/${encodeURIComponent(slot.id)}`;
    setBusyId(slot.id);
    const r = action === 'delete' ? await api.del(path) : await api.post(`${path}/${action}`);
    setBusyId(null);
    if (r.status === 401) return;
    const done: Record<Action, StaffTextKey> = { block: 'staff.slotAction.blocked', unblock: 'staff.slotAction.unblocked', delete: 'staff.slotAction.deleted' };
    outcome.report(r.ok, r.ok ? say(done[action], { slot: what }) : refused(action, r, what));
    // Reload either way: after a refusal the list shows what changed meanwhile.
    setReloadToken((n) => n + 1);
  }

  function actions(slot: AgendaSlot) {
    const what = describeSlot(say, slot);
    const busy = busyId !== null;
    if (slot.status === 'booked') {
      return (
        <p class="achterom-booking__note" data-testid="slot-booked-note">
          {say('staff.slotAction.bookedNote')}
        </p>
      );
    }
    const button = (action: Action, className: string) => (
      <BusyButton class={className} testId={`slot-${action}`} busy={busy} onPress={() => void act(slot, action)}>
        {say(ACTION_LABELS[action])}
        <span class="achterom-visually-hidden">: {what}</span>
      </BusyButton>
    );
    return (
      <div class="achterom-button-row achterom-slot__actions">
        {button(slot.status === 'free' ? 'block' : 'unblock', 'achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action')}
        {button('delete', 'achterom-button achterom-button--small achterom-button--danger utrecht-button utrecht-button--primary-action')}
      </div>
    );
  }

  return (
    <Panel name="availability" heading={say('staff.availability.heading')} headingRef={headingRef} intro={say('staff.availability.intro')} testId="availability">
      <PatternForm say={say} api={api} teamId={teamId} onCreated={showFrom} />
      <SingleSlotForm say={say} api={api} teamId={teamId} onCreated={showFrom} />

      <section class="achterom-detail__section" aria-labelledby="editor-list-heading" data-testid="editor-list">
        <h3 id="editor-list-heading">{say('staff.availability.listHeading')}</h3>
        <p>{say('staff.availability.listIntro')}</p>
        <ReportNotice result={outcome.result} noticeRef={outcome.ref} testId="slot-action-message" />
        <SlotAgenda say={say} api={api} idPrefix="editor" headingLevel={4} position={position} onPosition={onPosition} reloadToken={reloadToken} renderSlot={actions} />
      </section>
    </Panel>
  );
}
