// Delete everything under the code: asked once more, with what it means, before it goes.
import { Alert } from '../../shared/Alert';
import { ConfirmButtons } from '../../shared/ConfirmButtons';
import { StatusLine } from '../../shared/StatusLine';
import type { StringKey } from './openedMailbox';
import type { Deletion } from './useDeletion';

export function DeleteSection({ s, deletion }: { s: (key: StringKey) => string; deletion: Deletion }) {
  return (
    <section class="achterom-mailbox__section">
      <h2>{s('mailbox.delete.heading')}</h2>
      <p>{s('mailbox.delete.text')}</p>
      {deletion.confirming ? (
        <div class="achterom-confirm" data-testid="delete-confirm">
          <h3 class="achterom-confirm__heading" id="delete-confirm-heading" tabIndex={-1}>
            {s('mailbox.delete.confirm.heading')}
          </h3>
          <ul class="achterom-confirm__list">
            <li>{s('mailbox.delete.confirm.everything')}</li>
            <li>{s('mailbox.delete.confirm.team')}</li>
            <li>{s('mailbox.delete.confirm.noUndo')}</li>
          </ul>
          {deletion.failed && !deletion.deleting && (
            <Alert id="delete-error" testId="delete-error" bare>
              <p class="achterom-alert__text">{s('mailbox.delete.error')}</p>
            </Alert>
          )}
          <ConfirmButtons
            groupClass="achterom-button-group"
            busy={deletion.deleting}
            confirmLabel={s('mailbox.delete.confirm.yes')}
            warning
            onConfirm={() => void deletion.confirm()}
            confirmTestId="delete-confirm-yes"
            backLabel={s('mailbox.delete.confirm.no')}
            onBack={deletion.cancel}
            backTestId="delete-confirm-no"
          />
          <StatusLine busy={deletion.deleting} text={s('mailbox.delete.busy')} />
        </div>
      ) : (
        <button
          class="achterom-button achterom-button--warning-secondary utrecht-button utrecht-button--secondary-action"
          type="button"
          id="delete-button"
          data-testid="delete-button"
          onClick={deletion.ask}
        >
          {s('mailbox.delete.button')}
        </button>
      )}
    </section>
  );
}
