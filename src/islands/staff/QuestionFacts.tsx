// The facts and text of a decrypted question, on the case page. Everything here was
// decrypted in this browser; the inbox list shows none of it.
import { UNKNOWN_NEIGHBOURHOOD_ID, teams } from '../../lib/config/teams';
import type { QuestionPayload } from '../../lib/schemas/questionPayload';
import { formatInstant } from './dates';
import { isCaseStatus } from './types';
import { ConsentBadge } from './ui';
import type { Say } from './strings';
import type { OpenedQuestion } from './caseCrypto';
import { typeName } from './slots';
import { SafeContactBlock } from './SafeContactBlock';
import { safeContactView } from './safeContactView';

const neighbourhoodNames = new Map(teams.flatMap((t) => t.neighbourhoods.map((n) => [n.id, n.name] as const)));

export function statusText(say: Say, status: string): string {
  return isCaseStatus(status) ? say(`staff.status.${status}`) : status;
}

export function questionHeading(say: Say, p: QuestionPayload): string {
  if (p.neighbourhood === UNKNOWN_NEIGHBOURHOOD_ID) return say('staff.case.headingUnknown');
  return say('staff.case.heading', { neighbourhood: neighbourhoodNames.get(p.neighbourhood) ?? p.neighbourhood });
}

/** The heading of an opened case: its neighbourhood, or the kind of appointment. */
export function openedHeading(say: Say, question: OpenedQuestion | null, kind: 'question' | 'appointment'): string {
  if (question?.state === 'ok') return questionHeading(say, question.payload);
  if (question?.state === 'appointment') return say('staff.booking.heading', { type: typeName(say, question.booking.appointmentType) });
  return say(kind === 'appointment' ? 'staff.case.headingAppointment' : 'staff.case.question');
}

/** Two facts every opened case shows: who may read it (the resident's choice), and its status. */
export function ConsentAndStatus({ say, consent, status }: { say: Say; consent: 'handler' | 'team'; status: string }) {
  return (
    <>
      <div>
        <dt>{say('staff.case.consent')}</dt>
        <dd data-testid="case-consent">
          <ConsentBadge consent={consent} say={say} />
          <span class="achterom-case__consent-text">{say(consent === 'handler' ? 'staff.consent.handler' : 'staff.consent.team')}</span>
        </dd>
      </div>
      <div>
        <dt>{say('staff.case.status')}</dt>
        <dd data-testid="case-status">{statusText(say, status)}</dd>
      </div>
    </>
  );
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
  const safety = safeContactView(say, p.contact);
  // The resident's own words first: at 1366×768 they are on screen without scrolling.
  // Then how to reach them safely, before the number or address it is about.
  return (
    <>
      <h4 class="achterom-case__question-label">{say('staff.case.question')}</h4>
      <p class="achterom-case__question" data-testid="case-question">
        {p.question}
      </p>
      {safety && <SafeContactBlock view={safety} />}
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
          <dd data-testid="case-contact">
            {contact}
            {safety && <span class="achterom-case__read-first">{safety.readFirst}</span>}
          </dd>
        </div>
        <ConsentAndStatus say={say} consent={p.consent} status={status} />
        <div>
          <dt>{say('staff.case.language')}</dt>
          <dd>{say(`staff.booking.language.${p.language}`)}</dd>
        </div>
      </dl>
    </>
  );
}
