// Sign-in: the passphrase is stretched here (argon2id), only the derived auth key is
// sent; the answer's key blob is opened here and the keys are handed to the console.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { derivePassphraseKeys, unlockStaffKeys } from '../../lib/crypto/staffKeys';
import { unlockTeamKeys, type TeamKeyGrantJson } from './trust';
import { nextPaint } from '../focus';
import { Alert } from '../shared/Alert';
import { ErrorSummary } from '../shared/fields/ErrorSummary';
import { TextField } from '../shared/fields/TextField';
import { StatusLine } from '../shared/StatusLine';
import { summaryLinks } from './summaryLinks';
import { useFocusRound } from './useFocusRound';
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
const FIELDS: readonly Field[] = ['username', 'passphrase'];

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
  const [message, setMessage] = useState<string | null>(notice?.text ?? null);
  const [busy, setBusy] = useState(false);
  const summary = useFocusRound<HTMLDivElement>();
  const messageFocus = useFocusRound<HTMLDivElement>(notice ? 1 : 0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (notice) {
      setMessage(notice.text);
      messageFocus.again();
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

  function showMessage(text: string) {
    setMessage(text);
    messageFocus.again();
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
      summary.again();
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
  /** What a field takes from its id (also its form name): its error, and the form's prefix and state. */
  const fieldProps = (id: Field) => ({ id, name: id, error: errors[id], errorPrefix: say('form.errorPrefix'), disabled });

  return (
    <section class="achterom-console achterom-console__login" aria-labelledby="login-heading">
      <h2 id="login-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.login.heading')}
      </h2>
      <p>{say('staff.login.intro')}</p>
      <form class="achterom-form" method="post" noValidate onSubmit={onSubmit}>
        <ErrorSummary id="login-errors" title={say('form.errorSummary.title')} headingLevel={3} errors={summaryLinks(errors, FIELDS)} summaryRef={summary.ref} />
        {message && (
          <Alert oneSentence alertRef={messageFocus.ref} testId="login-error">
            {message}
          </Alert>
        )}
        <TextField {...fieldProps('username')} label={say('staff.login.username')} value={username} autoComplete="username" onInput={setUsername} />
        <TextField {...fieldProps('passphrase')} type="password" label={say('staff.login.passphrase')} value={passphrase} autoComplete="current-password" onInput={setPassphrase} />
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
          {say('staff.login.submit')}
        </button>
        <StatusLine busy={busy} text={say('staff.login.busy')} />
      </form>
    </section>
  );
}
