// One case in the inbox, and the facts of a decrypted question (also used on the case page).
import { UNKNOWN_NEIGHBOURHOOD_ID, teams } from '../../lib/config/teams';
import type { QuestionPayload } from '../../lib/schemas/questionPayload';
import type { OpenedCase } from './caseCrypto';
import { formatDay, formatInstant } from './dates';
import { isCaseStatus } from './types';
import { ConsentBadge, ErrorIcon } from './ui';
import { BookingDetails } from './BookingDetails';
import { typeName } from './slots';
import type { Say } from './strings';

const neighbourhoodNames = new Map(teams.flatMap((t) => t.neighbourhoods.map((n) => [n.id, n.name] as const)));

export function statusText(say: Say, status: string): string {
  return isCaseStatus(status) ? say(`staff.status.${status}`) : status;
}

export function questionHeading(say: Say, p: QuestionPayload): string {
  if (p.neighbourhood === UNKNOWN_NEIGHBOURHOOD_ID) return say('staff.case.headingUnknown');
  return say('staff.case.heading', { neighbourhood: neighbourhoodNames.get(p.neighbourhood) ?? p.neighbourhood });
}

interface FactsProps {
  say: Say;
  payload: QuestionPayload;
  status: string;
}

/** The question's facts and text. Everything here was decrypted in this browser. */
export function QuestionFacts({ say, payload: p, status }: FactsProps) {
  const known = p.neighbourhood !== UNKNOWN_NEIGHBOURHOOD_ID;
  const neighbourhood = known ? (neighbourhoodNames.get(p.neighbourhood) ?? p.neighbourhood) : say('staff.neighbourhood.unknown');
  const contact =
    p.contact.method === 'phone'
      ? say('staff.contact.phone', { phone: p.contact.phone })
      : p.contact.method === 'email'
        ? say('staff.contact.email', { email: p.contact.email })
        : say('staff.contact.portal');
  return (
    <>
      <dl class="achterom-case__facts">
        <div>
          <dt>{say('staff.case.submittedAt')}</dt>
          <dd data-testid="case-submitted-at">
            <time dateTime={p.submittedAt}>{formatInstant(p.submittedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{say('staff.case.neighbourhood')}</dt>
          <dd data-testid="case-neighbourhood">{neighbourhood}</dd>
        </div>
        <div>
          <dt>{say('staff.case.contact')}</dt>
          <dd data-testid="case-contact">{contact}</dd>
        </div>
        <div>
          <dt>{say('staff.case.consent')}</dt>
          <dd data-testid="case-consent">
            <ConsentBadge consent={p.consent} say={say} />
            <span class="achterom-case__consent-text">{say(p.consent === 'handler' ? 'staff.consent.handler' : 'staff.consent.team')}</span>
          </dd>
        </div>
        <div>
          <dt>{say('staff.case.status')}</dt>
          <dd data-testid="case-status">{statusText(say, status)}</dd>
        </div>
        <div>
          <dt>{say('staff.case.language')}</dt>
          <dd>{say(`staff.booking.language.${p.language}`)}</dd>
        </div>
      </dl>
      <h4 class="achterom-case__question-label">{say('staff.case.question')}</h4>
      <p class="achterom-case__question" data-testid="case-question">
        {p.question}
      </p>
    </>
  );
}

interface CardProps {
  item: OpenedCase;
  say: Say;
  /** Names of the colleagues holding a grant, when known in this session; null when not known. */
  assignedTo: string[] | null;
  onOpen: (id: string) => void;
}

export function CaseCard({ item, say, assignedTo, onOpen }: CardProps) {
  const headingId = `case-${item.id}-heading`;
  const heading =
    item.state === 'ok'
      ? questionHeading(say, item.payload)
      : item.state === 'appointment'
        ? say('staff.booking.heading', { type: typeName(say, item.booking.appointmentType) })
        : say(item.kind === 'appointment' ? 'staff.case.headingAppointment' : 'staff.case.question');

  const assigned =
    assignedTo === null ? null : (
      <div>
        <dt>{say('staff.inbox.assignedTo')}</dt>
        <dd data-testid="case-assigned">{assignedTo.length ? assignedTo.join(', ') : say('staff.inbox.assignedNobody')}</dd>
      </div>
    );

  const openButton = (
    <button class="achterom-button achterom-button--secondary achterom-case__open utrecht-button utrecht-button--secondary-action" type="button" id={`open-${item.id}`} onClick={() => onOpen(item.id)}>
      {say('staff.inbox.open')}
      <span class="achterom-visually-hidden">: {heading}</span>
    </button>
  );

  if (item.state === 'appointment') {
    return (
      <article class="achterom-case" data-testid="case" data-case-id={item.id} data-kind="appointment" aria-labelledby={headingId}>
        <h3 class="achterom-case__heading" id={headingId}>
          {heading}
        </h3>
        <BookingDetails say={say} booking={item.booking} teamId={item.teamId} slot={null} />
        <p class="achterom-case__when-note">{say('staff.booking.timeInAgenda')}</p>
        <dl class="achterom-case__facts achterom-case__facts--after">
          <div>
            <dt>{say('staff.case.receivedDay')}</dt>
            <dd>{formatDay(item.createdDay)}</dd>
          </div>
          <div>
            <dt>{say('staff.case.status')}</dt>
            <dd data-testid="case-status">{statusText(say, item.status)}</dd>
          </div>
          {item.consent && (
            <div>
              <dt>{say('staff.case.consent')}</dt>
              <dd>
                <ConsentBadge consent={item.consent} say={say} />
              </dd>
            </div>
          )}
          {assigned}
        </dl>
        {openButton}
      </article>
    );
  }

  if (item.state !== 'ok') {
    return (
      <article class="achterom-case achterom-case--problem" data-testid="case" data-case-id={item.id} aria-labelledby={headingId}>
        <h3 class="achterom-case__heading" id={headingId}>
          {heading}
        </h3>
        <p class="achterom-case__problem" data-testid="case-unreadable">
          <ErrorIcon />
          <span>
            {item.state === 'unreadable' && item.reason === 'untrusted'
              ? say('staff.trust.untrustedBadge')
              : item.state === 'unreadable' && item.reason === 'unknown_key'
                ? say('staff.trust.unknownKeyBadge')
                : say('staff.case.unreadable')}
          </span>
        </p>
        <dl class="achterom-case__facts">
          <div>
            <dt>{say('staff.case.receivedDay')}</dt>
            <dd>{formatDay(item.createdDay)}</dd>
          </div>
          <div>
            <dt>{say('staff.case.status')}</dt>
            <dd data-testid="case-status">{statusText(say, item.status)}</dd>
          </div>
          {assigned}
        </dl>
        {openButton}
      </article>
    );
  }

  return (
    <article class="achterom-case" data-testid="case" data-case-id={item.id} aria-labelledby={headingId}>
      <h3 class="achterom-case__heading" id={headingId}>
        {heading}
      </h3>
      <QuestionFacts say={say} payload={item.payload} status={item.status} />
      {assignedTo !== null && <dl class="achterom-case__facts achterom-case__facts--after">{assigned}</dl>}
      {openButton}
    </article>
  );
}
