// What the resident filled in when booking, decrypted in this browser; a plain note when
// it does not open (the appointment itself still shows).
import type { JSX } from 'preact';
import type { AppointmentPayload } from '../../../lib/schemas/appointmentPayload';
import { format } from '../../../lib/i18n/format';
import type { StringKey } from './openAppointment';

export function AppointmentDetails({ details, s }: { details: AppointmentPayload | null; s: (key: StringKey) => string }) {
  const empty = <span class="achterom-booking__empty">{s('booking.summary.empty')}</span>;
  const row = (label: string, value: string | JSX.Element, testId?: string) => (
    <div class="achterom-summary-list__row">
      <dt class="achterom-summary-list__key">{label}</dt>
      <dd class="achterom-summary-list__value" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <section class="achterom-manage__section" aria-labelledby="manage-details-heading">
      <h2 id="manage-details-heading">{s('manage.details.heading')}</h2>
      {details ? (
        <dl class="achterom-summary-list" data-testid="manage-details">
          {row(s('booking.summary.name'), details.name ? <bdi>{details.name}</bdi> : empty)}
          {row(s('booking.summary.phone'), details.phone ? <bdi dir="ltr">{details.phone}</bdi> : empty)}
          {row(s('booking.summary.about'), details.about ? <span class="achterom-booking__text" dir="auto">{details.about}</span> : empty, 'manage-about')}
          {row(
            s('booking.summary.interpreter'),
            details.interpreter.needed ? format(s('booking.summary.interpreter.yes'), { language: details.interpreter.language }) : s('booking.summary.interpreter.no'),
          )}
          {row(s('booking.summary.consent'), s(details.consent === 'handler' ? 'booking.consent.handler' : 'booking.consent.team'))}
        </dl>
      ) : (
        <p>{s('manage.details.unreadable')}</p>
      )}
    </section>
  );
}
