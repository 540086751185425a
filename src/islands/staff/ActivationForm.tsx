// Activating an invite: the new member chooses a username and a passphrase; their key
// pairs are made in this browser and only public keys, a salt, a hash input (authKey)
// and the encrypted key blob are sent. The invite token comes from the link's #fragment
// and is removed from the address bar at once.
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadSodium } from '../../lib/crypto/sodium';
import { enrolStaff } from '../../lib/crypto/staffKeys';
import { keyFingerprint } from '../../lib/crypto/fingerprint';
import type { Sodium } from '../../lib/crypto/sodium';
import { teamsAwaitingKeys } from '../../lib/config/teams';
import { KeyCeremony } from './KeyCeremony';
import type { CeremonyKind, CeremonyMember } from './keyCeremony';
import { makeSay } from './strings';
import { NewPassphraseFields, useNewPassphrase, validateNewPassphrase } from './NewPassphraseFields';
import { loadStrengthChecker } from './passphraseStrength';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { TextField } from '../shared/fields/TextField';
import { StatusLine } from '../shared/StatusLine';
import { summaryLinks } from './summaryLinks';
import { CheckIcon, Notice } from './ui';
import { useFocusRound } from './useFocusRound';
import { nextPaint } from '../focus';
import type { StaffConsoleStrings } from './staffConsoleStrings';
import '../../styles/forms.css';
import '../../styles/console.css';

interface Props {
  strings: Pick<StaffConsoleStrings, 'form.errorSummary.title' | 'form.errorPrefix'>;
}

type Field = 'new-username' | 'display-name' | 'activate-passphrase' | 'activate-passphrase-repeat';
const ORDER: readonly Field[] = ['new-username', 'display-name', 'activate-passphrase', 'activate-passphrase-repeat'];
/** The same rule as the API's Username schema (src/lib/schemas/staffLogin.ts). */
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export default function ActivationForm({ strings }: Props) {
  const say = useMemo(() => makeSay(strings), [strings]);
  const [hydrated, setHydrated] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const fresh = useNewPassphrase();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ fingerprint: string } | null>(null);
  /** A new team's first team lead, or the first privacy officer: their signing key stays in memory until the keys are made. */
  const [ceremony, setCeremony] = useState<{ sodium: Sodium; kind: CeremonyKind; token: string; member: CeremonyMember; signSecretKey: Uint8Array; teamName: string } | null>(null);
  const summary = useFocusRound<HTMLDivElement>();
  const failureRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const fromHash = location.hash.replace(/^#/, '');
    if (fromHash) history.replaceState(null, '', location.pathname + location.search);
    setToken(TOKEN.test(fromHash) ? fromHash : null);
    setHydrated(true);
    // Start fetching the dictionaries while the member types their name.
    void loadStrengthChecker().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  function fail(text: string) {
    setFailure(text);
    requestAnimationFrame(() => failureRef.current?.focus());
  }

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || busy || !token) return;
    setFailure(null);
    setBusy(true);
    try {
      const name = username.trim().toLowerCase();
      const shown = displayName.trim();
      const found: Partial<Record<Field, string>> = {};
      if (!name) found['new-username'] = say('staff.activate.missingUsername');
      else if (!USERNAME.test(name)) found['new-username'] = say('staff.activate.invalidUsername');
      if (!shown) found['display-name'] = say('staff.activate.missingDisplayName');
      else if (shown.length < 2 || shown.length > 80) found['display-name'] = say('staff.activate.displayNameLength');
      const weak = await validateNewPassphrase(say, fresh.value, fresh.repeat, [name, shown]);
      if (weak.value) found['activate-passphrase'] = weak.value;
      if (weak.repeat) found['activate-passphrase-repeat'] = weak.repeat;
      setErrors(found);
      if (Object.keys(found).length > 0) {
        summary.again();
        return;
      }

      const sodium = await loadSodium();
      await nextPaint();
      const { enrolment, keys } = enrolStaff(sodium, fresh.value);
      // The secret keys are in the encrypted blob now; this browser does not keep them
      // (the signing key only until a key ceremony, if this invite starts one).
      sodium.memzero(keys.box.privateKey);
      let keepSignKey = false;
      try {
        let response: Response;
        try {
          response = await fetch('/api/staff/activate', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token, username: name, displayName: shown, ...enrolment }),
            credentials: 'same-origin',
            cache: 'no-store',
          });
        } catch {
          fail(say('staff.error.network'));
          return;
        }
        if (response.status === 201) {
          const created = (await response.json().catch(() => ({}))) as { id?: string; teamId?: string | null; role?: string; ceremony?: boolean };
          fresh.clear();
          setToken(null);
          const team = teamsAwaitingKeys.find((t) => t.id === created.teamId);
          const kind: CeremonyKind | null = created.role === 'privacy' ? 'organisation' : team ? 'team' : null;
          if (created.ceremony && created.id && kind) {
            keepSignKey = true;
            const member = { id: created.id, username: name, teamId: team?.id ?? null, boxPublicKey: enrolment.boxPublicKey, signPublicKey: enrolment.signPublicKey };
            setCeremony({ sodium, kind, token, member, signSecretKey: keys.sign.privateKey, teamName: team?.name ?? '' });
            return;
          }
          setDone({ fingerprint: keyFingerprint(sodium, enrolment.boxPublicKey) });
          return;
        }
        if (response.status === 410) fail(say('staff.activate.inviteInvalid'));
        else if (response.status === 409) {
          setErrors({ 'new-username': say('staff.activate.usernameTaken') });
          summary.again();
        } else fail(say('staff.activate.failed'));
      } finally {
        if (!keepSignKey) sodium.memzero(keys.sign.privateKey);
      }
    } catch {
      fail(say('staff.activate.failed'));
    } finally {
      setBusy(false);
    }
  }

  if (ceremony) {
    return (
      <KeyCeremony say={say} {...ceremony} onFinished={() => ceremony.sodium.memzero(ceremony.signSecretKey)} />
    );
  }

  if (done) {
    return (
      <section class="achterom-panel achterom-console__narrow" aria-labelledby="activate-done-heading" data-testid="activate-done">
        <div class="achterom-notice achterom-notice--success utrecht-alert utrecht-alert--ok">
          <CheckIcon />
          <h2 class="achterom-notice__text" id="activate-done-heading" tabIndex={-1} ref={doneRef}>
            {say('staff.activate.doneHeading')}
          </h2>
        </div>
        <p>{say('staff.activate.doneText')}</p>
        <dl class="achterom-console__facts">
          <div>
            <dt>{say('staff.activate.fingerprint')}</dt>
            <dd>
              <code class="achterom-console__fingerprint" data-testid="activate-fingerprint">
                {done.fingerprint}
              </code>
              <span class="achterom-console__hint">{say('staff.activate.fingerprintHint')}</span>
            </dd>
          </div>
        </dl>
        <p>
          <a class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" href="/medewerker/">
            {say('staff.activate.toLogin')}
          </a>
        </p>
      </section>
    );
  }

  const disabled = !hydrated;
  /** What a name field takes from its id: its error, and the form's prefix and state. */
  const fieldProps = (id: 'new-username' | 'display-name') => ({ id, error: errors[id], errorPrefix: say('form.errorPrefix'), disabled });
  if (hydrated && !token) {
    return (
      <section class="achterom-panel achterom-console__narrow" aria-labelledby="activate-heading">
        <h2 id="activate-heading">{say('staff.activate.heading')}</h2>
        <Notice kind="error" testId="activate-no-token">
          {failure ?? say('staff.activate.noToken')}
        </Notice>
      </section>
    );
  }

  return (
    <section class="achterom-panel achterom-console__narrow" aria-labelledby="activate-heading">
      <h2 id="activate-heading">{say('staff.activate.heading')}</h2>
      <p>{say('staff.activate.intro')}</p>
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary id="activate-errors" title={say('form.errorSummary.title')} headingLevel={3} errors={summaryLinks(errors, ORDER)} summaryRef={summary.ref} />
        {failure && <Notice kind="error" noticeRef={failureRef} testId="activate-error">{failure}</Notice>}
        <TextField {...fieldProps('new-username')} name="username" label={say('staff.activate.username')} hint={say('staff.activate.usernameHint')} value={username} autoComplete="username" onInput={setUsername} />
        <TextField {...fieldProps('display-name')} name="display-name" label={say('staff.activate.displayName')} hint={say('staff.activate.displayNameHint')} value={displayName} autoComplete="name" onInput={setDisplayName} />
        <NewPassphraseFields say={say} id="activate-passphrase" label={say('staff.activate.passphrase')} repeatLabel={say('staff.activate.repeat')} passphrase={fresh} errors={errors} disabled={disabled} personal={[username, displayName]} />
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
          {say('staff.activate.submit')}
        </button>
        <StatusLine busy={busy} text={say('staff.activate.busy')} />
      </form>
    </section>
  );
}
