// The conversation on a resident page ("Mijn vraag", "Mijn afspraak"): who wrote, when,
// and the text, or a plain note for a message that does not open; under a message the
// resident sent with files, how many and their names (they are not opened here again).
import { Fragment, type ComponentChild } from 'preact';
import { ErrorIcon } from '../Icon';
import { formatParts } from '../../lib/i18n/format';
import type { OpenedMessage } from './residentMessages';
import '../../styles/conversation.css';

interface Props {
  messages: OpenedMessage[];
  labels: { team: string; you: string; unreadable: string; /** "Met {count} bestanden: {names}" (one: for a single file); without it, files are not mentioned. */ files?: { one: string; other: string } };
  /** A message's own time (inside the ciphertext), or the server's day when it has none. */
  formatInstant: (iso: string) => string;
  formatDay: (day: string) => string;
}

export function MessageList({ messages, labels, formatInstant, formatDay }: Props) {
  return (
    <ol class="achterom-conversation" data-testid="mailbox-messages">
      {messages.map((m) => (
        <li
          key={m.seq}
          class={`achterom-message achterom-message--${m.direction}${m.text === null ? ' achterom-message--unreadable' : ''}`}
          data-testid="mailbox-message"
          data-direction={m.direction}
        >
          <h3 class="achterom-message__who">{m.direction === 'staff' ? labels.team : labels.you}</h3>
          <p class="achterom-message__time">
            {m.sentAt ? <time dateTime={m.sentAt}>{formatInstant(m.sentAt)}</time> : <time dateTime={m.createdDay}>{formatDay(m.createdDay)}</time>}
          </p>
          {m.text === null ? (
            <p class="achterom-message__text achterom-message__unreadable">
              <ErrorIcon />
              <span>{labels.unreadable}</span>
            </p>
          ) : (
            <p class="achterom-message__text" dir="auto">
              {m.text}
            </p>
          )}
          {labels.files && m.fileNames.length > 0 && (
            <p class="achterom-message__files" data-testid="mailbox-message-files">
              {formatParts<ComponentChild>(m.fileNames.length === 1 ? labels.files.one : labels.files.other, {
                count: String(m.fileNames.length),
                names: (
                  <>
                    {m.fileNames.map((name, i) => (
                      <Fragment key={i}>
                        {i > 0 && ', '}
                        <bdi>{name}</bdi>
                      </Fragment>
                    ))}
                  </>
                ),
              })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
