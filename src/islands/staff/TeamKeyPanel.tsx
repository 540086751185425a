// The team's keys, for the team lead: which box keys are pinned (the newest seals new
// cases), the team signing key, and rotation. A new key is made here, sealed to every
// certified intake worker and team lead, and must then be pinned in the bundle by the
// municipality's IT team (config file and redeploy) before residents use it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import { actionDetail } from '../../lib/audit/auditRecord';
import type { StaffApi } from './api';
import { pinSnippet, prepareRotation } from './memberKeys';
import { signAction } from './trust';
import type { Member, StaffInfo, Vault } from './types';
import { TextareaField } from '../shared/fields/TextareaField';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
import type { Say } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
  members: readonly Member[];
  /** A member who held the team key was just revoked. */
  advised: boolean;
}

interface PendingKey {
  keyId: number;
  publicKey: string;
  createdDay: string;
}

export function TeamKeyPanel({ say, api, getVault, staff, members, advised }: Props) {
  const team = staff.teamId ? findTeam(staff.teamId) : undefined;
  const [pending, setPending] = useState<PendingKey[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ keyId: number; fingerprint: string; snippet: string; skipped: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  async function loadPending() {
    const r = await api.get<{ keys: PendingKey[] }>('/api/staff/team-keys');
    if (r.ok && Array.isArray(r.body.keys)) setPending(r.body.keys.filter((k) => !team?.boxKeys.some((p) => p.id === k.keyId)));
  }

  useEffect(() => {
    void loadPending();
  }, []);

  async function rotate() {
    const vault = getVault();
    if (!vault || !team || busy) return;
    setBusy(true);
    setError(null);
    try {
      const prepared = prepareRotation(vault, staff, team, members, pending.map((k) => k.keyId));
      if (!prepared) {
        setError(say('staff.error.generic'));
        return;
      }
      const signed = signAction(vault, staff, {
        action: 'team.key_rotate', caseId: null, subjectId: String(prepared.keyId), detail: await actionDetail.rotate(prepared.keyId, prepared.publicKey),
      });
      const r = await api.post(`/api/staff/team-keys`, { ...prepared.body, signed });
      if (!r.ok) {
        vault.sodium.memzero(prepared.pair.privateKey);
        if (r.status !== 401) setError(say(r.status === 0 ? 'staff.error.network' : 'staff.teamKeys.failed'));
        return;
      }
      vault.unpinnedTeamKeys.set(prepared.keyId, prepared.pair);
      setMade({ keyId: prepared.keyId, fingerprint: prepared.fingerprint, snippet: pinSnippet(prepared), skipped: prepared.skipped.map((m) => m.displayName) });
      setConfirming(false);
      void loadPending();
      requestAnimationFrame(() => resultRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  if (!team) return null;
  return (
    <section class="achterom-detail__section" aria-labelledby="team-keys-heading" data-testid="team-keys">
      <h3 id="team-keys-heading">{say('staff.teamKeys.heading')}</h3>
      <p>{say('staff.teamKeys.intro')}</p>
      {advised && !made && <Notice kind="error">{say('staff.teamKeys.advised')}</Notice>}
      <div class="achterom-table-wrap" role="region" aria-labelledby="team-keys-caption" tabIndex={0}>
        <table class="achterom-table achterom-table--dense">
          <caption id="team-keys-caption">{say('staff.teamKeys.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('staff.teamKeys.key')}</th>
              <th scope="col">{say('staff.teamKeys.fingerprint')}</th>
              <th scope="col">{say('staff.teamKeys.state')}</th>
            </tr>
          </thead>
          <tbody>
            {team.boxKeys.map((k) => (
              <tr key={`pinned-${k.id}`}>
                <td>{say('staff.teamKeys.boxKey', { id: k.id })}</td>
                <td>
                  <code class="achterom-console__fingerprint">{k.fingerprint}</code>
                </td>
                <td>{say(k.id === team.keyId ? 'staff.teamKeys.current' : 'staff.teamKeys.older')}</td>
              </tr>
            ))}
            {pending.map((k) => (
              <tr key={`pending-${k.keyId}`} data-testid="team-key-pending">
                <td>{say('staff.teamKeys.boxKey', { id: k.keyId })}</td>
                <td>
                  <code class="achterom-table__id">{k.publicKey}</code>
                </td>
                <td>{say('staff.teamKeys.unpublished')}</td>
              </tr>
            ))}
            <tr>
              <td>{say('staff.teamKeys.signKey')}</td>
              <td>
                <code class="achterom-console__fingerprint">{team.signFingerprint}</code>
              </td>
              <td>{say('staff.teamKeys.signState')}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {made && (
        <Notice kind="success" noticeRef={resultRef} testId="team-key-made">
          <>
            {say('staff.teamKeys.made', { id: made.keyId, fingerprint: made.fingerprint })}
            {made.skipped.length > 0 && <> {say('staff.teamKeys.skipped', { names: made.skipped.join(', ') })}</>}
          </>
        </Notice>
      )}
      {made && (
        <TextareaField
          id="team-key-snippet"
          label={say('staff.teamKeys.snippetLabel')}
          hint={say('staff.teamKeys.snippetHint', { team: team.id })}
          value={made.snippet}
          error={undefined}
          errorPrefix=""
          readOnly
          testId="team-key-snippet"
          onInput={() => undefined}
        />
      )}
      {confirming ? (
        <div class="achterom-confirm" role="group" aria-labelledby="team-key-confirm">
          <p class="achterom-confirm__text" id="team-key-confirm">
            {say('staff.teamKeys.confirm')}
          </p>
          <div class="achterom-button-row">
            <button class="achterom-button utrecht-button utrecht-button--primary-action" type="button" aria-disabled={busy ? 'true' : undefined} onClick={() => void rotate()}>
              {say('staff.teamKeys.confirmYes')}
            </button>
            <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => setConfirming(false)}>
              {say('staff.teamKeys.confirmNo')}
            </button>
          </div>
          <StatusLine busy={busy} text={say('staff.teamKeys.busy')} />
        </div>
      ) : (
        <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => setConfirming(true)}>
          {say('staff.teamKeys.rotate')}
        </button>
      )}
    </section>
  );
}
