// A booking on the case page: the decrypted details, and the time the case holds now,
// looked up in the agenda (GET /api/staff/slots). The payload's own time is where the
// search starts, not what is shown: a moved appointment keeps the old time inside.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppointmentPayload } from '../../lib/schemas/appointmentPayload';
import type { StaffApi } from './api';
import { BookingDetails } from './BookingDetails';
import { ConsentAndStatus } from './QuestionFacts';
import { formatDay, formatInstant } from './dates';
import { findSlotOfCase, formatSlotWhen, locationName, slotTimes, typeName, type AgendaSlot } from './slots';
import { Notice, Spinner } from './ui';
import { AppointmentChangePanel, type AppointmentChange } from './AppointmentChangePanel';
import type { SubmitOutcome } from './SealedTextForm';
import type { Say } from './strings';

type Lookup = { state: 'loading' } | { state: 'found'; slot: AgendaSlot } | { state: 'notFound' } | { state: 'failed' };

interface Props {
  say: Say;
  api: StaffApi;
  caseId: string;
  teamId: string;
  booking: AppointmentPayload;
  consent: 'handler' | 'team';
  status: string;
  createdDay: string;
  /** Opens the agenda on a day (the link goes to #agenda). */
  onAgendaDay: ((date: string) => void) | null;
  /** What the member's last move or cancel did (the time is looked up again then). */
  changed: string | null;
  /** Move or cancel with a message; null for members who may not. */
  onChange: ((change: AppointmentChange, message: string) => Promise<SubmitOutcome & { taken?: boolean }>) | null;
}

export function CaseAppointment({ say, api, caseId, teamId, booking: b, consent, status, createdDay, onAgendaDay, changed, onChange }: Props) {
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const changedRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void findSlotOfCase(api, caseId, b.startsAt).then((r) => {
      if (!live || (!r.ok && r.status === 401)) return;
      setLookup(r.ok ? (r.body ? { state: 'found', slot: r.body } : { state: 'notFound' }) : { state: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [caseId, changed]);

  useEffect(() => {
    if (changed) changedRef.current?.focus();
  }, [changed]);

  const slot = lookup.state === 'found' ? lookup.slot : null;
  const type = slot?.type ?? b.appointmentType;
  const place = type === 'achterom' ? locationName(slot?.locationId ?? b.locationId ?? null) : null;
  const bookedWhen = formatSlotWhen({ startsAt: b.startsAt, durationMinutes: b.durationMinutes });

  return (
    <>
      <dl class="achterom-case__facts" data-testid="case-appointment">
        <div>
          <dt>{say('staff.booking.when')}</dt>
          <dd data-testid="booking-when" aria-live="polite">
            {lookup.state === 'loading' && (
              <span class="achterom-booking__note">
                <Spinner />
                {say('staff.booking.whenLoading')}
              </span>
            )}
            {slot && (
              <>
                <time dateTime={slot.startsAt}>{formatSlotWhen(slot)}</time>
                {onAgendaDay && (
                  <span class="achterom-booking__agenda-link">
                    <a href="#agenda" onClick={() => onAgendaDay(slotTimes(slot).date)} data-testid="booking-agenda-link">
                      {say('staff.booking.showInAgenda')}
                    </a>
                  </span>
                )}
              </>
            )}
            {lookup.state === 'notFound' && <span data-testid="booking-when-missing">{say('staff.booking.whenNotFound', { when: bookedWhen })}</span>}
            {lookup.state === 'failed' && <span data-testid="booking-when-failed">{say('staff.booking.whenFailed', { when: bookedWhen })}</span>}
          </dd>
        </div>
        <div>
          <dt>{say('staff.booking.type')}</dt>
          <dd data-testid="booking-type">{typeName(say, type)}</dd>
        </div>
        {place && (
          <div>
            <dt>{say('staff.booking.place')}</dt>
            <dd data-testid="booking-place">{place}</dd>
          </div>
        )}
        <ConsentAndStatus say={say} consent={consent} status={status} />
        <div>
          <dt>{say('staff.booking.submittedAt')}</dt>
          <dd>
            <time dateTime={b.submittedAt}>{formatInstant(b.submittedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{say('staff.case.receivedDay')}</dt>
          <dd>{formatDay(createdDay)}</dd>
        </div>
      </dl>
      <h3 class="achterom-case__question-label">{say('staff.booking.detailsHeading')}</h3>
      <BookingDetails say={say} booking={b} teamId={teamId} slot={slot} />
      {changed && (
        <Notice kind="success" noticeRef={changedRef} testId="change-done">
          {changed}
        </Notice>
      )}
      {slot && onChange && <AppointmentChangePanel key={slot.id} say={say} api={api} current={slot} onChange={onChange} />}
    </>
  );
}
