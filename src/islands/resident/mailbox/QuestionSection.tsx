// What the mailbox is about: the resident's question as sent (decrypted here), when, to
// which team, how the team may reach them (and the code word the caller will say) and who
// may read it; or, for an appointment's code, a pointer to Mijn afspraak.
import { findTeam } from '../../../lib/config/teams';
import { formatParts } from '../../../lib/i18n/format';
import { ErrorIcon } from '../../Icon';
import type { makeDateFormats, OpenedMailbox, StringKey } from './openedMailbox';

interface Props {
  s: (key: StringKey) => string;
  dates: ReturnType<typeof makeDateFormats>;
  mailbox: OpenedMailbox;
}

export function QuestionSection({ s, dates, mailbox }: Props) {
  const question = mailbox.question;
  const team = findTeam(mailbox.teamId);
  return (
    <section class="achterom-mailbox__section">
      {mailbox.kind === 'appointment' ? (
        <>
          <h2>{s('mailbox.appointment.heading')}</h2>
          <p>{s('mailbox.appointment.text')}</p>
        </>
      ) : (
        <>
          <h2>{s('mailbox.question.heading')}</h2>
          {question ? (
            <>
              <p class="achterom-mailbox__question-text" data-testid="mailbox-question" dir="auto">
                {question.question}
              </p>
              <dl class="achterom-summary-list">
                <div class="achterom-summary-list__row">
                  <dt class="achterom-summary-list__key">{s('mailbox.question.sentAt')}</dt>
                  <dd class="achterom-summary-list__value">
                    <time dateTime={question.submittedAt}>{dates.instant(question.submittedAt)}</time>
                  </dd>
                </div>
                {team && (
                  <div class="achterom-summary-list__row">
                    <dt class="achterom-summary-list__key">{s('mailbox.question.team')}</dt>
                    <dd class="achterom-summary-list__value">{team.name}</dd>
                  </div>
                )}
                <div class="achterom-summary-list__row">
                  <dt class="achterom-summary-list__key">{s('form.contact.legend')}</dt>
                  <dd class="achterom-summary-list__value">
                    {question.contact.method === 'phone'
                      ? formatParts(s('mailbox.contact.phone'), { phone: <bdi dir="ltr">{question.contact.phone}</bdi> })
                      : question.contact.method === 'email'
                        ? formatParts(s('mailbox.contact.email'), { email: <bdi dir="ltr">{question.contact.email}</bdi> })
                        : s('mailbox.contact.portal')}
                  </dd>
                </div>
                {question.contact.method === 'phone' && question.contact.safety?.codeWord && (
                  <div class="achterom-summary-list__row">
                    <dt class="achterom-summary-list__key">{s('mailbox.contact.codeWord')}</dt>
                    <dd class="achterom-summary-list__value" data-testid="mailbox-code-word" dir="auto">
                      {question.contact.safety.codeWord}
                    </dd>
                  </div>
                )}
                <div class="achterom-summary-list__row">
                  <dt class="achterom-summary-list__key">{s('form.consent.legend')}</dt>
                  <dd class="achterom-summary-list__value">
                    {s(question.consent === 'handler' ? 'form.consent.handler' : 'form.consent.team')}
                  </dd>
                </div>
              </dl>
            </>
          ) : (
            <p class="achterom-mailbox__unreadable" data-testid="mailbox-question-unreadable">
              <ErrorIcon />
              <span>{s('mailbox.question.unreadable')}</span>
            </p>
          )}
        </>
      )}
    </section>
  );
}
