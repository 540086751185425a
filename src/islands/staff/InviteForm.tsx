// Inviting a colleague: the team lead picks a role and gets a one-time link (the token
// rides in the fragment, so it never reaches a server log). The invite is signed.
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { actionDetail } from '../../lib/audit/auditRecord';
import type { StaffApi } from './api';
import { formatShortInstant } from './dates';
import { signAction } from './trust';
import type { Role, StaffInfo, Vault } from './types';
import { SelectField } from '../shared/fields/SelectField';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
import type { Say } from './strings';

interface Props {
  say: Say;
  api: StaffApi;
  getVault: () => Vault | null;
  staff: StaffInfo;
}

type InviteRole = Exclude<Role, 'privacy'>;
const INVITE_ROLES: readonly InviteRole[] = ['casemanager', 'intake', 'teamlead'];

interface Invite {
  url: string;
  role: InviteRole;
  expiresAt: string;
}

export function InviteForm({ say, api, getVault, staff }: Props) {
  const [inviteRole, setInviteRole] = useState<InviteRole>('casemanager');
  const [inviteBusy, setInviteBusy] = useState(false);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [copyStatus, setCopyStatus] = useState('');
  const linkRef = useRef<HTMLInputElement>(null);
  const inviteErrorRef = useRef<HTMLDivElement>(null);

  async function onInvite(event: JSX.TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inviteBusy) return;
    setInviteBusy(true);
    setInviteError(null);
    setCopyStatus('');
    const vault = getVault();
    if (!vault) {
      setInviteBusy(false);
      return;
    }
    const signed = signAction(vault, staff, { action: 'member.invite', caseId: null, subjectId: null, detail: actionDetail.invite(inviteRole) });
    const r = await api.post<{ token: string; role: InviteRole; expiresAt: string; path: string }>('/api/staff/members/invites', { role: inviteRole, signed });
    setInviteBusy(false);
    if (r.ok) {
      setInvite({ url: `${location.origin}${r.body.path}`, role: r.body.role, expiresAt: r.body.expiresAt });
      requestAnimationFrame(() => {
        linkRef.current?.focus();
        linkRef.current?.select();
      });
    } else if (r.status !== 401) {
      setInvite(null);
      setInviteError(say(r.status === 0 ? 'staff.error.network' : 'staff.invite.failed'));
      requestAnimationFrame(() => inviteErrorRef.current?.focus());
    }
  }

  async function copyLink() {
    if (!invite) return;
    try {
      await navigator.clipboard.writeText(invite.url);
      setCopyStatus(say('staff.invite.copied'));
    } catch {
      linkRef.current?.focus();
      linkRef.current?.select();
      setCopyStatus(say('staff.invite.copyFailed'));
    }
  }

  const roleOptions = INVITE_ROLES.map((role) => ({ value: role, label: say(`staff.role.${role}`) }));
  return (
    <section class="achterom-detail__section" aria-labelledby="invite-heading">
      <h3 id="invite-heading">{say('staff.invite.heading')}</h3>
      <p>{say('staff.invite.intro')}</p>
      {inviteError && (
        <Notice kind="error" noticeRef={inviteErrorRef} testId="invite-error">
          {inviteError}
        </Notice>
      )}
      <form class="achterom-form" method="post" noValidate onSubmit={onInvite}>
        <SelectField id="invite-role" name="role" label={say('staff.invite.role')} hint={say('staff.invite.roleHint')} value={inviteRole} onChange={(value) => setInviteRole(value as InviteRole)} options={roleOptions} />
        <button class="achterom-button utrecht-button utrecht-button--primary-action" type="submit" aria-disabled={inviteBusy ? 'true' : undefined}>
          {say('staff.invite.submit')}
        </button>
        <StatusLine busy={inviteBusy} text={say('staff.invite.busy')} />
      </form>
      {invite && (
        <div class="achterom-invite" data-testid="invite">
          <div class="achterom-form-field utrecht-form-field">
            <label class="achterom-form-field__label utrecht-form-label" for="invite-link">
              {say('staff.invite.linkLabel', { role: say(`staff.role.${invite.role}`).toLowerCase() })}
            </label>
            <p class="achterom-form-field__hint utrecht-form-field-description" id="invite-link-hint">
              {say('staff.invite.linkHint', { expires: formatShortInstant(invite.expiresAt) })}
            </p>
            <input
              class="achterom-text-input achterom-text-input--full utrecht-textbox utrecht-textbox--html-input"
              type="text"
              id="invite-link"
              readOnly
              spellcheck={false}
              value={invite.url}
              ref={linkRef}
              aria-describedby="invite-link-hint"
              data-testid="invite-link"
            />
          </div>
          <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => void copyLink()}>
            {say('staff.invite.copy')}
          </button>
          <p class="achterom-status" role="status" aria-live="polite">
            {copyStatus}
          </p>
        </div>
      )}
    </section>
  );
}
