// Status of a case: Nieuw, In behandeling, Afgerond. The status is one of the few facts
// the server knows in the clear (it drives retention).
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CASE_STATUSES, isCaseStatus, type CaseStatus } from './types';
import type { SubmitOutcome } from './SealedTextForm';
import { SelectField } from '../shared/fields/SelectField';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
import type { Say } from './strings';

interface Props {
  say: Say;
  status: string;
  disabled: boolean;
  onSave: (status: CaseStatus) => Promise<SubmitOutcome>;
}

export function StatusForm({ say, status, disabled, onSave }: Props) {
  const [choice, setChoice] = useState<CaseStatus>(isCaseStatus(status) ? status : 'nieuw');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (isCaseStatus(status)) setChoice(status);
  }, [status]);

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (disabled || busy) return;
    setBusy(true);
    setResult(null);
    try {
      const outcome = await onSave(choice);
      if (outcome.ok) setResult({ ok: true, text: say('staff.status.saved', { status: say(`staff.status.${choice}`) }) });
      else if (outcome.message) {
        setResult({ ok: false, text: outcome.message });
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="achterom-detail__section" aria-labelledby="status-heading">
      <h3 id="status-heading">{say('staff.status.heading')}</h3>
      <form class="achterom-form achterom-inline-form" method="post" noValidate onSubmit={onSubmit}>
        {result && !result.ok && <Notice kind="error" noticeRef={failureRef} testId="status-error">{result.text}</Notice>}
        <SelectField
          id="case-status-select"
          name="status"
          label={say('staff.status.label')}
          value={choice}
          disabled={disabled}
          onChange={(value) => setChoice(value as CaseStatus)}
          options={CASE_STATUSES.map((status) => ({ value: status, label: say(`staff.status.${status}`) }))}
        />
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
          {say('staff.status.save')}
        </button>
        <StatusLine busy={busy} text={say('staff.status.busy')} />
        <p class="achterom-status achterom-status--success" role="status" data-testid="status-saved">
          {result?.ok ? result.text : ''}
        </p>
      </form>
    </section>
  );
}
