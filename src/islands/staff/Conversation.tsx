// The conversation with the resident, in sequence order, and the reply form. Files sent
// with a follow-up are listed under it and opened like the question's (AttachmentList).
import { AttachmentList } from './AttachmentList';
import type { OpenedMessage } from './caseCrypto';
import { formatInstant } from './dates';
import { SealedTextForm, type SubmitOutcome } from './SealedTextForm';
import { ErrorIcon } from './ui';
import type { Say } from './strings';
import type { Vault } from './types';
import { MESSAGE_MAX_CHARS } from '../../lib/schemas/messagePayload';

interface Props {
  say: Say;
  caseId: string;
  getVault: () => Vault | null;
  messages: OpenedMessage[];
  canReply: boolean;
  disabled: boolean;
  onReply: (text: string) => Promise<SubmitOutcome>;
}

export function Conversation({ say, caseId, getVault, messages, canReply, disabled, onReply }: Props) {
  return (
    <section class="achterom-detail__section" aria-labelledby="conversation-heading">
      <h3 id="conversation-heading">{say('staff.conversation.heading')}</h3>
      {messages.length === 0 ? (
        <p data-testid="conversation-empty">{say('staff.conversation.empty')}</p>
      ) : (
        <ol class="achterom-messages" data-testid="conversation">
          {messages.map((m) => {
            const who =
              m.direction === 'resident' ? say('staff.conversation.resident') : m.authorName ? say('staff.conversation.staffNamed', { name: m.authorName }) : say('staff.conversation.staff');
            return (
              <li key={m.seq} class={`achterom-message achterom-message--${m.direction}`} data-testid="message" data-direction={m.direction}>
                <p class="achterom-message__meta">
                  <strong class="achterom-message__who">{who}</strong>
                  {m.state === 'ok' && (
                    <>
                      {' '}
                      <span class="achterom-message__time">
                        {say('staff.conversation.sentAt', { time: '' })}
                        <time dateTime={m.sentAt}>{formatInstant(m.sentAt)}</time>
                      </span>
                    </>
                  )}
                </p>
                {m.state === 'ok' ? (
                  <>
                    <p class="achterom-message__text">{m.text}</p>
                    {m.direction === 'resident' && m.attachments?.length ? (
                      <AttachmentList say={say} caseId={caseId} attachments={m.attachments} getVault={getVault} messageSeq={m.seq} />
                    ) : null}
                  </>
                ) : (
                  <p class="achterom-case__problem">
                    <ErrorIcon />
                    <span>{say('staff.conversation.unreadable')}</span>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canReply && (
        <SealedTextForm
          say={say}
          id="reply"
          label={say('staff.reply.label')}
          hint={say('staff.reply.hint')}
          submitLabel={say('staff.reply.submit')}
          busyText={say('staff.reply.busy')}
          emptyError={say('staff.reply.empty')}
          tooLongError={say('staff.reply.tooLong', { max: MESSAGE_MAX_CHARS })}
          successText={say('staff.reply.sent')}
          disabled={disabled}
          onSubmit={onReply}
        />
      )}
    </section>
  );
}
