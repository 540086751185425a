// A textarea that is encrypted in this browser before it is sent: used for replies to
// the resident and for internal notes. The caller does the sealing in onSubmit.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { MESSAGE_MAX_CHARS } from '../../lib/schemas/messagePayload';
import { Busy, FieldError, Notice, describedBy } from './ui';
import type { Say } from './strings';

export type SubmitOutcome = { ok: true } | { ok: false; message: string };

interface Props {
  say: Say;
  /** Id of the textarea; other ids derive from it. */
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  busyText: string;
  emptyError: string;
  tooLongError: string;
  successText: string;
  disabled: boolean;
  onSubmit: (text: string) => Promise<SubmitOutcome>;
}

export function SealedTextForm(props: Props) {
  const { say, id } = props;
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [success, setSuccess] = useState(false);
  const [busy, setBusy] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const remaining = MESSAGE_MAX_CHARS - [...text].length;

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (props.disabled || busy) return;
    setSuccess(false);
    setFailure(null);
    const trimmed = text.trim();
    const problem = !trimmed ? props.emptyError : [...trimmed].length > MESSAGE_MAX_CHARS ? props.tooLongError : undefined;
    setFieldError(problem);
    if (problem) {
      textareaRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const outcome = await props.onSubmit(trimmed);
      if (outcome.ok) {
        setText('');
        setSuccess(true);
        textareaRef.current?.focus();
      } else if (outcome.message) {
        setFailure(outcome.message);
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="achterom-form achterom-sealed-form" method="post" noValidate onSubmit={onSubmit}>
      {failure && (
        <Notice kind="error" noticeRef={failureRef} testId={`${id}-error`}>
          {failure}
        </Notice>
      )}
      <div class={`achterom-form-field utrecht-form-field${fieldError ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
        <label class="achterom-form-field__label utrecht-form-label" for={id}>
          {props.label}
        </label>
        <p class="achterom-form-field__hint utrecht-form-field-description" id={`${id}-hint`}>
          {props.hint}
        </p>
        <FieldError id={`${id}-field-error`} message={fieldError} say={say} />
        <textarea
          class="achterom-textarea achterom-textarea--short utrecht-textarea utrecht-textarea--html-textarea"
          id={id}
          name={id}
          rows={5}
          spellcheck
          value={text}
          ref={textareaRef}
          disabled={props.disabled}
          aria-invalid={fieldError ? 'true' : undefined}
          aria-describedby={describedBy(`${id}-hint`, `${id}-count`, fieldError && `${id}-field-error`)}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setSuccess(false);
          }}
        />
        <span class={`achterom-form-field__count${remaining < 0 ? ' achterom-form-field__count--over' : ''}`} id={`${id}-count`}>
          {remaining >= 0 ? say('staff.count', { count: remaining }) : say('staff.countOver', { count: -remaining })}
        </span>
      </div>
      <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={props.disabled} aria-disabled={busy ? 'true' : undefined}>
        {props.submitLabel}
      </button>
      <Busy busy={busy} text={props.busyText} />
      <p class="achterom-status achterom-status--success" role="status" data-testid={`${id}-sent`}>
        {success ? props.successText : ''}
      </p>
    </form>
  );
}
