// One member in the team lead's table: name and username, role, status, key fingerprint
// with whether the team signing key vouches for it, and what may be done: approve,
// certify, or revoke after an inline confirmation.
import type { Ref } from 'preact';
import type { Member } from './types';
import type { Say } from './strings';

interface Props {
  say: Say;
  member: Member;
  /** The signed-in team lead: no revoking oneself. */
  self: boolean;
  fingerprint: string;
  /** Whether the team signing key vouches for this member's keys, as this console sees it. */
  trusted: boolean;
  /** Another action runs: the buttons say so (aria-disabled) instead of starting one more. */
  busy: boolean;
  confirming: boolean;
  confirmRef: Ref<HTMLParagraphElement>;
  onApprove: () => void;
  onCertify: () => void;
  onAskRevoke: () => void;
  onRevoke: () => void;
  onCancelRevoke: () => void;
}

const SMALL = 'achterom-button achterom-button--small';
const DANGER = `${SMALL} achterom-button--danger utrecht-button utrecht-button--primary-action`;

export function MemberRow({ say, member: m, self, fingerprint, trusted, busy, confirming, confirmRef, onApprove, onCertify, onAskRevoke, onRevoke, onCancelRevoke }: Props) {
  const busyFlag = busy ? 'true' : undefined;
  const forName = () => <span class="achterom-visually-hidden">: {m.displayName}</span>;
  return (
    <tr data-testid="member-row" data-username={m.username}>
      <th scope="row">
        {m.displayName} {self && say('staff.members.you')}
        <span class="achterom-table__sub">
          <span class="achterom-visually-hidden">{say('staff.members.username')}: </span>
          <code>{m.username}</code>
        </span>
      </th>
      <td>{say(`staff.role.${m.role}`)}</td>
      <td data-testid="member-status">
        <span class={`achterom-tag achterom-tag--${m.status}`}>{say(`staff.members.status.${m.status}`)}</span>
      </td>
      <td>
        <code class="achterom-console__fingerprint">{fingerprint}</code>
        {m.status === 'active' && (
          <span class={`achterom-tag achterom-tag--${trusted ? 'active' : 'pending'}`} data-testid="member-trust">
            {say(trusted ? 'staff.members.certifiedTag' : 'staff.members.uncertifiedTag')}
          </span>
        )}
      </td>
      <td>
        {m.status === 'pending' && (
          <button class={`${SMALL} utrecht-button utrecht-button--primary-action`} type="button" id={`approve-${m.id}`} aria-describedby="approve-hint" aria-disabled={busyFlag} onClick={onApprove}>
            {say('staff.members.approve')}
            {forName()}
          </button>
        )}
        {m.status === 'active' && !trusted && (
          <button class={`${SMALL} utrecht-button utrecht-button--secondary-action`} type="button" aria-describedby="approve-hint" aria-disabled={busyFlag} onClick={onCertify}>
            {say('staff.members.certify')}
            {forName()}
          </button>
        )}
        {m.status === 'active' && !self && !confirming && (
          <button class={DANGER} type="button" id={`revoke-${m.id}`} onClick={onAskRevoke}>
            {say('staff.members.revoke')}
            {forName()}
          </button>
        )}
        {confirming && (
          <div class="achterom-confirm achterom-confirm--compact" role="group" aria-labelledby={`revoke-confirm-${m.id}`}>
            <p class="achterom-confirm__text" id={`revoke-confirm-${m.id}`} tabIndex={-1} ref={confirmRef}>
              {say('staff.members.revokeConfirm', { name: m.displayName })}
            </p>
            <div class="achterom-button-row">
              <button class={DANGER} type="button" aria-disabled={busyFlag} onClick={onRevoke}>
                {say('staff.members.revokeYes')}
              </button>
              <button class={`${SMALL} achterom-button--secondary utrecht-button utrecht-button--secondary-action`} type="button" onClick={onCancelRevoke}>
                {say('staff.members.revokeNo')}
              </button>
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}
