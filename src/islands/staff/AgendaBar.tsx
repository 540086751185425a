// The agenda's controls: day or week, Previous / Today / Next, Refresh, and a jump to a
// date typed the Dutch way ("1-6-2026"). The position lives with the caller.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { FieldError, describedBy } from '../shared/fields/FieldError';
import { fieldClass } from '../shared/fields/fieldClass';
import { moved, switchedView, type AgendaPosition } from './agendaPosition';
import { formatDateInput, parseDateInput } from './slots';
import type { Say } from './strings';
import { BusyButton } from './ui';

interface Props {
  say: Say;
  /** Prefix for element ids and test ids. */
  idPrefix: string;
  position: AgendaPosition;
  onPosition: (p: AgendaPosition) => void;
  today: string;
  busy: boolean;
  onRefresh: () => void;
}

const SMALL_BUTTON = 'achterom-button achterom-button--secondary achterom-button--small utrecht-button utrecht-button--secondary-action';

export function AgendaBar({ say, idPrefix: p, position, onPosition, today, busy, onRefresh }: Props) {
  const unit = position.view === 'day' ? 'Day' : 'Week';
  return (
    <div class="achterom-agenda__bar">
      <div class="achterom-agenda__views" role="group" aria-label={say('staff.agenda.viewLabel')}>
        {(['day', 'week'] as const).map((view) => (
          <button
            key={view}
            type="button"
            id={`${p}-view-${view}`}
            class="achterom-agenda__view"
            aria-pressed={position.view === view ? 'true' : 'false'}
            data-testid={`${p}-view-${view}`}
            onClick={() => {
              if (position.view !== view) onPosition(switchedView(position, view, today));
            }}
          >
            {say(view === 'day' ? 'staff.agenda.viewDay' : 'staff.agenda.viewWeek')}
          </button>
        ))}
      </div>
      <div class="achterom-agenda__nav">
        <button class={SMALL_BUTTON} type="button" id={`${p}-previous`} data-testid={`${p}-previous`} onClick={() => onPosition(moved(position, -1))}>
          <span aria-hidden="true">‹ </span>
          {say(`staff.agenda.previous${unit}`)}
        </button>
        <button class={SMALL_BUTTON} type="button" id={`${p}-today`} data-testid={`${p}-today`} onClick={() => onPosition({ ...position, date: today })}>
          {say('staff.agenda.today')}
        </button>
        <button class={SMALL_BUTTON} type="button" id={`${p}-next`} data-testid={`${p}-next`} onClick={() => onPosition(moved(position, 1))}>
          {say(`staff.agenda.next${unit}`)}
          <span aria-hidden="true"> ›</span>
        </button>
        <BusyButton class={SMALL_BUTTON} id={`${p}-refresh`} busy={busy} onPress={onRefresh}>
          {say('staff.agenda.refresh')}
        </BusyButton>
      </div>
      <JumpForm say={say} idPrefix={p} today={today} onDate={(date) => onPosition({ ...position, date })} />
    </div>
  );
}

function JumpForm({ say, idPrefix: p, today, onDate }: { say: Say; idPrefix: string; today: string; onDate: (date: string) => void }) {
  const [jump, setJump] = useState('');
  const [jumpError, setJumpError] = useState<string | undefined>(undefined);
  const jumpRef = useRef<HTMLInputElement>(null);

  function onJump(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const date = parseDateInput(jump);
    if (!date) {
      setJumpError(say(jump.trim() ? 'staff.agenda.jumpInvalid' : 'staff.agenda.jumpMissing'));
      jumpRef.current?.focus();
      return;
    }
    setJumpError(undefined);
    onDate(date);
  }

  return (
    <form class="achterom-agenda__jump" noValidate onSubmit={onJump}>
      <div class={fieldClass(jumpError)}>
        <label class="achterom-form-field__label utrecht-form-label" for={`${p}-jump`}>
          {say('staff.agenda.jumpLabel')}
        </label>
        <p class="achterom-form-field__hint utrecht-form-field-description" id={`${p}-jump-hint`}>
          {say('staff.agenda.jumpHint', { example: formatDateInput(today) })}
        </p>
        <FieldError id={`${p}-jump-error`} prefix={say('form.errorPrefix')} text={jumpError} />
        {/* The button sits right of the box, so the field is written out here. */}
        <div class="achterom-agenda__jump-row">
          <input
            class="achterom-text-input achterom-text-input--date utrecht-textbox utrecht-textbox--html-input"
            type="text"
            id={`${p}-jump`}
            ref={jumpRef}
            autoComplete="off"
            spellcheck={false}
            value={jump}
            aria-invalid={jumpError ? 'true' : undefined}
            aria-describedby={describedBy(`${p}-jump-hint`, jumpError && `${p}-jump-error`)}
            onInput={(e) => setJump(e.currentTarget.value)}
          />
          <button class={SMALL_BUTTON} type="submit" data-testid={`${p}-jump-submit`}>
            {say('staff.agenda.jumpSubmit')}
          </button>
        </div>
      </div>
    </form>
  );
}
