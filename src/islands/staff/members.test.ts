import { describe, expect, it } from 'vitest';
import type { ApiResult, StaffApi } from './api';
import { fetchMembers, memberFailure, memberName, withMember } from './members';
import { makeSay } from './strings';
import type { Member } from './types';

const say = makeSay({});

const member = (over: Partial<Member> = {}): Member => ({
  id: 'm1',
  username: 'anna',
  displayName: 'Anna',
  role: 'casemanager',
  status: 'pending',
  teamId: 'centrum-oost',
  boxPublicKey: 'box',
  signPublicKey: 'sign',
  certificate: null,
  certificateSignature: null,
  ...over,
});

/** A staff API whose GET answers with one fixed result. */
const answering = (result: ApiResult<unknown>): StaffApi => ({
  get: async <T>() => result as ApiResult<T>,
  post: async () => {
    throw new Error('not used');
  },
  del: async () => {
    throw new Error('not used');
  },
});

describe('the members list', () => {
  it('reads the list, and an answer without one as an empty team', async () => {
    expect(await fetchMembers(answering({ ok: true, status: 200, body: { members: [member()] } }))).toEqual({ ok: true, status: 200, body: [member()] });
    expect(await fetchMembers(answering({ ok: true, status: 200, body: {} }))).toEqual({ ok: true, status: 200, body: [] });
    expect(await fetchMembers(answering({ ok: false, status: 403, code: 'forbidden' }))).toEqual({ ok: false, status: 403, code: 'forbidden' });
  });

  it('names a colleague: oneself, from the list, or as unknown with the id', () => {
    const me = { id: 'me', displayName: 'Ik' };
    expect(memberName(say, 'me', me, null)).toBe('Ik');
    expect(memberName(say, 'm1', me, [member()])).toBe('Anna');
    expect(memberName(say, 'm9', me, 'failed')).toBe(say('staff.assign.unknownMember', { id: 'm9' }));
  });

  it('replaces one member by id and leaves the others', () => {
    const list = [member(), member({ id: 'm2', username: 'bram' })];
    const next = withMember(list, member({ status: 'active' }));
    expect(next.map((m) => m.status)).toEqual(['active', 'pending']);
    expect(list[0]!.status).toBe('pending');
  });
});

describe('a refused member action', () => {
  it('says nothing after the session ended, and names the member otherwise', () => {
    expect(memberFailure(say, { ok: false, status: 401, code: 'session_expired' }, 'staff.members.revokeFailed', 'Anna')).toBe('');
    expect(memberFailure(say, { ok: false, status: 0, code: 'network' }, 'staff.members.revokeFailed', 'Anna')).toBe(say('staff.error.network'));
    expect(memberFailure(say, { ok: false, status: 409, code: 'not_pending' }, 'staff.members.approveFailed', 'Anna')).toBe(say('staff.members.notPending', { name: 'Anna' }));
    expect(memberFailure(say, { ok: false, status: 500, code: 'internal' }, 'staff.members.certifyFailed', 'Anna')).toBe(say('staff.members.certifyFailed', { name: 'Anna' }));
  });
});
