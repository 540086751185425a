// "Anything else to ask or tell?": one more message to the team, sealed in this browser,
// with up to five photos or PDFs (the same file field and rules as the question form).
import { MESSAGE_MAX_CHARS } from '../../../lib/schemas/messagePayload';
import { format } from '../../../lib/i18n/format';
import { Alert } from '../../shared/Alert';
import { InfoNotice } from '../../shared/InfoNotice';
import { StatusLine } from '../../shared/StatusLine';
import { ErrorSummary } from '../../shared/fields/ErrorSummary';
import { TextareaField } from '../../shared/fields/TextareaField';
import { FileField } from '../../shared/fields/FileField';
import { FILE_FIELD_KEYS, type FileFieldStrings } from '../../shared/attachments/attachmentRules';
import { withWotPhone } from '../../shared/withWotPhone';
import type { StringKey } from './openedMailbox';
import type { FollowUp } from './useFollowUp';

export function FollowUpForm({ s, followUp }: { s: (key: StringKey) => string; followUp: FollowUp }) {
  const { error, sendError, attachments } = followUp;
  const fileStrings = Object.fromEntries(FILE_FIELD_KEYS.map((key) => [key, s(key)])) as FileFieldStrings;
  const sending = followUp.phase !== 'idle';
  const remaining = MESSAGE_MAX_CHARS - followUp.text.length;
  const status = followUp.phase === 'encrypting' ? s('form.status.encrypting') : followUp.phase === 'sending' ? s('form.status.sending') : '';

  return (
    <form class="achterom-form achterom-mailbox__section achterom-mailbox__followup" method="post" noValidate onSubmit={followUp.send}>
      {followUp.sentNotice && <InfoNotice block="achterom-notice" id="followup-sent" testId="followup-sent" text={s(followUp.filesMissing ? 'mailbox.followup.filesMissing' : 'mailbox.followup.sent')} />}
      <ErrorSummary id="followup-error-summary" title={s('form.errorSummary.title')} errors={error ? [{ target: 'followup', text: error }] : []} />
      <TextareaField
        id="followup"
        labelHeading={2}
        label={s('mailbox.followup.label')}
        hint={s('mailbox.followup.hint')}
        value={followUp.text}
        error={error ?? undefined}
        errorPrefix={s('form.errorPrefix')}
        onInput={followUp.setText}
        rows={6}
        countText={remaining >= 0 ? format(s('form.question.remaining'), { count: remaining }) : format(s('form.question.over'), { count: -remaining })}
        over={remaining < 0}
      />
      <FileField
        id="followup-files"
        strings={fileStrings}
        files={attachments.files}
        problems={attachments.problems}
        preparing={attachments.preparing}
        disabled={sending}
        onAdd={(files) => void attachments.add(files)}
        onRemove={attachments.remove}
      />
      {sendError && !sending && (
        <Alert id="followup-send-error" testId="followup-send-error" bare>
          <p class="achterom-alert__text">
            {sendError === 'tooMany'
              ? withWotPhone(s('mailbox.followup.error.tooMany'))
              : s(sendError === 'gone' ? 'mailbox.followup.error.gone' : 'mailbox.followup.error.send')}
          </p>
        </Alert>
      )}
      <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={sending ? 'true' : undefined}>
        {s('form.submit')}
      </button>
      <StatusLine busy={sending} text={status} />
    </form>
  );
}
