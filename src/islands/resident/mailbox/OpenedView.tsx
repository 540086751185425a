// The opened mailbox: the question, status, conversation, follow-up form, who looked at
// it, and delete or close. Everything shown was decrypted in this browser.
import { MessageList } from '../../shared/MessageList';
import '../../../styles/forms.css';
import '../../../styles/mailbox.css';
import { DeleteSection } from './DeleteSection';
import { FollowUpForm } from './FollowUpForm';
import { QuestionSection } from './QuestionSection';
import { ACTION_KEYS, ROLE_KEYS, STATUS_KEYS, type makeDateFormats, type OpenedMailbox, type StringKey } from './openedMailbox';
import type { Deletion } from './useDeletion';
import type { FollowUp } from './useFollowUp';

export interface OpenedViewProps {
  s: (key: StringKey) => string;
  dates: ReturnType<typeof makeDateFormats>;
  mailbox: OpenedMailbox;
  followUp: FollowUp;
  deletion: Deletion;
  onClose: () => void;
}

export function OpenedView({ s, dates, mailbox, followUp, deletion, onClose }: OpenedViewProps) {
  const status = STATUS_KEYS[mailbox.status];

  return (
    <div class="achterom-mailbox" data-testid="mailbox">
      <section class="achterom-mailbox__section">
        <h2 id="mailbox-state-heading" tabIndex={-1}>
          {s('mailbox.state.heading')}
        </h2>
        <p class="achterom-mailbox__state">
          <span class={`achterom-state-tag achterom-state-tag--${status?.modifier ?? 'unknown'}`} data-testid="mailbox-status">
            {status ? s(status.label) : s('mailbox.state.unknown')}
          </span>
        </p>
        {status && <p>{s(status.text)}</p>}
      </section>

      <QuestionSection s={s} dates={dates} mailbox={mailbox} />

      <section class="achterom-mailbox__section">
        <h2>{s('mailbox.conversation.heading')}</h2>
        {mailbox.messages.length === 0 ? (
          <p data-testid="mailbox-no-messages">{s('mailbox.conversation.empty')}</p>
        ) : (
          <MessageList
            messages={mailbox.messages}
            labels={{
              team: s('mailbox.message.team'),
              you: s('mailbox.message.you'),
              unreadable: s('mailbox.message.unreadable'),
              files: { one: s('mailbox.message.files.one'), other: s('mailbox.message.files.other') },
            }}
            formatInstant={dates.instant}
            formatDay={dates.day}
          />
        )}
      </section>

      <FollowUpForm s={s} followUp={followUp} />

      <section class="achterom-mailbox__section">
        <h2>{s('mailbox.access.heading')}</h2>
        <p>{s('mailbox.access.intro')}</p>
        {mailbox.access.length === 0 ? (
          <p data-testid="mailbox-access-empty">
            <strong>{s('mailbox.access.empty')}</strong>
          </p>
        ) : (
          <ul class="achterom-access" data-testid="mailbox-access">
            {mailbox.access.map((a) => (
              <li class="achterom-access__item" key={`${a.day}|${a.role}|${a.action}`}>
                <time class="achterom-access__day" dateTime={a.day}>
                  {dates.day(a.day)}
                </time>
                <span class="achterom-access__what">
                  <strong>{s(ROLE_KEYS[a.role] ?? 'mailbox.access.role.other')}</strong> {s(ACTION_KEYS[a.action]!)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="achterom-mailbox__section">
        <h2>{s('mailbox.close.heading')}</h2>
        <p>{s('mailbox.close.text')}</p>
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" data-testid="mailbox-close" onClick={onClose}>
          {s('mailbox.close.button')}
        </button>
      </section>

      <DeleteSection s={s} deletion={deletion} />
    </div>
  );
}
