// Real libsodium in Node for tests and fixtures (no mocked crypto). signIn plays the
// staff console: it unlocks keys with the same code the console runs (LoginForm and
// trust.ts), so tests that play a hostile server check exactly what browsers check.
import { loadSodium, type Sodium } from '../../src/lib/crypto/sodium';
import { derivePassphraseKeys, unlockStaffKeys } from '../../src/lib/crypto/staffKeys';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { findTeam } from '../../src/lib/config/teams';
import { signAction, unlockTeamKeys, type TeamKeyGrantJson } from '../../src/islands/staff/trust';
import type { StaffInfo, Vault } from '../../src/islands/staff/types';
import type { ActionFacts } from '../../src/lib/audit/auditRecord';

export { loadSodium, type Sodium };

export const DEMO_PASSPHRASE = 'oefenen in achterom';

/** Signs a demo staff member in against an app and returns the session cookie and unlocked keys. */
export async function signIn(
  request: (path: string, init?: RequestInit) => Response | Promise<Response>,
  username: string,
  passphrase = DEMO_PASSPHRASE,
) {
  const sodium = await loadSodium();
  const json = { 'content-type': 'application/json' };
  const saltRes = await request('/api/staff/salt', { method: 'POST', headers: json, body: JSON.stringify({ username }) });
  const { salt } = (await saltRes.json()) as { salt: string };
  const { authKey, wrapKey } = derivePassphraseKeys(sodium, passphrase, salt);
  const res = await request('/api/staff/login', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, authKey: toBase64(sodium, authKey) }),
  });
  if (res.status !== 200) return { res, cookie: '', teamKeys: undefined, boxKeys: undefined, body: undefined, vault: undefined, staff: undefined, sign: undefined };
  const body = (await res.json()) as {
    staff: StaffInfo;
    keyBlob: string;
    keyBlobNonce: string;
    teamKeyGrants: TeamKeyGrantJson[];
  };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const keys = unlockStaffKeys(sodium, wrapKey, body);
  if (!keys.ok) throw new Error('demo key blob did not unlock');
  const team = body.staff.teamId ? findTeam(body.staff.teamId) : undefined;
  const held = unlockTeamKeys(sodium, keys.value, body.teamKeyGrants, team);
  const vault: Vault = { sodium, staff: keys.value, teamId: body.staff.teamId, teamKeys: held.boxKeys, unpinnedTeamKeys: held.unpinned, teamSign: held.sign };
  const staff = body.staff;
  /** The signed-action field of a request body, as the console makes it. */
  const sign = ({ day, ...facts }: Omit<ActionFacts, 'staffId' | 'role' | 'teamId' | 'day' | 'caseId' | 'subjectId'> & { caseId?: string | null; subjectId?: string | null; day?: string }) =>
    signAction(vault, staff, { caseId: null, subjectId: null, ...facts }, day);
  return {
    res,
    cookie,
    body,
    vault,
    staff,
    sign,
    /** The team's current (pinned) box key pair, for intake and team leads. */
    teamKeys: team ? held.boxKeys.get(team.keyId) : undefined,
    boxKeys: keys.value.box,
  };
}
