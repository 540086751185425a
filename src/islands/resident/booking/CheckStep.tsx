// Step 5: everything on one page to check, each answer with a "Wijzig" that goes to its
// step and back here, and "Boek geheim", which seals and sends it.
import type { ComponentChildren } from 'preact';
import type { AppointmentType } from '../../../lib/config/appointments';
import type { Team } from '../../../lib/config/teams';
import { format } from '../../../lib/i18n/format';
import type { Lang } from '../../../lib/i18n';
import { neighbourhoodName } from '../../shared/fields/NeighbourhoodField';
import type { Slot } from './api';
import { TYPE_LABEL, locationOf } from './AppointmentInfo';
import type { BookingAnswers } from './bookingAnswers';
import type { BookingDates } from './dates';
import { SendActions, StepHeading, type Phase, type StepProps } from './StepParts';
import type { SendFailure, Step } from './useBookingSteps';

interface Props extends Omit<StepProps, 'errors' | 'busy'> {
  lang: Lang;
  dates: BookingDates;
  team: Team;
  slot: Slot;
  appointmentType: AppointmentType;
  answers: BookingAnswers;
  onChange: (step: Step) => void;
  phase: Phase;
  failure: SendFailure | false;
}

export function CheckStep({ s, lang, dates, team, slot, appointmentType, answers, onChange, disabled, onBack, phase, failure }: Props) {
  const { neighbourhood, name, phone, about, interpreter, interpreterLanguage, consent } = answers;
  const busy = phase !== 'idle';
  const row = (label: string, value: ComponentChildren, step?: Step, testId?: string) => (
    <div class="achterom-summary-list__row">
      <dt class="achterom-summary-list__key">{label}</dt>
      <dd class="achterom-summary-list__value" data-testid={testId}>
        {value}
      </dd>
      {step ? (
        <dd class="achterom-summary-list__actions">
          <button type="button" class="achterom-link-button" disabled={disabled || busy} onClick={() => onChange(step)}>
            {s['booking.change']}
            <span class="achterom-visually-hidden"> {label.toLocaleLowerCase(lang)}</span>
          </button>
        </dd>
      ) : (
        <dd class="achterom-summary-list__actions" />
      )}
    </div>
  );
  const empty = () => <span class="achterom-booking__empty">{s['booking.summary.empty']}</span>;
  const where = appointmentType === 'achterom' ? locationOf(slot) : undefined;
  const interpreterText = interpreter ? format(s['booking.summary.interpreter.yes'], { language: interpreterLanguage.trim() }) : s['booking.summary.interpreter.no'];
  return (
    <>
      <StepHeading view="check" s={s} />
      <p>{s['booking.check.intro']}</p>
      <dl class="achterom-summary-list achterom-summary-list--actions" data-testid="booking-check">
        {row(s['booking.summary.neighbourhood'], neighbourhoodName(neighbourhood, s['form.neighbourhood.unknown']), 'neighbourhood')}
        {row(s['booking.summary.team'], team.name)}
        {row(s['booking.summary.type'], s[TYPE_LABEL[appointmentType]], 'type')}
        {row(s['booking.summary.when'], dates.when(slot.startsAt), 'slot', 'check-when')}
        {row(s['booking.summary.duration'], format(s['booking.minutes'], { minutes: slot.durationMinutes }))}
        {where &&
          row(
            s['booking.summary.where'],
            <>
              {where.name}
              <br />
              {where.address}
            </>,
          )}
        {row(s['booking.summary.name'], name.trim() ? <bdi>{name.trim()}</bdi> : empty(), 'details')}
        {row(s['booking.summary.phone'], phone.trim() ? <bdi dir="ltr">{phone.trim()}</bdi> : empty(), 'details')}
        {row(s['booking.summary.about'], about.trim() ? <span class="achterom-booking__text" dir="auto">{about.trim()}</span> : empty(), 'details')}
        {row(s['booking.summary.interpreter'], interpreterText, 'details')}
        {row(s['booking.summary.consent'], consent ? s[consent === 'handler' ? 'booking.consent.handler' : 'booking.consent.team'] : empty(), 'details')}
      </dl>
      <SendActions s={s} phase={phase} failure={failure} disabled={disabled} onBack={onBack} />
    </>
  );
}
