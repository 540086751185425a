// Who is signed in, for which team and in which role, the team key fingerprint folded
// away for an out-of-band check, and the way out.
import type { Team } from '../../lib/config/teams';
import type { StaffInfo } from './types';
import type { Say } from './strings';

interface Props {
  say: Say;
  staff: StaffInfo;
  team: Team | undefined;
  onSignOut: () => void;
}

export function SessionFacts({ say, staff, team, onSignOut }: Props) {
  return (
    <section class="achterom-console__session" aria-labelledby="session-heading">
      <h2 class="achterom-visually-hidden" id="session-heading">
        {say('staff.whoami')} {staff.displayName}
      </h2>
      <dl class="achterom-console__facts">
        <div>
          <dt>{say('staff.whoami')}</dt>
          <dd data-testid="staff-name">{staff.displayName}</dd>
        </div>
        <div>
          <dt>{say('staff.team')}</dt>
          <dd>{team?.name ?? say('staff.noTeam')}</dd>
        </div>
        <div>
          <dt>{say('staff.role')}</dt>
          <dd data-testid="staff-role">{say(`staff.role.${staff.role}`)}</dd>
        </div>
      </dl>
      {team && (
        // Out of the way until needed: one line, opened to compare on paper.
        <details class="achterom-console__keys">
          <summary>{say('staff.keys.summary')}</summary>
          <dl class="achterom-console__facts">
            <div>
              <dt>{say('staff.fingerprint')}</dt>
              <dd>
                <code class="achterom-console__fingerprint" data-testid="team-fingerprint">
                  {team.fingerprint}
                </code>
                <span class="achterom-console__hint">{say('staff.fingerprintHint')}</span>
              </dd>
            </div>
          </dl>
        </details>
      )}
      <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={onSignOut}>
        {say('staff.logout')}
      </button>
    </section>
  );
}
