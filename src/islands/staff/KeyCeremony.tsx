// The key ceremony screen, right after activating: one button makes the keys in this
// browser (a new team's, or the organisation's for the first privacy officer); then the
// public key(s) to pin (a fragment for teamKeys.json, to copy) and the fingerprints to
// compare out of band and print.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Sodium } from '../../lib/crypto/sodium';
import type { Say, StaffTextKey } from './strings';
import { Notice } from './ui';
import { StatusLine } from '../shared/StatusLine';
import { pinFragment, runKeyCeremony, type CeremonyKind, type CeremonyMember, type CeremonyOutcome } from './keyCeremony';

interface Props {
  say: Say;
  sodium: Sodium;
  kind: CeremonyKind;
  token: string;
  member: CeremonyMember;
  /** The team's name ("the organisation" has none). */
  teamName: string;
  /** The member's own signing key: it signs the certificate's grants and the audit row. */
  signSecretKey: Uint8Array;
  /** Called once the signing key is no longer needed (wipe it). */
  onFinished: () => void;
}

const TEXT: Record<CeremonyKind, Record<'heading' | 'intro' | 'submit' | 'done' | 'next' | 'give' | 'live', StaffTextKey>> = {
  team: { heading: 'staff.ceremony.heading', intro: 'staff.ceremony.intro', submit: 'staff.ceremony.submit', done: 'staff.ceremony.done', next: 'staff.ceremony.next', give: 'staff.ceremony.step.give', live: 'staff.ceremony.step.live' },
  organisation: {
    heading: 'staff.ceremony.organisation.heading',
    intro: 'staff.ceremony.organisation.intro',
    submit: 'staff.ceremony.organisation.submit',
    done: 'staff.ceremony.organisation.done',
    next: 'staff.ceremony.organisation.next',
    give: 'staff.ceremony.organisation.step.give',
    live: 'staff.ceremony.organisation.step.live',
  },
};

export function KeyCeremony({ say, sodium, kind, token, member, teamName, signSecretKey, onFinished }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [made, setMade] = useState<Extract<CeremonyOutcome, { ok: true }> | null>(null);
  const [copied, setCopied] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const text = TEXT[kind];
  const team = { team: teamName };

  useEffect(() => headingRef.current?.focus(), [made]);

  async function make() {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await runKeyCeremony(sodium, kind, token, member, signSecretKey);
      if (outcome.ok) {
        setMade(outcome);
        onFinished();
      } else {
        if (outcome.reason === 'alreadyMade') onFinished();
        setFailure(say(outcome.reason === 'alreadyMade' ? 'staff.ceremony.doneTeamHas' : 'staff.ceremony.failed'));
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      setBusy(false);
    }
  }

  if (!made) {
    return (
      <section class="achterom-panel achterom-console__narrow" aria-labelledby="ceremony-heading" data-testid="key-ceremony">
        <h2 id="ceremony-heading" tabIndex={-1} ref={headingRef}>
          {say(text.heading, team)}
        </h2>
        <p>{say(text.intro, team)}</p>
        {failure && (
          <Notice kind="error" noticeRef={failureRef} testId="ceremony-error">
            {failure}
          </Notice>
        )}
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="button" aria-disabled={busy ? 'true' : undefined} onClick={make}>
          {say(text.submit)}
        </button>
        <StatusLine busy={busy} text={say('staff.ceremony.busy')} />
      </section>
    );
  }

  const fingerprints: [StaffTextKey, string, string][] =
    made.kind === 'team'
      ? [
          ['staff.ceremony.boxFingerprint', made.pin.boxKeys[0]!.fingerprint, 'ceremony-box-fingerprint'],
          ['staff.ceremony.signFingerprint', made.pin.signFingerprint, 'ceremony-sign-fingerprint'],
        ]
      : [['staff.ceremony.organisation.fingerprint', made.pin.fingerprint, 'ceremony-sign-fingerprint']];
  const fragment = pinFragment(made.kind === 'team' ? member.teamId! : 'organisation', made.pin);
  return (
    <section class="achterom-panel achterom-console__narrow" aria-labelledby="ceremony-done-heading" data-testid="ceremony-done">
      <h2 id="ceremony-done-heading" tabIndex={-1} ref={headingRef}>
        {say(text.done, team)}
      </h2>
      <p>{say(text.next, team)}</p>
      <ol>
        <li>{say(text.give)}</li>
        <li>{say('staff.ceremony.step.check')}</li>
        <li>{say(text.live)}</li>
      </ol>
      <dl class="achterom-console__facts">
        {fingerprints.map(([label, value, testId]) => (
          <div key={testId}>
            <dt>{say(label)}</dt>
            <dd class="achterom-console__fingerprint" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
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
