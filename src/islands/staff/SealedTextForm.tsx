// A textarea that is encrypted in this browser before it is sent: used for replies to
// the resident and for internal notes. The caller does the sealing in onSubmit.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { MESSAGE_MAX_CHARS } from '../../lib/schemas/messagePayload';
import { TextareaField } from '../shared/fields/TextareaField';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
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
      <TextareaField
        id={id}
        name={id}
        errorId={`${id}-field-error`}
        label={props.label}
        hint={props.hint}
        value={text}
        error={fieldError}
        errorPrefix={say('form.errorPrefix')}
        disabled={props.disabled}
        short
        spellcheck
        textareaRef={textareaRef}
        countText={remaining >= 0 ? say('staff.count', { count: remaining }) : say('staff.countOver', { count: -remaining })}
        over={remaining < 0}
        onInput={(value) => {
          setText(value);
          setSuccess(false);
        }}
      />
      <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={props.disabled} aria-disabled={busy ? 'true' : undefined}>
        {props.submitLabel}
      </button>
      <StatusLine busy={busy} text={props.busyText} />
      <p class="achterom-status achterom-status--success" role="status" data-testid={`${id}-sent`}>
        {success ? props.successText : ''}
      </p>
    </form>
  );
}
