// The team's members as the API lists them, for the members section (team lead) and for
// the console's "give this case to" list; and the words for a refused member action.
import type { ApiResult, StaffApi } from './api';
import type { Say } from './strings';
import type { Member } from './types';

/** GET /api/staff/members; an answer without a list counts as an empty team. */
export async function fetchMembers(api: StaffApi): Promise<ApiResult<Member[]>> {
  const r = await api.get<{ members?: unknown }>('/api/staff/members');
  if (!r.ok) return r;
  return { ok: true, status: r.status, body: Array.isArray(r.body?.members) ? (r.body.members as Member[]) : [] };
}

export type MemberFailureKey = 'staff.members.approveFailed' | 'staff.members.revokeFailed' | 'staff.members.certifyFailed';

/** Why approving, certifying or revoking `name` did not work; empty when the session ended (the sign-in form says why). */
export function memberFailure(say: Say, r: ApiResult<unknown>, key: MemberFailureKey, name: string): string {
  if (r.ok || r.status === 401) return '';
  if (r.status === 0) return say('staff.error.network');
  if (r.status === 409 && r.code === 'not_pending') return say('staff.members.notPending', { name });
  return say(key, { name });
}

/** The list with one member replaced by a newer copy of itself. */
export function withMember(members: readonly Member[], updated: Member): Member[] {
  return members.map((m) => (m.id === updated.id ? updated : m));
}

/** A colleague's name for "given to …": the signed-in member, someone in the list, or "unknown (id)". */
export function memberName(say: Say, staffId: string, me: { id: string; displayName: string } | null, members: readonly Member[] | 'failed' | null): string {
  if (me && staffId === me.id) return me.displayName;
  const found = Array.isArray(members) ? members.find((m) => m.id === staffId) : undefined;
  return found ? found.displayName : say('staff.assign.unknownMember', { id: staffId });
}
