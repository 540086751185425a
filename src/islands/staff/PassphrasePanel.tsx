// Passphrase change: prove the current passphrase (its auth key), then re-wrap the same
// secret keys under the new one. Both stretches happen in this browser.
import { actionDetail } from '../../lib/audit/auditRecord';
import { signAction } from './trust';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { toBase64 } from '../../lib/crypto/sodium';
import { derivePassphraseKeys, rewrapStaffKeys } from '../../lib/crypto/staffKeys';
import { nextPaint } from '../focus';
import type { StaffApi } from './api';
import { NewPassphraseFields, validateNewPassphrase } from './NewPassphraseFields';
import { Busy, ErrorSummary, FieldError, Notice, describedBy } from './ui';
import type { Say } from './strings';
import type { StaffInfo, Vault } from './types';

interface Props {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
}

type Field = 'current-passphrase' | 'new-passphrase' | 'new-passphrase-repeat';

export function PassphrasePanel({ say, api, getVault, staff }: Props) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [errorRound, setErrorRound] = useState(0);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const personal = [staff.username, staff.displayName];

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (errorRound > 0) summaryRef.current?.focus();
  }, [errorRound]);

  function showResult(ok: boolean, text: string) {
    setResult({ ok, text });
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setBusy(true);
    try {
      const found: Partial<Record<Field, string>> = {};
      if (!current) found['current-passphrase'] = say('staff.passphrase.missingCurrent');
      const fresh = await validateNewPassphrase(say, next, repeat, personal);
      if (fresh.value) found['new-passphrase'] = fresh.value;
      else if (next === current) found['new-passphrase'] = say('staff.passphrase.sameAsCurrent');
      if (fresh.repeat) found['new-passphrase-repeat'] = fresh.repeat;
      setErrors(found);
      if (Object.keys(found).length > 0) {
        setErrorRound((n) => n + 1);
        return;
      }
      const vault = getVault();
      if (!vault) {
        showResult(false, say('staff.error.noKeys'));
        return;
      }
      await nextPaint();
      const salt = await api.post<{ salt: string }>('/api/staff/salt', { username: staff.username });
      if (!salt.ok) {
        if (salt.status !== 401) showResult(false, say(salt.status === 0 ? 'staff.error.network' : 'staff.passphrase.failed'));
        return;
      }
      const { sodium } = vault;
      const derived = derivePassphraseKeys(sodium, current, salt.body.salt);
      const currentAuthKey = toBase64(sodium, derived.authKey);
      sodium.memzero(derived.authKey);
      sodium.memzero(derived.wrapKey);
      const rewrapped = rewrapStaffKeys(sodium, vault.staff, next);
      const r = await api.post('/api/staff/passphrase', {
        currentAuthKey,
        salt: rewrapped.salt,
        authKey: rewrapped.authKey,
        keyBlob: rewrapped.keyBlob,
        keyBlobNonce: rewrapped.keyBlobNonce,
        signed: signAction(vault, staff, { action: 'member.passphrase', caseId: null, subjectId: staff.id, detail: actionDetail.none() }),
      });
      if (r.ok) {
        setCurrent('');
        setNext('');
        setRepeat('');
        showResult(true, say('staff.passphrase.done'));
        return;
      }
      if (r.status === 401) return;
      if (r.status === 403 && r.code === 'wrong_credentials') {
        setErrors({ 'current-passphrase': say('staff.passphrase.wrongCurrent') });
        setErrorRound((n) => n + 1);
        return;
      }
      showResult(false, say(r.status === 0 ? 'staff.error.network' : 'staff.passphrase.failed'));
    } catch {
      showResult(false, say('staff.passphrase.failed'));
    } finally {
      setBusy(false);
    }
  }

  const order: Field[] = ['current-passphrase', 'new-passphrase', 'new-passphrase-repeat'];
  return (
    <section class="achterom-panel achterom-console__narrow" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.passphrase.heading')}
      </h2>
      <p>{say('staff.passphrase.intro')}</p>
      {result && (
        <Notice kind={result.ok ? 'success' : 'error'} noticeRef={resultRef} testId={result.ok ? 'passphrase-done' : 'passphrase-error'}>
          {result.text}
        </Notice>
      )}
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary
          say={say}
          id="passphrase-errors"
          errors={order.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f] ?? '' }))}
          summaryRef={summaryRef}
        />
        {/* A hidden username helps password managers store the new passphrase for the right account. */}
        <input type="text" name="username" autocomplete="username" value={staff.username} hidden readOnly />
        <div class={`achterom-form-field utrecht-form-field${errors['current-passphrase'] ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
          <label class="achterom-form-field__label utrecht-form-label" for="current-passphrase">
            {say('staff.passphrase.current')}
          </label>
          <FieldError id="current-passphrase-error" message={errors['current-passphrase']} say={say} />
          <input
            class="achterom-text-input achterom-text-input--wide utrecht-textbox utrecht-textbox--html-input"
            type="password"
            id="current-passphrase"
            name="current-passphrase"
            autocomplete="current-password"
            spellcheck={false}
            value={current}
            aria-invalid={errors['current-passphrase'] ? 'true' : undefined}
            aria-describedby={describedBy(errors['current-passphrase'] && 'current-passphrase-error')}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </div>
        <NewPassphraseFields
          say={say}
          id="new-passphrase"
          label={say('staff.passphrase.new')}
          repeatLabel={say('staff.passphrase.repeat')}
          value={next}
          repeat={repeat}
          errors={{ value: errors['new-passphrase'], repeat: errors['new-passphrase-repeat'] }}
          disabled={false}
          personal={personal}
          onValue={setNext}
          onRepeat={setRepeat}
        />
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {say('staff.passphrase.submit')}
        </button>
        <Busy busy={busy} text={say('staff.passphrase.busy')} />
      </form>
    </section>
  );
}
