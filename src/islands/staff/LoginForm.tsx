// Sign-in: the passphrase is stretched here (argon2id), only the derived auth key is
// sent; the answer's key blob is opened here and the keys are handed to the console.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { derivePassphraseKeys, unlockStaffKeys } from '../../lib/crypto/staffKeys';
import { unlockTeamKeys, type TeamKeyGrantJson } from './trust';
import { nextPaint } from '../focus';
import { Busy, ErrorIcon, ErrorSummary, FieldError, describedBy } from './ui';
import type { Say } from './strings';
import type { StaffInfo, Vault } from './types';

interface LoginResponse {
  staff: StaffInfo;
  keyBlob: string;
  keyBlobNonce: string;
  teamKeyGrants: TeamKeyGrantJson[];
}

export interface Unlocked {
  staff: StaffInfo;
  vault: Vault;
  /** Fingerprint of the team key this member holds, when it differs from the pinned one. */
  keyMismatch: string | null;
}

interface Props {
  say: Say;
  hydrated: boolean;
  /** Why the member is back here (session expired); a new round moves the focus to it. */
  notice: { text: string; round: number } | null;
  focusHeading: boolean;
  onUnlocked: (result: Unlocked) => void;
}

type Field = 'username' | 'passphrase';

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

export function LoginForm({ say, hydrated, notice, focusHeading, onUnlocked }: Props) {
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [errorRound, setErrorRound] = useState(0);
  const [message, setMessage] = useState<string | null>(notice?.text ?? null);
  const [messageRound, setMessageRound] = useState(notice ? 1 : 0);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (notice) {
      setMessage(notice.text);
      setMessageRound((n) => n + 1);
    }
  }, [notice?.round]);

  useEffect(() => {
    if (focusHeading && !notice) headingRef.current?.focus();
  }, []);

  // A reload wipes the keys from memory but not the session: say so, instead of a
  // silent sign-in form.
  useEffect(() => {
    if (notice || focusHeading) return;
    void fetch('/api/staff/session', { credentials: 'same-origin', cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ signedIn?: boolean }>) : null))
      .then((body) => {
        if (body?.signedIn) showMessage(say('staff.login.reloaded'));
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (errorRound > 0) summaryRef.current?.focus();
  }, [errorRound]);

  useEffect(() => {
    if (messageRound > 0) messageRef.current?.focus();
  }, [messageRound]);

  function showMessage(text: string) {
    setMessage(text);
    setMessageRound((n) => n + 1);
  }

  async function onSubmit(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || busy) return;
    const name = username.trim().toLowerCase();
    const found: Partial<Record<Field, string>> = {};
    if (!name) found.username = say('staff.login.missingUsername');
    if (!passphrase) found.passphrase = say('staff.login.missingPassphrase');
    setErrors(found);
    setMessage(null);
    if (found.username || found.passphrase) {
      setErrorRound((n) => n + 1);
      return;
    }

    setBusy(true);
    let wrapKey: Uint8Array | null = null;
    let sodium: Sodium | null = null;
    try {
      await nextPaint();
      const saltResponse = await postJson('/api/staff/salt', { username: name });
      if (saltResponse.status === 400) {
        showMessage(say('staff.login.wrong'));
        return;
      }
      if (!saltResponse.ok) throw new Error(`status ${saltResponse.status}`);
      const { salt } = (await saltResponse.json()) as { salt: string };

      sodium = await loadSodium();
      await nextPaint();
      const derived = derivePassphraseKeys(sodium, passphrase, salt);
      wrapKey = derived.wrapKey;
      const authKey = toBase64(sodium, derived.authKey);
      sodium.memzero(derived.authKey);

      const loginResponse = await postJson('/api/staff/login', { username: name, authKey });
      if (loginResponse.status === 401 || loginResponse.status === 400) {
        showMessage(say('staff.login.wrong'));
        return;
      }
      if (loginResponse.status === 429) {
        const seconds = Math.max(1, Number(loginResponse.headers.get('retry-after')) || 60);
        showMessage(say('staff.login.slowDown', { seconds }));
        return;
      }
      if (!loginResponse.ok) throw new Error(`status ${loginResponse.status}`);
      const body = (await loginResponse.json()) as LoginResponse;

      const unlocked = unlockStaffKeys(sodium, wrapKey, body);
      sodium.memzero(wrapKey);
      wrapKey = null;
      if (!unlocked.ok) {
        void fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
        showMessage(say('staff.login.keysBroken'));
        return;
      }

      const teamId = body.staff.teamId;
      // Only team secrets whose public halves are pinned in this bundle count; anything
      // else the server sends (a planted or swapped key) is wiped and reported.
      const held = unlockTeamKeys(sodium, unlocked.value, Array.isArray(body.teamKeyGrants) ? body.teamKeyGrants : [], teamId ? findTeam(teamId) : undefined);
      const vault: Vault = {
        sodium,
        staff: unlocked.value,
        teamId,
        teamKeys: held.boxKeys,
        unpinnedTeamKeys: held.unpinned,
        teamSign: held.sign,
      };

      setPassphrase('');
      setErrors({});
      onUnlocked({ staff: body.staff, vault, keyMismatch: held.mismatches[0] ?? null });
    } catch {
      showMessage(say('staff.login.failed'));
    } finally {
      if (wrapKey && sodium) sodium.memzero(wrapKey);
      setBusy(false);
    }
  }

  const disabled = !hydrated;
  const errorFields = (['username', 'passphrase'] as const).filter((f) => errors[f]);

  return (
    <section class="achterom-console achterom-console__login" aria-labelledby="login-heading">
      <h2 id="login-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.login.heading')}
      </h2>
      <p>{say('staff.login.intro')}</p>
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary say={say} id="login-errors" errors={errorFields.map((f) => ({ field: f, message: errors[f] ?? '' }))} summaryRef={summaryRef} />
        {message && (
          <div class="achterom-alert utrecht-alert utrecht-alert--error" tabIndex={-1} ref={messageRef} data-testid="login-error">
            <ErrorIcon />
            <p class="achterom-alert__text">{message}</p>
          </div>
        )}
        <div class={`achterom-form-field utrecht-form-field${errors.username ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
          <label class="achterom-form-field__label utrecht-form-label" for="username">
            {say('staff.login.username')}
          </label>
          <FieldError id="username-error" message={errors.username} say={say} />
          <input
            class="achterom-text-input utrecht-textbox utrecht-textbox--html-input"
            type="text"
            id="username"
            name="username"
            autocomplete="username"
            autoCapitalize="none"
            spellcheck={false}
            value={username}
            disabled={disabled}
            aria-invalid={errors.username ? 'true' : undefined}
            aria-describedby={describedBy(errors.username && 'username-error')}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class={`achterom-form-field utrecht-form-field${errors.passphrase ? ' achterom-form-field--invalid utrecht-form-field--invalid' : ''}`}>
          <label class="achterom-form-field__label utrecht-form-label" for="passphrase">
            {say('staff.login.passphrase')}
          </label>
          <FieldError id="passphrase-error" message={errors.passphrase} say={say} />
          <input
            class="achterom-text-input utrecht-textbox utrecht-textbox--html-input"
            type="password"
            id="passphrase"
            name="passphrase"
            autocomplete="current-password"
            spellcheck={false}
            value={passphrase}
            disabled={disabled}
            aria-invalid={errors.passphrase ? 'true' : undefined}
            aria-describedby={describedBy(errors.passphrase && 'passphrase-error')}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
          {say('staff.login.submit')}
        </button>
        <Busy busy={busy} text={say('staff.login.busy')} />
      </form>
    </section>
  );
}
