// Staff console: sign in, unlock personal keys and the team key in this browser, fetch the
// team's ciphertext and decrypt it here. Secret keys live only in this component's memory
// (refs), never in storage; signing out or an idle timeout wipes them.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { QuestionPayload } from '../lib/schemas/questionPayload';
import { UNKNOWN_NEIGHBOURHOOD_ID, findTeam, teams } from '../lib/config/teams';
import { loadSodium, toBase64, type Sodium } from '../lib/crypto/sodium';
import { keyFingerprint } from '../lib/crypto/fingerprint';
import { derivePassphraseKeys, openTeamKeyGrant, unlockStaffKeys, type StaffSecretKeys } from '../lib/crypto/staffKeys';
import {
  openCase,
  openCaseKey,
  openCasePayload,
  type BoxKeyPair,
  type CaseConsent,
  type CaseKind,
  type OpenResult,
  type StoredCase,
} from '../lib/crypto/caseEnvelope';
import { format } from '../lib/i18n/format';
import type { StaffConsoleStrings } from './staffConsoleStrings';
import { ErrorIcon, Spinner } from './Icon';
import { focusField, nextPaint } from './focus';
import '../styles/forms.css';
import '../styles/console.css';

interface Props {
  strings: StaffConsoleStrings;
}

type StringKey = keyof StaffConsoleStrings;
type Role = 'intake' | 'casemanager' | 'teamlead' | 'privacy';

interface StaffInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
}

interface LoginResponse {
  staff: StaffInfo;
  keyBlob: string;
  keyBlobNonce: string;
  teamKeyGrants: { teamId: string; sealedSecretKey: string }[];
}

interface CaseJson {
  id: string;
  teamId: string;
  kind: CaseKind;
  consent: CaseConsent;
  protocol: number;
  nonce: string;
  ciphertext: string;
  sealedKey: string;
  status: string;
  createdDay: string;
  /** Present for a case assigned to this member: the case key sealed to their own box key. */
  grant?: { sealedCaseKey: string } | null;
}

/** Key pairs that can open cases: the team key (intake, team lead) and the member's own box key (case grants). */
interface OpeningKeys {
  team: BoxKeyPair | null;
  personal: BoxKeyPair | null;
}

type OpenedCase = { id: string; status: string; createdDay: string } & (
  | { state: 'ok'; payload: QuestionPayload }
  | { state: 'unreadable' }
  | { state: 'appointment' }
);

type InboxState =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; cases: OpenedCase[] }
  | { state: 'forbidden' }
  | { state: 'noKey' }
  | { state: 'failed' };

type LoginField = 'username' | 'passphrase';

/** Same as the server's idle limit: after this long without input the keys are wiped. */
const IDLE_MS = 15 * 60 * 1000;

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const dayOnly = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayOnly.format(date);
}

const neighbourhoodNames = new Map(teams.flatMap((t) => t.neighbourhoods.map((n) => [n.id, n.name] as const)));

function isCaseJson(value: unknown): value is CaseJson {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c['id'] === 'string' &&
    typeof c['teamId'] === 'string' &&
    (c['kind'] === 'question' || c['kind'] === 'appointment') &&
    (c['consent'] === 'handler' || c['consent'] === 'team') &&
    typeof c['protocol'] === 'number' &&
    typeof c['nonce'] === 'string' &&
    typeof c['ciphertext'] === 'string' &&
    typeof c['sealedKey'] === 'string' &&
    typeof c['status'] === 'string' &&
    typeof c['createdDay'] === 'string'
  );
}

function grantOf(c: CaseJson): string | null {
  const grant = c.grant;
  return grant && typeof grant.sealedCaseKey === 'string' ? grant.sealedCaseKey : null;
}

/** Team key first; otherwise the member's own case grant; the caller validates the JSON. */
function decrypt(sodium: Sodium, stored: StoredCase, sealedGrant: string | null, keys: OpeningKeys): OpenResult<unknown> {
  if (keys.team) return openCase(sodium, stored, keys.team);
  if (!sealedGrant || !keys.personal) return { ok: false, error: 'sealed_key_unreadable' };
  const caseKey = openCaseKey(sodium, sealedGrant, keys.personal);
  if (!caseKey.ok) return caseKey;
  const payload = openCasePayload(sodium, stored, caseKey.value);
  sodium.memzero(caseKey.value);
  return payload;
}

function openOne(sodium: Sodium, raw: unknown, keys: OpeningKeys, index: number): OpenedCase {
  if (!isCaseJson(raw)) {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return { id: str(r['id']) || `case-${index}`, status: str(r['status']), createdDay: str(r['createdDay']), state: 'unreadable' };
  }
  const base = { id: raw.id, status: raw.status, createdDay: raw.createdDay };
  if (raw.kind !== 'question') return { ...base, state: 'appointment' };
  try {
    const stored: StoredCase = {
      teamId: raw.teamId,
      kind: raw.kind,
      consent: raw.consent,
      protocol: raw.protocol,
      nonce: raw.nonce,
      ciphertext: raw.ciphertext,
      sealedKey: raw.sealedKey,
    };
    const opened = decrypt(sodium, stored, grantOf(raw), keys);
    if (!opened.ok) return { ...base, state: 'unreadable' };
    const parsed = v.safeParse(QuestionPayload, opened.value);
    // The consent the API enforces (in the clear) must be the one the resident chose (inside).
    if (!parsed.success || parsed.output.consent !== raw.consent) return { ...base, state: 'unreadable' };
    return { ...base, state: 'ok', payload: parsed.output };
  } catch {
    // Malformed base64 and the like: this case is unreadable, the rest still works.
    return { ...base, state: 'unreadable' };
  }
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
}

export default function StaffConsole({ strings }: Props) {
  const s = (key: StringKey) => strings[key];

  const [hydrated, setHydrated] = useState(false);
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [loginErrors, setLoginErrors] = useState<Partial<Record<LoginField, string>>>({});
  const [loginErrorRound, setLoginErrorRound] = useState(0);
  const [loginMessage, setLoginMessage] = useState<string | null>(null);
  const [loginMessageRound, setLoginMessageRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [staff, setStaff] = useState<StaffInfo | null>(null);
  /** Fingerprint of the team key this member actually holds, when it differs from the pinned one. */
  const [keyMismatch, setKeyMismatch] = useState<string | null>(null);
  const [inbox, setInbox] = useState<InboxState>({ state: 'idle' });

  // Secret material: refs, so it is never serialised, rendered or copied into state.
  const sodiumRef = useRef<Sodium | null>(null);
  const staffKeysRef = useRef<StaffSecretKeys | null>(null);
  const teamKeysRef = useRef<BoxKeyPair | null>(null);

  const summaryRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const inboxHeadingRef = useRef<HTMLHeadingElement>(null);
  const loginHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusAfterSignOut = useRef(false);

  useEffect(() => {
    setHydrated(true);
    return () => wipeKeys();
  }, []);

  useEffect(() => {
    if (loginErrorRound > 0) summaryRef.current?.focus();
  }, [loginErrorRound]);

  useEffect(() => {
    if (loginMessageRound > 0) messageRef.current?.focus();
  }, [loginMessageRound]);

  useEffect(() => {
    if (staff) inboxHeadingRef.current?.focus();
    else if (focusAfterSignOut.current) {
      focusAfterSignOut.current = false;
      loginHeadingRef.current?.focus();
    }
  }, [staff]);

  // Idle timeout: wipe keys after 15 minutes without keyboard or pointer input.
  useEffect(() => {
    if (!staff) return undefined;
    let timer = setTimeout(onIdle, IDLE_MS);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, IDLE_MS);
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, reset, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, reset);
    };
  }, [staff]);

  function wipeKeys() {
    const sodium = sodiumRef.current;
    const zero = (bytes: Uint8Array | undefined) => {
      if (!bytes) return;
      if (sodium) sodium.memzero(bytes);
      else bytes.fill(0);
    };
    zero(teamKeysRef.current?.privateKey);
    zero(staffKeysRef.current?.box.privateKey);
    zero(staffKeysRef.current?.sign.privateKey);
    teamKeysRef.current = null;
    staffKeysRef.current = null;
  }

  function endLocalSession(message: string | null) {
    wipeKeys();
    setInbox({ state: 'idle' });
    setKeyMismatch(null);
    setStaff(null);
    setPassphrase('');
    if (message) showLoginMessage(message);
    else focusAfterSignOut.current = true;
  }

  function showLoginMessage(message: string) {
    setLoginMessage(message);
    setLoginMessageRound((n) => n + 1);
  }

  function onIdle() {
    endLocalSession(s('staff.login.expired'));
    void fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
  }

  async function signOut() {
    endLocalSession(null);
    try {
      await fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin', cache: 'no-store' });
    } catch {
      // The keys are gone from this browser either way; the server session expires by itself.
    }
  }

  async function loadInbox() {
    setInbox({ state: 'loading' });
    try {
      const response = await fetch('/api/staff/cases', { credentials: 'same-origin', cache: 'no-store' });
      if (response.status === 401) {
        endLocalSession(s('staff.login.expired'));
        return;
      }
      if (response.status === 403) {
        setInbox({ state: 'forbidden' });
        return;
      }
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = (await response.json()) as { cases?: unknown };
      const keys: OpeningKeys = { team: teamKeysRef.current, personal: staffKeysRef.current?.box ?? null };
      if (!keys.team && !keys.personal) {
        setInbox({ state: 'noKey' });
        return;
      }
      const sodium = await loadSodium();
      const list = Array.isArray(body.cases) ? body.cases : [];
      setInbox({ state: 'ready', cases: list.map((raw, i) => openOne(sodium, raw, keys, i)) });
    } catch {
      setInbox({ state: 'failed' });
    }
  }

  async function onLogin(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!hydrated || busy) return;

    const name = username.trim().toLowerCase();
    const errors: Partial<Record<LoginField, string>> = {};
    if (!name) errors.username = s('staff.login.missingUsername');
    if (!passphrase) errors.passphrase = s('staff.login.missingPassphrase');
    setLoginErrors(errors);
    setLoginMessage(null);
    if (errors.username || errors.passphrase) {
      setLoginErrorRound((n) => n + 1);
      return;
    }

    setBusy(true);
    let wrapKey: Uint8Array | null = null;
    let sodium: Sodium | null = null;
    try {
      await nextPaint();
      const saltResponse = await postJson('/api/staff/salt', { username: name });
      if (saltResponse.status === 400) {
        showLoginMessage(s('staff.login.wrong'));
        return;
      }
      if (!saltResponse.ok) throw new Error(`status ${saltResponse.status}`);
      const { salt } = (await saltResponse.json()) as { salt: string };

      sodium = await loadSodium();
      sodiumRef.current = sodium;
      await nextPaint();
      const derived = derivePassphraseKeys(sodium, passphrase, salt);
      wrapKey = derived.wrapKey;
      const authKey = toBase64(sodium, derived.authKey);
      sodium.memzero(derived.authKey);

      const loginResponse = await postJson('/api/staff/login', { username: name, authKey });
      if (loginResponse.status === 401 || loginResponse.status === 400) {
        showLoginMessage(s('staff.login.wrong'));
        return;
      }
      if (!loginResponse.ok) throw new Error(`status ${loginResponse.status}`);
      const body = (await loginResponse.json()) as LoginResponse;

      const unlocked = unlockStaffKeys(sodium, wrapKey, body);
      sodium.memzero(wrapKey);
      wrapKey = null;
      if (!unlocked.ok) {
        void fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
        showLoginMessage(s('staff.login.keysBroken'));
        return;
      }
      staffKeysRef.current = unlocked.value;

      const teamId = body.staff.teamId;
      const grant = body.teamKeyGrants.find((g) => g.teamId === teamId);
      let mismatch: string | null = null;
      if (grant && teamId) {
        const team = openTeamKeyGrant(sodium, grant.sealedSecretKey, unlocked.value.box);
        if (team.ok) {
          teamKeysRef.current = team.value;
          // The opened key must be the one pinned in the static config, or residents seal to another key.
          const held = toBase64(sodium, team.value.publicKey);
          if (held !== findTeam(teamId)?.publicKey) mismatch = keyFingerprint(sodium, held);
        }
      }

      setPassphrase('');
      setLoginErrors({});
      setKeyMismatch(mismatch);
      setStaff(body.staff);
      void loadInbox();
    } catch {
      showLoginMessage(s('staff.login.failed'));
    } finally {
      if (wrapKey && sodium) sodium.memzero(wrapKey);
      setBusy(false);
    }
  }

  if (staff) {
    const team = staff.teamId ? findTeam(staff.teamId) : undefined;
    return (
      <div class="achterom-console">
        <section class="achterom-console__session" aria-labelledby="session-heading">
          <h2 class="achterom-visually-hidden" id="session-heading">
            {s('staff.whoami')} {staff.displayName}
          </h2>
          <dl class="achterom-console__facts">
            <div>
              <dt>{s('staff.whoami')}</dt>
              <dd data-testid="staff-name">{staff.displayName}</dd>
            </div>
            <div>
              <dt>{s('staff.team')}</dt>
              <dd>{team?.name ?? s('staff.noTeam')}</dd>
            </div>
            <div>
              <dt>{s('staff.role')}</dt>
              <dd>{s(`staff.role.${staff.role}` as StringKey) ?? staff.role}</dd>
            </div>
            {team && (
              <div>
                <dt>{s('staff.fingerprint')}</dt>
                <dd>
                  <code class="achterom-console__fingerprint" data-testid="team-fingerprint">
                    {team.fingerprint}
                  </code>
                  <span class="achterom-console__hint">{s('staff.fingerprintHint')}</span>
                </dd>
              </div>
            )}
          </dl>
          <button class="achterom-button achterom-button--secondary" type="button" onClick={signOut}>
            {s('staff.logout')}
          </button>
        </section>

        {keyMismatch && (
          <div class="achterom-alert">
            <ErrorIcon />
            <p class="achterom-alert__text">
              {s('staff.fingerprintMismatch')} {s('staff.fingerprintHeld')}: <code>{keyMismatch}</code>
            </p>
          </div>
        )}

        <section class="achterom-console__inbox" aria-labelledby="inbox-heading">
          <div class="achterom-console__inbox-head">
            <h2 id="inbox-heading" tabIndex={-1} ref={inboxHeadingRef}>
              {s(staff.role === 'casemanager' ? 'staff.inbox.headingAssigned' : 'staff.inbox.heading')}
            </h2>
            {inbox.state !== 'forbidden' && (
              <button
                class="achterom-button achterom-button--secondary"
                type="button"
                onClick={() => {
                  if (inbox.state !== 'loading') void loadInbox();
                }}
                aria-disabled={inbox.state === 'loading' ? 'true' : undefined}
              >
                {s('staff.inbox.refresh')}
              </button>
            )}
          </div>
          <p class="achterom-status" role="status" aria-live="polite">
            {inbox.state === 'loading' && (
              <>
                <Spinner />
                {s('staff.inbox.loading')}
              </>
            )}
            {inbox.state === 'ready' &&
              inbox.cases.length > 0 &&
              format(s(inbox.cases.length === 1 ? 'staff.inbox.countOne' : 'staff.inbox.count'), { count: inbox.cases.length })}
          </p>
          {inbox.state === 'forbidden' && <p class="achterom-callout">{s('staff.inbox.forbidden')}</p>}
          {inbox.state === 'noKey' && <p class="achterom-callout">{s('staff.inbox.noTeamKey')}</p>}
          {inbox.state === 'failed' && (
            <div class="achterom-alert">
              <ErrorIcon />
              <p class="achterom-alert__text">{s('staff.inbox.failed')}</p>
            </div>
          )}
          {inbox.state === 'ready' && inbox.cases.length === 0 && <p>{s('staff.inbox.empty')}</p>}
          {inbox.state === 'ready' && inbox.cases.length > 0 && (
            <ul class="achterom-case-list">
              {inbox.cases.map((c) => (
                <li key={c.id}>
                  <CaseCard item={c} s={s} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    );
  }

  const disabled = !hydrated;
  const loginErrorFields = (['username', 'passphrase'] as const).filter((f) => loginErrors[f]);
  const errorText = (f: LoginField) =>
    loginErrors[f] ? (
      <p class="achterom-form-field__error" id={`${f}-error`}>
        <ErrorIcon />
        <span>
          <span class="achterom-visually-hidden">{s('form.errorPrefix')} </span>
          {loginErrors[f]}
        </span>
      </p>
    ) : null;

  return (
    <section class="achterom-console achterom-console__login" aria-labelledby="login-heading">
      <h2 id="login-heading" tabIndex={-1} ref={loginHeadingRef}>
        {s('staff.login.heading')}
      </h2>
      <p>{s('staff.login.intro')}</p>
      <form class="achterom-form" method="post" noValidate onSubmit={onLogin}>
        {loginErrorFields.length > 0 && (
          <div class="achterom-error-summary" tabIndex={-1} ref={summaryRef} aria-labelledby="login-error-title">
            <h3 class="achterom-error-summary__title" id="login-error-title">
              <ErrorIcon />
              <span>{s('form.errorSummary.title')}</span>
            </h3>
            <ul class="achterom-error-summary__list">
              {loginErrorFields.map((f) => (
                <li key={f}>
                  <a
                    href={`#${f}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(f);
                    }}
                  >
                    {loginErrors[f]}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {loginMessage && (
          <div class="achterom-alert" tabIndex={-1} ref={messageRef} data-testid="login-error">
            <ErrorIcon />
            <p class="achterom-alert__text">{loginMessage}</p>
          </div>
        )}
        <div class={`achterom-form-field${loginErrors.username ? ' achterom-form-field--invalid' : ''}`}>
          <label class="achterom-form-field__label" for="username">
            {s('staff.login.username')}
          </label>
          {errorText('username')}
          <input
            class="achterom-text-input"
            type="text"
            id="username"
            name="username"
            autocomplete="username"
            autoCapitalize="none"
            spellcheck={false}
            value={username}
            disabled={disabled}
            aria-invalid={loginErrors.username ? 'true' : undefined}
            aria-describedby={loginErrors.username ? 'username-error' : undefined}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class={`achterom-form-field${loginErrors.passphrase ? ' achterom-form-field--invalid' : ''}`}>
          <label class="achterom-form-field__label" for="passphrase">
            {s('staff.login.passphrase')}
          </label>
          {errorText('passphrase')}
          <input
            class="achterom-text-input"
            type="password"
            id="passphrase"
            name="passphrase"
            autocomplete="current-password"
            spellcheck={false}
            value={passphrase}
            disabled={disabled}
            aria-invalid={loginErrors.passphrase ? 'true' : undefined}
            aria-describedby={loginErrors.passphrase ? 'passphrase-error' : undefined}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        <button class="achterom-button" type="submit" disabled={disabled} aria-disabled={busy ? 'true' : undefined}>
          {s('staff.login.submit')}
        </button>
        <p class="achterom-status" role="status" aria-live="polite">
          {busy && (
            <>
              <Spinner />
              {s('staff.login.busy')}
            </>
          )}
        </p>
      </form>
    </section>
  );
}

interface CaseCardProps {
  item: OpenedCase;
  s: (key: StringKey) => string;
}

function CaseCard({ item, s }: CaseCardProps) {
  const headingId = `case-${item.id}-heading`;
  const statusText = (['nieuw', 'in_behandeling', 'afgerond'] as const).includes(item.status as 'nieuw')
    ? s(`staff.status.${item.status}` as StringKey)
    : item.status;

  if (item.state !== 'ok') {
    return (
      <article class="achterom-case achterom-case--problem" data-testid="case" aria-labelledby={headingId}>
        <h3 class="achterom-case__heading" id={headingId}>
          {item.state === 'appointment' ? s('staff.case.headingAppointment') : s('staff.case.question')}
        </h3>
        {item.state === 'unreadable' ? (
          <p class="achterom-case__problem" data-testid="case-unreadable">
            <ErrorIcon />
            <span>{s('staff.case.unreadable')}</span>
          </p>
        ) : (
          <p>{s('staff.case.appointmentNotShown')}</p>
        )}
        <dl class="achterom-case__facts">
          <div>
            <dt>{s('staff.case.receivedDay')}</dt>
            <dd>{formatDay(item.createdDay)}</dd>
          </div>
          <div>
            <dt>{s('staff.case.status')}</dt>
            <dd>{statusText}</dd>
          </div>
        </dl>
      </article>
    );
  }

  const p = item.payload;
  const known = p.neighbourhood !== UNKNOWN_NEIGHBOURHOOD_ID;
  const neighbourhood = known ? (neighbourhoodNames.get(p.neighbourhood) ?? p.neighbourhood) : s('staff.neighbourhood.unknown');
  const contact =
    p.contact.method === 'phone'
      ? format(s('staff.contact.phone'), { phone: p.contact.phone })
      : p.contact.method === 'email'
        ? format(s('staff.contact.email'), { email: p.contact.email })
        : s('staff.contact.portal');

  return (
    <article class="achterom-case" data-testid="case" aria-labelledby={headingId}>
      <h3 class="achterom-case__heading" id={headingId}>
        {known ? format(s('staff.case.heading'), { neighbourhood }) : s('staff.case.headingUnknown')}
      </h3>
      <dl class="achterom-case__facts">
        <div>
          <dt>{s('staff.case.submittedAt')}</dt>
          <dd data-testid="case-submitted-at">
            <time dateTime={p.submittedAt}>{formatInstant(p.submittedAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{s('staff.case.neighbourhood')}</dt>
          <dd data-testid="case-neighbourhood">{neighbourhood}</dd>
        </div>
        <div>
          <dt>{s('staff.case.contact')}</dt>
          <dd data-testid="case-contact">{contact}</dd>
        </div>
        <div>
          <dt>{s('staff.case.consent')}</dt>
          <dd data-testid="case-consent">{s(p.consent === 'handler' ? 'staff.consent.handler' : 'staff.consent.team')}</dd>
        </div>
        <div>
          <dt>{s('staff.case.status')}</dt>
          <dd data-testid="case-status">{statusText}</dd>
        </div>
        <div>
          <dt>{s('staff.case.language')}</dt>
          <dd>{s(p.language === 'en' ? 'staff.language.en' : 'staff.language.nl')}</dd>
        </div>
      </dl>
      <h4 class="achterom-case__question-label">{s('staff.case.question')}</h4>
      <p class="achterom-case__question" data-testid="case-question">
        {p.question}
      </p>
    </article>
  );
}
