// Team leads delete a case, after an inline confirmation.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SubmitOutcome } from './SealedTextForm';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
import type { Say } from './strings';

interface Props {
  say: Say;
  disabled: boolean;
  onDelete: () => Promise<SubmitOutcome>;
}

export function DeletePanel({ say, disabled, onDelete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await onDelete();
      if (!outcome.ok && outcome.message) {
        setFailure(outcome.message);
        setConfirming(false);
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="achterom-detail__section achterom-danger" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{say('staff.delete.heading')}</h3>
      <p>{say('staff.delete.intro')}</p>
      {failure && (
        <Notice kind="error" noticeRef={failureRef} testId="delete-error">
          {failure}
        </Notice>
      )}
      {confirming ? (
        <div class="achterom-confirm" role="group" aria-labelledby="delete-confirm-text">
          <p class="achterom-confirm__text" id="delete-confirm-text" tabIndex={-1} ref={confirmRef}>
            {say('staff.delete.confirm')}
          </p>
          <div class="achterom-button-row">
            <button class="achterom-button achterom-button--danger utrecht-button utrecht-button--primary-action" type="button" onClick={confirm} aria-disabled={busy ? 'true' : undefined}>
              {say('staff.delete.yes')}
            </button>
            <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {say('staff.delete.no')}
            </button>
          </div>
          <StatusLine busy={busy} text={say('staff.delete.busy')} />
        </div>
      ) : (
        <button class="achterom-button achterom-button--danger utrecht-button utrecht-button--primary-action" type="button" ref={deleteRef} disabled={disabled} onClick={() => setConfirming(true)}>
          {say('staff.delete.button')}
        </button>
      )}
    </section>
  );
}
