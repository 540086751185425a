// What the appointment is and how it works, per type: shown on the confirmation after
// booking and again on the manage page. Also the "Zet in mijn agenda" button.
import { useState } from 'preact/hooks';
import { findLocation, locationsFor, videoUrl, type AppointmentType } from '../../../lib/config/appointments';
import { format } from '../../../lib/i18n/format';
import type { Lang } from '../../../lib/i18n';
import { ROUTE_ALT_KEYS, type AppointmentInfoStrings } from '../bookingStrings';
import type { BookingDates } from './dates';
import { ErrorIcon } from '../../Icon';

/** The facts needed to describe an appointment (a slot from the API). */
export interface AppointmentFacts {
  teamId: string;
  type: AppointmentType;
  locationId: string | null;
  startsAt: string;
  durationMinutes: number;
}

type Key = keyof AppointmentInfoStrings;

export const TYPE_LABEL: Record<AppointmentType, Key> = {
  achterom: 'booking.type.achterom',
  video: 'booking.type.video',
  telefoon: 'booking.type.telefoon',
};

export function locationOf(facts: Pick<AppointmentFacts, 'teamId' | 'locationId'>) {
  return (facts.locationId ? findLocation(facts.locationId) : undefined) ?? locationsFor(facts.teamId)[0];
}

interface Props {
  s: AppointmentInfoStrings;
  lang: Lang;
  dates: BookingDates;
  appointment: AppointmentFacts;
  /** Made in the resident's browser at booking; absent when the details could not be opened. */
  videoRoomId?: string | undefined;
}

/** The appointment as a summary list: type, day and time, duration (the place follows in the instructions). */
export function AppointmentSummary({ s, dates, appointment }: Omit<Props, 'lang' | 'videoRoomId'>) {
  return (
    <dl class="achterom-summary-list" data-testid="appointment-summary">
      <div class="achterom-summary-list__row">
        <dt class="achterom-summary-list__key">{s['booking.summary.type']}</dt>
        <dd class="achterom-summary-list__value">{s[TYPE_LABEL[appointment.type]]}</dd>
      </div>
      <div class="achterom-summary-list__row">
        <dt class="achterom-summary-list__key">{s['booking.summary.when']}</dt>
        <dd class="achterom-summary-list__value" data-testid="appointment-when">
          {dates.when(appointment.startsAt)}
        </dd>
      </div>
      <div class="achterom-summary-list__row">
        <dt class="achterom-summary-list__key">{s['booking.summary.duration']}</dt>
        <dd class="achterom-summary-list__value">{format(s['booking.minutes'], { minutes: appointment.durationMinutes })}</dd>
      </div>
    </dl>
  );
}

/** How the appointment works: the way in (with route picture), the video link, or who calls when. */
export function AppointmentInstructions({ s, lang, dates, appointment, videoRoomId }: Props) {
  if (appointment.type === 'achterom') {
    const location = locationOf(appointment);
    if (!location) return null;
    const altKey = ROUTE_ALT_KEYS[location.id];
    return (
      <section class="achterom-appointment-info" aria-labelledby="appointment-how-heading" data-testid="appointment-instructions">
        <h3 id="appointment-how-heading">{s['booking.achterom.heading']}</h3>
        <dl class="achterom-summary-list">
          <div class="achterom-summary-list__row">
            <dt class="achterom-summary-list__key">{s['booking.achterom.address']}</dt>
            <dd class="achterom-summary-list__value">
              {location.name}
              <br />
              {location.address}
            </dd>
          </div>
          <div class="achterom-summary-list__row">
            <dt class="achterom-summary-list__key">{s['booking.achterom.openingHours']}</dt>
            <dd class="achterom-summary-list__value">{location.openingHours[lang]}</dd>
          </div>
        </dl>
        <p class="achterom-appointment-info__way-in">{location.backEntrance[lang]}</p>
        <figure class="achterom-route">
          <img
            class="achterom-route__image"
            src={location.routeImage}
            alt={altKey ? s[altKey] : location.backEntrance[lang]}
            width={600}
            height={400}
            loading="lazy"
            decoding="async"
          />
          <figcaption class="achterom-route__caption">
            {s['booking.achterom.routeCaption']}. <a href={location.routeImage}>{s['booking.achterom.routeLarger']}</a>
          </figcaption>
        </figure>
      </section>
    );
  }

  if (appointment.type === 'video') {
    const url = videoRoomId ? videoUrl(appointment.teamId, videoRoomId) : undefined;
    return (
      <section class="achterom-appointment-info" aria-labelledby="appointment-how-heading" data-testid="appointment-instructions">
        <h3 id="appointment-how-heading">{s['booking.video.heading']}</h3>
        <ul>
          <li>{s['booking.video.device']}</li>
          <li>{s['booking.video.click']}</li>
          <li>{s['booking.video.noAccount']}</li>
          <li>{s['booking.video.quiet']}</li>
        </ul>
        {url && (
          <>
            <p class="achterom-appointment-info__link">
              {s['booking.video.link']}
              <br />
              <a href={url} rel="noreferrer noopener" data-testid="video-link" dir="ltr">
                {url}
              </a>
            </p>
            <p>{s['booking.video.keep']}</p>
          </>
        )}
      </section>
    );
  }

  return (
    <section class="achterom-appointment-info" aria-labelledby="appointment-how-heading" data-testid="appointment-instructions">
      <h3 id="appointment-how-heading">{s['booking.telefoon.heading']}</h3>
      <p>
        {format(s['booking.telefoon.text'], {
          day: dates.day(appointment.startsAt),
          start: dates.time(appointment.startsAt),
          end: dates.endTime(appointment.startsAt, appointment.durationMinutes),
        })}
      </p>
      <p>{s['booking.telefoon.quiet']}</p>
    </section>
  );
}

/** Builds the .ics in the browser; the `ics` library is fetched only on this press. */
export function CalendarButton({ s, appointment, disabled = false }: { s: AppointmentInfoStrings; appointment: AppointmentFacts; disabled?: boolean }) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      const { downloadAppointmentIcs } = await import('./calendarFile');
      downloadAppointmentIcs({ startsAt: appointment.startsAt, durationMinutes: appointment.durationMinutes, title: s['booking.calendar.title'] });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="achterom-calendar">
      <button
        type="button"
        class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
        disabled={disabled}
        aria-disabled={busy ? 'true' : undefined}
        aria-describedby="calendar-hint"
        onClick={onClick}
      >
        <svg class="achterom-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <rect x="3.5" y="5" width="17" height="15.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="2" />
          <path d="M3.5 10h17M8 3v4M16 3v4" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
        {s['booking.calendar.button']}
      </button>
      <p class="achterom-form-field__hint achterom-calendar__hint utrecht-form-field-description" id="calendar-hint">
        {s['booking.calendar.hint']}
      </p>
      {failed && (
        <p class="achterom-form-field__error utrecht-form-field-error-message" role="alert">
          <ErrorIcon />
          <span>{s['booking.calendar.failed']}</span>
        </p>
      )}
    </div>
  );
}
