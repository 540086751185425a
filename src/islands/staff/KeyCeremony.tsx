// The key ceremony screen, right after a new team's first team lead has activated: one
// button makes the team keys in this browser; then the public keys to pin (a fragment
// for teamKeys.json, to copy) and the fingerprints to compare out of band and print.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Sodium } from '../../lib/crypto/sodium';
import type { CeremonyLead, PinnedTeamKeys } from '../../lib/crypto/teamCeremony';
import type { Say } from './strings';
import { Notice } from './ui';
import { StatusLine } from '../shared/StatusLine';
import { pinFragment, runKeyCeremony } from './keyCeremony';

interface Props {
  say: Say;
  sodium: Sodium;
  token: string;
  lead: CeremonyLead;
  teamName: string;
  /** Called once the lead's signing key is no longer needed (wipe it). */
  onFinished: () => void;
  /** The lead's own signing key: it signs the certificate's grants and the audit row. */
  signSecretKey: Uint8Array;
}

export function KeyCeremony({ say, sodium, token, lead, teamName, signSecretKey, onFinished }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pin, setPin] = useState<PinnedTeamKeys | null>(null);
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const team = { team: teamName };

  useEffect(() => headingRef.current?.focus(), [pin]);

  async function make() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await runKeyCeremony(sodium, token, lead, signSecretKey);
      if (outcome.ok) {
        setPin(outcome.pin);
        onFinished();
      } else {
        if (outcome.reason === 'teamHasKeys') onFinished();
        setFailure(say(outcome.reason === 'teamHasKeys' ? 'staff.ceremony.doneTeamHas' : 'staff.ceremony.failed'));
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  if (!pin) {
    return (
      <section class="achterom-panel achterom-console__narrow" aria-labelledby="ceremony-heading" data-testid="key-ceremony">
        <h2 id="ceremony-heading" tabIndex={-1} ref={headingRef}>
          {say('staff.ceremony.heading', team)}
        </h2>
        <p>{say('staff.ceremony.intro', team)}</p>
        {failure && (
          <Notice kind="error" noticeRef={failureRef} testId="ceremony-error">
            {failure}
          </Notice>
        )}
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="button" aria-disabled={busy ? 'true' : undefined} onClick={make}>
          {say('staff.ceremony.submit')}
        </button>
        <StatusLine busy={busy} text={say('staff.ceremony.busy')} />
      </section>
    );
  }

  const fragment = pinFragment(lead.teamId, pin);
  return (
    <section class="achterom-panel achterom-console__narrow" aria-labelledby="ceremony-done-heading" data-testid="ceremony-done">
      <h2 id="ceremony-done-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.ceremony.done', team)}
      </h2>
      <p>{say('staff.ceremony.next', team)}</p>
      <ol>
        <li>{say('staff.ceremony.step.give')}</li>
        <li>{say('staff.ceremony.step.check')}</li>
        <li>{say('staff.ceremony.step.live')}</li>
      </ol>
      <dl class="achterom-console__facts">
        <div>
          <dt>{say('staff.ceremony.boxFingerprint')}</dt>
          <dd class="achterom-console__fingerprint" data-testid="ceremony-box-fingerprint">
            {pin.boxKeys[0]!.fingerprint}
          </dd>
        </div>
        <div>
          <dt>{say('staff.ceremony.signFingerprint')}</dt>
          <dd class="achterom-console__fingerprint" data-testid="ceremony-sign-fingerprint">
            {pin.signFingerprint}
          </dd>
        </div>
      </dl>
      <h3 id="ceremony-fragment-label">{say('staff.ceremony.fragment')}</h3>
      <pre class="achterom-code-block" aria-labelledby="ceremony-fragment-label" data-testid="ceremony-fragment" tabIndex={0}>
        {fragment}
      </pre>
      <p>
        <button
          class="achterom-button utrecht-button utrecht-button--secondary-action"
          type="button"
          onClick={() => void navigator.clipboard?.writeText(fragment).then(() => setCopied(true), () => setCopied(false))}
        >
          {say('staff.ceremony.copy')}
        </button>{' '}
        <button class="achterom-button utrecht-button utrecht-button--secondary-action" type="button" onClick={() => window.print()}>
          {say('staff.ceremony.print')}
        </button>
      </p>
      <p class="achterom-status" role="status">
        {copied ? say('staff.ceremony.copied') : ''}
      </p>
    </section>
  );
}
