// The details of a resident's booking, decrypted in this browser: name or alias, phone,
// what it is about, interpreter, language, and the video link. Used in the agenda and
// on the case page. The time always comes from the server's slot, never from here.
import { videoUrl } from '../../lib/config/appointments';
import type { AppointmentPayload } from '../../lib/schemas/appointmentPayload';
import { formatSlotWhen, typeName, type AgendaSlot } from './slots';
import { ErrorIcon } from './ui';
import type { Say } from './strings';

interface Props {
  say: Say;
  booking: AppointmentPayload;
  teamId: string;
  /** The slot the case holds now, when known. */
  slot: AgendaSlot | null;
}

function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export function BookingDetails({ say, booking: b, teamId, slot }: Props) {
  const notGiven = <span class="achterom-booking__empty">{say('staff.booking.notGiven')}</span>;
  const type = slot?.type ?? b.appointmentType;
  const link = b.videoRoomId ? videoUrl(teamId, b.videoRoomId) : undefined;
  const moved = slot !== null && slot.id !== b.slotId;
  return (
    <>
      <dl class="achterom-booking__facts" data-testid="booking-details">
        <div>
          <dt>{say('staff.booking.name')}</dt>
          <dd data-testid="booking-name">{b.name ? b.name : notGiven}</dd>
        </div>
        {(type === 'telefoon' || b.phone) && (
          <div>
            <dt>{say('staff.booking.phone')}</dt>
            <dd data-testid="booking-phone">{b.phone ? <a href={phoneHref(b.phone)}>{b.phone}</a> : notGiven}</dd>
          </div>
        )}
        <div class="achterom-booking__wide">
          <dt>{say('staff.booking.about')}</dt>
          <dd class="achterom-booking__about" data-testid="booking-about">
            {b.about ? b.about : notGiven}
          </dd>
        </div>
        <div>
          <dt>{say('staff.booking.interpreter')}</dt>
          <dd data-testid="booking-interpreter">
            {b.interpreter.needed ? say('staff.booking.interpreterNeeded', { language: b.interpreter.language }) : say('staff.booking.interpreterNotNeeded')}
          </dd>
        </div>
        <div>
          <dt>{say('staff.booking.language')}</dt>
          <dd>{say(`staff.booking.language.${b.language}`)}</dd>
        </div>
        {type === 'video' && (
          <div class="achterom-booking__wide">
            <dt>{say('staff.booking.video')}</dt>
            <dd data-testid="booking-video">
              {link ? (
                <a class="achterom-booking__link" href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                  <span class="achterom-visually-hidden"> {say('staff.booking.videoNewWindow')}</span>
                </a>
              ) : (
                say('staff.booking.videoMissing')
              )}
            </dd>
          </div>
        )}
      </dl>
      {moved && (
        <p class="achterom-booking__moved" data-testid="booking-moved">
          {say('staff.booking.moved', { when: formatSlotWhen({ startsAt: b.startsAt, durationMinutes: b.durationMinutes }) })}
        </p>
      )}
      {slot !== null && slot.type !== b.appointmentType && (
        <p class="achterom-case__problem" data-testid="booking-type-mismatch">
          <ErrorIcon />
          <span>{say('staff.booking.typeMismatch', { booked: typeName(say, b.appointmentType), slot: typeName(say, slot.type) })}</span>
        </p>
      )}
    </>
  );
}
