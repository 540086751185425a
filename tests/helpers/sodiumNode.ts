// Real libsodium in Node for tests and fixtures (no mocked crypto).
import { loadSodium, type Sodium } from '../../src/lib/crypto/sodium';
import { derivePassphraseKeys, unlockStaffKeys, openTeamKeyGrant } from '../../src/lib/crypto/staffKeys';
import { toBase64 } from '../../src/lib/crypto/sodium';

export { loadSodium, type Sodium };

export const DEMO_PASSPHRASE = 'oefenen in achterom';

/** Signs a demo staff member in against an app and returns the session cookie and unlocked team key. */
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
  if (res.status !== 200) return { res, cookie: '', teamKeys: undefined, boxKeys: undefined, body: undefined };
  const body = (await res.json()) as {
    staff: { id: string; teamId: string | null; role: string };
    keyBlob: string;
    keyBlobNonce: string;
    teamKeyGrants: { teamId: string; sealedSecretKey: string }[];
  };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const keys = unlockStaffKeys(sodium, wrapKey, body);
  if (!keys.ok) throw new Error('demo key blob did not unlock');
  const grant = body.teamKeyGrants.find((g) => g.teamId === body.staff.teamId);
  const team = grant ? openTeamKeyGrant(sodium, grant.sealedSecretKey, keys.value.box) : undefined;
  return { res, cookie, body, teamKeys: team?.ok ? team.value : undefined, boxKeys: keys.value.box };
}
