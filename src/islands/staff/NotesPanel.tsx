// Internal notes: encrypted with the case's own note key, which residents never get.
import type { OpenedNote } from './caseCrypto';
import { formatShortInstant } from './dates';
import { SealedTextForm, type SubmitOutcome } from './SealedTextForm';
import { ErrorIcon, LockIcon } from './ui';
import type { Say } from './strings';
import { MESSAGE_MAX_CHARS } from '../../lib/schemas/messagePayload';

interface Props {
  say: Say;
  /** Null when this member cannot open the note key (and cannot make one). */
  notes: OpenedNote[] | null;
  disabled: boolean;
  onSave: (text: string) => Promise<SubmitOutcome>;
}

export function NotesPanel({ say, notes, disabled, onSave }: Props) {
  return (
    <section class="achterom-detail__section achterom-notes" aria-labelledby="notes-heading" data-testid="notes">
      <h3 id="notes-heading" class="achterom-notes__heading">
        <LockIcon />
        <span>{say('staff.notes.heading')}</span>
      </h3>
      <p>{say('staff.notes.intro')}</p>
      {notes === null ? (
        <p class="achterom-callout utrecht-alert utrecht-alert--info" data-testid="notes-locked">
          {say('staff.case.noNoteKeyAccess')}
        </p>
      ) : (
        <>
          {notes.length === 0 ? (
            <p>{say('staff.notes.empty')}</p>
          ) : (
            <ul class="achterom-notes__list">
              {notes.map((n) => (
                <li key={n.id} class="achterom-note" data-testid="note">
                  {n.state === 'ok' ? (
                    <>
                      <p class="achterom-message__meta">
                        {say('staff.notes.by', { author: n.author, time: '' })}
                        <time dateTime={n.writtenAt}>{formatShortInstant(n.writtenAt)}</time>
                      </p>
                      <p class="achterom-message__text">{n.text}</p>
                    </>
                  ) : (
                    <p class="achterom-case__problem">
                      <ErrorIcon />
                      <span>{say('staff.notes.unreadable')}</span>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <SealedTextForm
            say={say}
            id="note"
            label={say('staff.notes.label')}
            hint={say('staff.notes.hint')}
            submitLabel={say('staff.notes.submit')}
            busyText={say('staff.notes.busy')}
            emptyError={say('staff.notes.empty.error')}
            tooLongError={say('staff.notes.tooLong', { max: MESSAGE_MAX_CHARS })}
            successText={say('staff.notes.saved')}
            disabled={disabled}
            onSubmit={onSave}
          />
        </>
      )}
    </section>
  );
}
