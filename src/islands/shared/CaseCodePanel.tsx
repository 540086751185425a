// The code after sending or booking: shown in two halves, with a copy button and a
// check that the resident wrote it down right (compared here, never sent anywhere).
import type { JSX, Ref } from 'preact';
import { useState } from 'preact/hooks';
import { formatCaseCode, normalizeCaseCode } from '../../lib/crypto/caseCode';

export interface CaseCodeLabels {
  copy: string;
  copied: string;
  copyFailed: string;
  checkLabel: string;
  checkHint: string;
  checkButton: string;
  checkOk: string;
  checkWrong: string;
  checkEmpty: string;
}

interface Props {
  code: string;
  heading: string;
  /** A short label above the code ("Uw code:"), when the heading says something else. */
  label?: string | undefined;
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  labels: CaseCodeLabels;
}

/** "4821 0937 5562 1180" in two halves that never break inside, so a narrow screen shows 2 + 2 groups. */
export function CodeGroups({ formatted }: { formatted: string }) {
  const groups = formatted.split(' ');
  const half = Math.ceil(groups.length / 2);
  return (
    <>
      <span class="achterom-case-code__half">{groups.slice(0, half).join(' ')}</span>{' '}
      <span class="achterom-case-code__half">{groups.slice(half).join(' ')}</span>
    </>
  );
}

export function CaseCodePanel({ code, heading, label, headingRef, labels }: Props) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [typed, setTyped] = useState('');
  const [check, setCheck] = useState<'idle' | 'ok' | 'wrong' | 'empty'>('idle');
  const formatted = formatCaseCode(code);

  async function copy() {
    try {
      await navigator.clipboard.writeText(formatted);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  function onCheck(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim() === '') return setCheck('empty');
    setCheck(normalizeCaseCode(typed) === code ? 'ok' : 'wrong');
  }

  const checkText = check === 'ok' ? labels.checkOk : check === 'wrong' ? labels.checkWrong : check === 'empty' ? labels.checkEmpty : '';
  return (
    <div class="achterom-confirmation__panel">
      <h2 class="achterom-confirmation__heading" id="confirmation-heading" tabIndex={-1} ref={headingRef ?? null}>
        {heading}
      </h2>
      {label && <p class="achterom-confirmation__code-label">{label}:</p>}
      <p class="achterom-case-code" data-testid="case-code" dir="ltr">
        <CodeGroups formatted={formatted} />
      </p>
      <p class="achterom-case-code__actions">
        <button type="button" class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" onClick={() => void copy()} data-testid="code-copy">
          {labels.copy}
        </button>
      </p>
      <p class="achterom-status" role="status" data-testid="code-copy-status">
        {copyState === 'copied' ? labels.copied : copyState === 'failed' ? labels.copyFailed : ''}
      </p>
      <form class="achterom-form achterom-case-code__check" method="post" noValidate onSubmit={onCheck}>
        <div class="achterom-form-field utrecht-form-field">
          <label class="achterom-form-field__label utrecht-form-label" for="code-check">
            {labels.checkLabel}
          </label>
          <p class="achterom-form-field__hint utrecht-form-field-description" id="code-check-hint">
            {labels.checkHint}
          </p>
          <input
            class="achterom-text-input achterom-text-input--code utrecht-textbox utrecht-textbox--html-input"
            id="code-check"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            dir="ltr"
            aria-describedby="code-check-hint code-check-result"
            value={typed}
            onInput={(e) => {
              setTyped(e.currentTarget.value);
              setCheck('idle');
            }}
          />
        </div>
        <button type="submit" class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action">
          {labels.checkButton}
        </button>
        <p class={`achterom-status achterom-case-code__result achterom-case-code__result--${check}`} id="code-check-result" role="status" data-testid="code-check-result">
          {checkText}
        </p>
      </form>
    </div>
  );
}

/** The string keys of the panel, for the islands' key lists. */
export const CASE_CODE_KEYS = ['code.copy', 'code.copied', 'code.copyFailed', 'code.check.label', 'code.check.hint', 'code.check.button', 'code.check.ok', 'code.check.wrong', 'code.check.empty'] as const;

const LABEL_KEYS = {
  copy: 'code.copy',
  copied: 'code.copied',
  copyFailed: 'code.copyFailed',
  checkLabel: 'code.check.label',
  checkHint: 'code.check.hint',
  checkButton: 'code.check.button',
  checkOk: 'code.check.ok',
  checkWrong: 'code.check.wrong',
  checkEmpty: 'code.check.empty',
} as const;

/** The panel's labels from an island's strings: the same keys in every flow. */
export function caseCodeLabels(strings: Record<(typeof LABEL_KEYS)[keyof typeof LABEL_KEYS], string>): CaseCodeLabels {
  return Object.fromEntries(Object.entries(LABEL_KEYS).map(([field, key]) => [field, strings[key]])) as unknown as CaseCodeLabels;
}
