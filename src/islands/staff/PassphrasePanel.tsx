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
import { NewPassphraseFields, useNewPassphrase, validateNewPassphrase } from './NewPassphraseFields';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { TextField } from '../shared/fields/TextField';
import { StatusLine } from '../shared/StatusLine';
import { summaryLinks } from './summaryLinks';
import { Panel, ReportNotice } from './ui';
import { useFocusRound } from './useFocusRound';
import { useReport } from './useReport';
import type { Say } from './strings';
import type { StaffInfo, Vault } from './types';

interface Props {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
}

type Field = 'current-passphrase' | 'new-passphrase' | 'new-passphrase-repeat';
const FIELDS: readonly Field[] = ['current-passphrase', 'new-passphrase', 'new-passphrase-repeat'];

export function PassphrasePanel({ say, api, getVault, staff }: Props) {
  const [current, setCurrent] = useState('');
  const fresh = useNewPassphrase();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summary = useFocusRound<HTMLDivElement>();
  const outcome = useReport();
  const personal = [staff.username, staff.displayName];

  useEffect(() => headingRef.current?.focus(), []);

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    outcome.clear();
    setBusy(true);
    try {
      const found: Partial<Record<Field, string>> = {};
      if (!current) found['current-passphrase'] = say('staff.passphrase.missingCurrent');
      const weak = await validateNewPassphrase(say, fresh.value, fresh.repeat, personal);
      if (weak.value) found['new-passphrase'] = weak.value;
      else if (fresh.value === current) found['new-passphrase'] = say('staff.passphrase.sameAsCurrent');
      if (weak.repeat) found['new-passphrase-repeat'] = weak.repeat;
      setErrors(found);
      if (Object.keys(found).length > 0) {
        summary.again();
        return;
      }
      const vault = getVault();
      if (!vault) {
        outcome.report(false, say('staff.error.noKeys'));
        return;
      }
      await nextPaint();
      const salt = await api.post<{ salt: string }>('/api/staff/salt', { username: staff.username });
      if (!salt.ok) {
        if (salt.status !== 401) outcome.report(false, say(salt.status === 0 ? 'staff.error.network' : 'staff.passphrase.failed'));
        return;
      }
      const { sodium } = vault;
      const derived = derivePassphraseKeys(sodium, current, salt.body.salt);
      const currentAuthKey = toBase64(sodium, derived.authKey);
      sodium.memzero(derived.authKey);
      sodium.memzero(derived.wrapKey);
      const rewrapped = rewrapStaffKeys(sodium, vault.staff, fresh.value);
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
        fresh.clear();
        outcome.report(true, say('staff.passphrase.done'));
        return;
      }
      if (r.status === 401) return;
      if (r.status === 403 && r.code === 'wrong_credentials') {
        setErrors({ 'current-passphrase': say('staff.passphrase.wrongCurrent') });
        summary.again();
        return;
      }
      outcome.report(false, say(r.status === 0 ? 'staff.error.network' : 'staff.passphrase.failed'));
    } catch {
      outcome.report(false, say('staff.passphrase.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel name="passphrase" heading={say('staff.passphrase.heading')} headingRef={headingRef} narrow>
      <p>{say('staff.passphrase.intro')}</p>
      <ReportNotice result={outcome.result} noticeRef={outcome.ref} testId="passphrase-done" errorTestId="passphrase-error" />
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary id="passphrase-errors" title={say('form.errorSummary.title')} headingLevel={3} errors={summaryLinks(errors, FIELDS)} summaryRef={summary.ref} />
        {/* A hidden username helps password managers store the new passphrase for the right account. */}
        <input type="text" name="username" autocomplete="username" value={staff.username} hidden readOnly />
        <TextField
          id="current-passphrase"
          name="current-passphrase"
          type="password"
          size="wide"
          label={say('staff.passphrase.current')}
          value={current}
          error={errors['current-passphrase']}
          errorPrefix={say('form.errorPrefix')}
          disabled={false}
          autoComplete="current-password"
          onInput={setCurrent}
        />
        <NewPassphraseFields say={say} id="new-passphrase" label={say('staff.passphrase.new')} repeatLabel={say('staff.passphrase.repeat')} passphrase={fresh} errors={errors} disabled={false} personal={personal} />
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={busy ? 'true' : undefined}>
          {say('staff.passphrase.submit')}
        </button>
        <StatusLine busy={busy} text={say('staff.passphrase.busy')} />
      </form>
    </Panel>
  );
}
