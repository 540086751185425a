// New passphrase, twice, with a strength check (zxcvbn-ts, Dutch dictionary) shown as
// words, not only as a bar. Used on the activation page and for a passphrase change.
import { useEffect, useState } from 'preact/hooks';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { PASSPHRASE_MIN_CHARS, checkStrength, loadStrengthChecker, type StrengthResult } from './passphraseStrength';
import { FieldError, describedBy } from '../shared/fields/FieldError';
import { fieldClass } from '../shared/fields/fieldClass';
import { TextField } from '../shared/fields/TextField';
import { sayIfKnown, type Say } from './strings';

/** The two boxes' text, kept by the form that shows them (it sends the passphrase and clears it). */
export function useNewPassphrase() {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  return {
    value,
    repeat,
    setValue,
    setRepeat,
    clear: () => {
      setValue('');
      setRepeat('');
    },
  };
}

interface Props {
  say: Say;
  /** Id of the first field; the repeat field gets `${id}-repeat`. */
  id: string;
  label: string;
  repeatLabel: string;
  passphrase: ReturnType<typeof useNewPassphrase>;
  /** The form's errors by field id (this one's are `${id}` and `${id}-repeat`). */
  errors: Partial<Record<string, string>>;
  disabled: boolean;
  /** Names and usernames the passphrase should not lean on. */
  personal: string[];
}

export function NewPassphraseFields({ say, id, label, repeatLabel, passphrase, errors: formErrors, disabled, personal }: Props) {
  const { value, repeat } = passphrase;
  const errors = { value: formErrors[id], repeat: formErrors[`${id}-repeat`] };
  const [checker, setChecker] = useState<ZxcvbnFactory | 'loading' | 'failed'>('loading');
  const [result, setResult] = useState<StrengthResult | null>(null);

  useEffect(() => {
    let live = true;
    loadStrengthChecker().then(
      (c) => live && setChecker(c),
      () => live && setChecker('failed'),
    );
    return () => {
      live = false;
    };
  }, []);

  // Wait for a short pause in typing, so a screen reader is not flooded.
  useEffect(() => {
    if (typeof checker !== 'object' || !value) {
      setResult(null);
      return undefined;
    }
    const timer = setTimeout(() => setResult(checkStrength(checker, value, personal)), 300);
    return () => clearTimeout(timer);
  }, [checker, value, personal.join('|')]);

  const hintId = `${id}-hint`;
  const strengthId = `${id}-strength`;
  const feedback = result
    ? [
        result.warning && sayIfKnown(say, `staff.strength.warning.${result.warning}`),
        ...result.suggestions.map((s) => sayIfKnown(say, `staff.strength.suggestion.${s}`)),
      ].filter((x): x is string => Boolean(x))
    : [];

  return (
    <>
      {/* Written out, not a TextField: the strength meter below the box describes it too. */}
      <div class={fieldClass(errors.value)}>
        <label class="achterom-form-field__label utrecht-form-label" for={id}>
          {label}
        </label>
        <p class="achterom-form-field__hint utrecht-form-field-description" id={hintId}>
          {say('staff.passphrase.hint')}
        </p>
        <FieldError id={`${id}-error`} prefix={say('form.errorPrefix')} text={errors.value} />
        <input
          class="achterom-text-input achterom-text-input--wide utrecht-textbox utrecht-textbox--html-input"
          type="password"
          id={id}
          name={id}
          autocomplete="new-password"
          spellcheck={false}
          value={value}
          disabled={disabled}
          aria-invalid={errors.value ? 'true' : undefined}
          aria-describedby={describedBy(hintId, strengthId, errors.value && `${id}-error`)}
          onInput={(e) => passphrase.setValue(e.currentTarget.value)}
        />
        <div class="achterom-strength" id={strengthId} data-testid="passphrase-strength">
          {result && (
            <div class={`achterom-strength__bar achterom-strength__bar--${result.score}`} aria-hidden="true">
              <span />
            </div>
          )}
          <p class="achterom-strength__level" aria-live="polite">
            {checker === 'failed'
              ? say('staff.passphrase.checkerFailed')
              : checker === 'loading' && value
                ? say('staff.passphrase.checking')
                : result
                  ? `${say('staff.strength.label', { level: say(`staff.strength.${result.score}`) })}. ${say(
                      result.strongEnough ? 'staff.strength.enough' : 'staff.strength.notEnough',
                    )}`
                  : ''}
          </p>
          {result && !result.strongEnough && feedback.length > 0 && (
            <ul class="achterom-strength__feedback">
              {feedback.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <TextField
        id={`${id}-repeat`}
        name={`${id}-repeat`}
        type="password"
        size="wide"
        label={repeatLabel}
        value={repeat}
        error={errors.repeat}
        errorPrefix={say('form.errorPrefix')}
        disabled={disabled}
        autoComplete="new-password"
        onInput={passphrase.setRepeat}
      />
    </>
  );
}

/** The checks a form runs on submit, after the checker has loaded. Returns the field errors. */
export async function validateNewPassphrase(
  say: Say,
  value: string,
  repeat: string,
  personal: string[],
): Promise<{ value?: string; repeat?: string }> {
  const errors: { value?: string; repeat?: string } = {};
  if (!value) errors.value = say('staff.passphrase.missingNew');
  else {
    try {
      const result = checkStrength(await loadStrengthChecker(), value, personal);
      if (result.tooShort) errors.value = say('staff.passphrase.tooShort', { min: PASSPHRASE_MIN_CHARS });
      else if (!result.strongEnough) errors.value = say('staff.passphrase.tooWeak');
    } catch {
      errors.value = say('staff.passphrase.checkerFailed');
    }
  }
  if (value && repeat !== value) errors.repeat = say('staff.passphrase.mismatch');
  return errors;
}
