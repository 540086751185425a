// The opened mailbox: the question, status, conversation, follow-up form, who looked at
// it, and delete or close. Everything shown was decrypted in this browser.
import { WOT_PHONE } from '../../../components/helplines';
import type { JSX } from 'preact';
import { MESSAGE_MAX_CHARS } from '../../../lib/schemas/messagePayload';
import { findTeam } from '../../../lib/config/teams';
import { format, formatParts } from '../../../lib/i18n/format';
import { ErrorIcon, Spinner } from '../../Icon';
import { MessageList } from '../../shared/MessageList';
import { focusField } from '../../focus';
import '../../../styles/forms.css';
import '../../../styles/mailbox.css';
import { describedBy } from '../../shared/fields/FieldError';
import { ACTION_KEYS, ROLE_KEYS, STATUS_KEYS, type makeDateFormats, type OpenedMailbox, type SendError, type SendPhase, type StringKey } from './openedMailbox';

export interface OpenedViewProps {
  s: (key: StringKey) => string;
  dates: ReturnType<typeof makeDateFormats>;
  mailbox: OpenedMailbox;
  followup: string;
  setFollowup: (text: string) => void;
  followupError: string | null;
  sendPhase: SendPhase;
  sendError: SendError | null;
  sentNotice: boolean;
  onSend: (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => void;
  confirmingDelete: boolean;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onConfirmDelete: () => void;
  deleting: boolean;
  deleteFailed: boolean;
  onClose: () => void;
}

export function OpenedView(props: OpenedViewProps) {
  const { s, dates, mailbox } = props;
  const status = STATUS_KEYS[mailbox.status];
  const question = mailbox.question;
  const team = findTeam(mailbox.teamId);
  const sending = props.sendPhase !== 'idle';
  const remaining = MESSAGE_MAX_CHARS - props.followup.length;
  const sendStatus = props.sendPhase === 'encrypting' ? s('form.status.encrypting') : props.sendPhase === 'sending' ? s('form.status.sending') : '';

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

      <section class="achterom-mailbox__section">
        <h2>{s('mailbox.conversation.heading')}</h2>
        {mailbox.messages.length === 0 ? (
          <p data-testid="mailbox-no-messages">{s('mailbox.conversation.empty')}</p>
        ) : (
          <MessageList
            messages={mailbox.messages}
            labels={{ team: s('mailbox.message.team'), you: s('mailbox.message.you'), unreadable: s('mailbox.message.unreadable') }}
            formatInstant={dates.instant}
            formatDay={dates.day}
          />
        )}
      </section>

      <form class="achterom-form achterom-mailbox__section achterom-mailbox__followup" method="post" noValidate onSubmit={props.onSend}>
        {props.sentNotice && (
          <div class="achterom-notice utrecht-alert utrecht-alert--info" id="followup-sent" tabIndex={-1} data-testid="followup-sent">
            <p class="achterom-notice__text">{s('mailbox.followup.sent')}</p>
          </div>
        )}
        {props.followupError && (
          <div class="achterom-error-summary" id="followup-error-summary" tabIndex={-1} aria-labelledby="followup-error-summary-title">
            <h2 class="achterom-error-summary__title" id="followup-error-summary-title">
              <ErrorIcon />
              <span>{s('form.errorSummary.title')}</span>
            </h2>
            <ul class="achterom-error-summary__list">
              <li>
                <a
                  href="#followup"
                  onClick={(e) => {
                    e.preventDefault();
                    focusField('followup');
                  }}
                >
                  {props.followupError}
                </a>
              </li>
            </ul>
          </div>
        )}
        <div class={`achterom-form-field utrecht-form-field${props.followupError ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
          <h2 class="achterom-form-field__label-wrapper">
            <label class="achterom-form-field__label achterom-form-field__label--heading utrecht-form-label" for="followup">
              {s('mailbox.followup.label')}
            </label>
          </h2>
          <p class="achterom-form-field__hint utrecht-form-field-description" id="followup-hint">
            {s('mailbox.followup.hint')}
          </p>
          {props.followupError && (
            <p class="achterom-form-field__error utrecht-form-field-error-message" id="followup-error">
              <ErrorIcon />
              <span>
                <span class="achterom-visually-hidden">{s('form.errorPrefix')} </span>
                {props.followupError}
              </span>
            </p>
          )}
          <textarea
            class="achterom-textarea utrecht-textarea utrecht-textarea--html-textarea"
            id="followup"
            rows={6}
            dir="auto"
            value={props.followup}
            spellcheck={false}
            autocomplete="off"
            aria-describedby={describedBy('followup-hint', 'followup-count', props.followupError && 'followup-error')}
            aria-invalid={props.followupError ? 'true' : undefined}
            onInput={(e) => props.setFollowup(e.currentTarget.value)}
          />
          <p class={`achterom-form-field__count${remaining < 0 ? ' achterom-form-field__count--over' : ''}`} id="followup-count">
            {remaining >= 0 ? format(s('form.question.remaining'), { count: remaining }) : format(s('form.question.over'), { count: -remaining })}
          </p>
        </div>
        {props.sendError && !sending && (
          <div class="achterom-alert utrecht-alert utrecht-alert--error" id="followup-send-error" tabIndex={-1} data-testid="followup-send-error">
            <ErrorIcon />
            <p class="achterom-alert__text">
              {props.sendError === 'tooMany'
                ? format(s('mailbox.followup.error.tooMany'), { phone: WOT_PHONE.numbers[0] ?? '' })
                : s(props.sendError === 'gone' ? 'mailbox.followup.error.gone' : 'mailbox.followup.error.send')}
            </p>
          </div>
        )}
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={sending ? 'true' : undefined}>
          {s('form.submit')}
        </button>
        <p class="achterom-status" role="status" aria-live="polite">
          {sending && <Spinner />}
          {sendStatus}
        </p>
      </form>

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
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" data-testid="mailbox-close" onClick={props.onClose}>
          {s('mailbox.close.button')}
        </button>
      </section>

      <section class="achterom-mailbox__section">
        <h2>{s('mailbox.delete.heading')}</h2>
        <p>{s('mailbox.delete.text')}</p>
        {props.confirmingDelete ? (
          <div class="achterom-confirm" data-testid="delete-confirm">
            <h3 class="achterom-confirm__heading" id="delete-confirm-heading" tabIndex={-1}>
              {s('mailbox.delete.confirm.heading')}
            </h3>
            <ul class="achterom-confirm__list">
              <li>{s('mailbox.delete.confirm.everything')}</li>
              <li>{s('mailbox.delete.confirm.team')}</li>
              <li>{s('mailbox.delete.confirm.noUndo')}</li>
            </ul>
            {props.deleteFailed && !props.deleting && (
              <div class="achterom-alert utrecht-alert utrecht-alert--error" id="delete-error" tabIndex={-1} data-testid="delete-error">
                <ErrorIcon />
                <p class="achterom-alert__text">{s('mailbox.delete.error')}</p>
              </div>
            )}
            <div class="achterom-button-group">
              <button
                class="achterom-button achterom-button--warning utrecht-button utrecht-button--primary-action"
                type="button"
                data-testid="delete-confirm-yes"
                aria-disabled={props.deleting ? 'true' : undefined}
                onClick={props.onConfirmDelete}
              >
                {s('mailbox.delete.confirm.yes')}
              </button>
              <button
                class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action"
                type="button"
                data-testid="delete-confirm-no"
                aria-disabled={props.deleting ? 'true' : undefined}
                onClick={props.onCancelDelete}
              >
                {s('mailbox.delete.confirm.no')}
              </button>
            </div>
            <p class="achterom-status" role="status" aria-live="polite">
              {props.deleting && <Spinner />}
              {props.deleting ? s('mailbox.delete.busy') : ''}
            </p>
          </div>
        ) : (
          <button
            class="achterom-button achterom-button--warning-secondary utrecht-button utrecht-button--secondary-action"
            type="button"
            id="delete-button"
            data-testid="delete-button"
            onClick={props.onAskDelete}
          >
            {s('mailbox.delete.button')}
          </button>
        )}
      </section>
    </div>
  );
}
