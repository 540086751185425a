// Team members, for the team lead: approve (certifying the new member's keys with the
// team signing key and sealing the team secrets their role needs, here in the browser),
// confirm keys from before version 2, revoke; below them the team keys and invites.
import { useEffect, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import { StatusLine } from '../shared/StatusLine';
import { keyFingerprint } from '../../lib/crypto/fingerprint';
import { actionDetail } from '../../lib/audit/auditRecord';
import { memberTrust, signAction } from './trust';
import { certify, prepareApproval } from './memberKeys';
import { TeamKeyPanel } from './TeamKeyPanel';
import { InviteForm } from './InviteForm';
import type { StaffApi } from './api';
import { memberFailure } from './members';
import { MemberRow } from './MemberRow';
import type { Member, StaffInfo, Vault } from './types';
import { BusyButton, Notice, ReportNotice } from './ui';
import { useMembersList } from './useMembersList';
import { useReport } from './useReport';
import type { Say } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
  onMembers: (members: Member[]) => void;
}

export function MembersPanel({ say, api, getVault, staff, onMembers }: Props) {
  const { list, load, replace } = useMembersList(api, onMembers);
  const outcome = useReport();
  const { report } = outcome;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const returnFocusId = useRef<string | null>(null);
  /** Set after revoking someone who held the team key: the old key should be replaced. */
  const [rotationAdvised, setRotationAdvised] = useState(false);

  useEffect(() => {
    headingRef.current?.focus();
    void load();
  }, []);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocusId.current) {
      document.getElementById(returnFocusId.current)?.focus();
      returnFocusId.current = null;
    }
  }, [confirming]);

  function fingerprint(m: Member): string {
    const sodium = getVault()?.sodium;
    if (!sodium) return '';
    try {
      return keyFingerprint(sodium, m.boxPublicKey);
    } catch {
      return '';
    }
  }

  /** Whether the team signing key vouches for this member's keys, as this console sees it. */
  function trusted(m: Member): boolean {
    const sodium = getVault()?.sodium;
    if (!sodium) return false;
    const check = memberTrust(sodium, m);
    return check.ok && check.body.teamId === staff.teamId;
  }

  async function approve(m: Member) {
    if (busyId) return;
    const vault = getVault();
    if (!vault) return report(false, say('staff.error.noKeys'));
    let prepared: ReturnType<typeof prepareApproval>;
    try {
      prepared = prepareApproval(vault, staff, m);
    } catch {
      return report(false, say('staff.members.approveFailed', { name: m.displayName }));
    }
    if (!prepared.ok) return report(false, say(prepared.refusal === 'no_team_sign' ? 'staff.members.noTeamSign' : 'staff.error.noTeamKey'));
    setBusyId(m.id);
    const signed = signAction(vault, staff, { action: 'member.approve', caseId: null, subjectId: m.id, detail: await actionDetail.certificate(prepared.body.certificate) });
    const r = await api.post<{ member: Member }>(`/api/staff/members/${encodeURIComponent(m.id)}/approve`, { ...prepared.body, signed });
    setBusyId(null);
    if (r.ok) {
      replace({ ...m, status: 'active', certificate: prepared.body.certificate, certificateSignature: prepared.body.certificateSignature });
      report(true, say('staff.members.approved', { name: m.displayName }));
    } else if (r.status !== 401) {
      report(false, memberFailure(say, r, 'staff.members.approveFailed', m.displayName));
      if (r.status === 409) void load();
    }
  }

  /** A certificate for an active member who has none that checks out (from before version 2, or expired). */
  async function certifyMember(m: Member) {
    if (busyId) return;
    const vault = getVault();
    if (!vault) return report(false, say('staff.error.noKeys'));
    const cert = certify(vault, staff, m);
    if (!cert) return report(false, say('staff.members.noTeamSign'));
    setBusyId(m.id);
    const signed = signAction(vault, staff, { action: 'member.certify', caseId: null, subjectId: m.id, detail: await actionDetail.certificate(cert.certificate) });
    const r = await api.post(`/api/staff/members/${encodeURIComponent(m.id)}/certify`, { certificate: cert.certificate, certificateSignature: cert.signature, signed });
    setBusyId(null);
    if (r.ok) {
      replace({ ...m, certificate: cert.certificate, certificateSignature: cert.signature });
      report(true, say('staff.members.certified', { name: m.displayName }));
    } else if (r.status !== 401) report(false, memberFailure(say, r, 'staff.members.certifyFailed', m.displayName));
  }

  async function revoke(m: Member) {
    if (busyId) return;
    const vault = getVault();
    if (!vault) return report(false, say('staff.error.noKeys'));
    setBusyId(m.id);
    const signed = signAction(vault, staff, { action: 'member.revoke', caseId: null, subjectId: m.id, detail: actionDetail.none() });
    const r = await api.post<{ rotationAdvised?: boolean }>(`/api/staff/members/${encodeURIComponent(m.id)}/revoke`, { signed });
    setBusyId(null);
    setConfirming(null);
    if (r.ok) {
      replace({ ...m, status: 'revoked' });
      if (r.body.rotationAdvised) setRotationAdvised(true);
      report(true, say(r.body.rotationAdvised ? 'staff.members.revokedRotate' : 'staff.members.revoked', { name: m.displayName }));
    } else if (r.status !== 401) {
      report(false, memberFailure(say, r, 'staff.members.revokeFailed', m.displayName));
    }
  }

  const team = staff.teamId ? findTeam(staff.teamId) : undefined;

  return (
    <section class="achterom-panel" aria-labelledby="members-heading">
      <div class="achterom-console__inbox-head">
        <h2 id="members-heading" tabIndex={-1} ref={headingRef}>
          {say('staff.members.heading')}
        </h2>
        <BusyButton busy={list.state === 'loading'} onPress={() => void load()}>
          {say('staff.members.refresh')}
        </BusyButton>
      </div>
      <ReportNotice result={outcome.result} noticeRef={outcome.ref} testId="members-message" />
      <StatusLine busy={list.state === 'loading'} text={say('staff.members.loading')} />
      {list.state === 'failed' && <Notice kind="error">{say('staff.members.failed')}</Notice>}
      {list.state === 'ready' && (
        <div class="achterom-table-wrap" role="region" aria-labelledby="members-caption" tabIndex={0}>
          <table class="achterom-table" data-testid="members-table">
            <caption id="members-caption">{say('staff.members.caption', { team: team?.name ?? '' })}</caption>
            <thead>
              <tr>
                <th scope="col">{say('staff.members.name')}</th>
                <th scope="col">{say('staff.members.role')}</th>
                <th scope="col">{say('staff.members.status')}</th>
                <th scope="col">{say('staff.members.fingerprint')}</th>
                <th scope="col">{say('staff.members.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.members.map((m) => (
                <MemberRow
                  key={m.id}
                  say={say}
                  member={m}
                  self={m.id === staff.id}
                  fingerprint={fingerprint(m)}
                  trusted={trusted(m)}
                  busy={busyId !== null}
                  confirming={confirming === m.id}
                  confirmRef={confirmRef}
                  onApprove={() => void approve(m)}
                  onCertify={() => void certifyMember(m)}
                  onAskRevoke={() => {
                    returnFocusId.current = `revoke-${m.id}`;
                    setConfirming(m.id);
                  }}
                  onRevoke={() => void revoke(m)}
                  onCancelRevoke={() => setConfirming(null)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.state === 'ready' && list.members.some((m) => m.status === 'pending' || (m.status === 'active' && !trusted(m))) && (
        <p class="achterom-form-field__hint utrecht-form-field-description" id="approve-hint">
          {say('staff.members.approveHint')}
        </p>
      )}

      {list.state === 'ready' && (
        <TeamKeyPanel say={say} api={api} getVault={getVault} staff={staff} members={list.members} advised={rotationAdvised} />
      )}

      <InviteForm say={say} api={api} getVault={getVault} staff={staff} />
    </section>
  );
}
