// The staff console's case work in Node: the same pure functions the islands call
// (trust.ts, caseCrypto.ts, memberKeys.ts) against the real API, so a test can play a
// hostile server by editing the database and see exactly what a browser would do.
import { findTeam } from '../../src/lib/config/teams';
import { actionDetail } from '../../src/lib/audit/auditRecord';
import { makeNoteKey, sealMessage, sealNote } from '../../src/lib/crypto/caseMessages';
import { openKeyOf, openNoteKeyOf, type KeyResult, type TrustContext } from '../../src/islands/staff/caseCrypto';
import { prepareCaseGrant, prepareNoteKey, type PreparedGrant } from '../../src/islands/staff/trust';
import type { CaseDetailJson, Member } from '../../src/islands/staff/types';
import type { StaffApi } from '../../src/islands/staff/api';
import type { signIn } from './sodiumNode';

export type Session = Awaited<ReturnType<typeof signIn>>;
type Request = (path: string, init?: RequestInit) => Response | Promise<Response>;

export function staffClient(request: Request, session: Session) {
  const headers = { cookie: session.cookie, 'content-type': 'application/json' };
  const post = (path: string, body: unknown) => request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const get = async <T>(path: string) => (await (await request(path, { headers })).json()) as T;
  const vault = session.vault!;
  const me = session.staff!;

  async function open(caseId: string): Promise<{ detail: CaseDetailJson; caseKey: KeyResult; noteKey: KeyResult }> {
    const detail = await get<CaseDetailJson>(`/api/staff/cases/${caseId}`);
    const ctx: TrustContext = { me: { id: me.id }, certificates: detail.certificates ?? {} };
    return { detail, caseKey: openKeyOf(vault, detail.case, ctx), noteKey: openNoteKeyOf(vault, detail.case, ctx) };
  }

  /** As CaseDetail: the note key (made and signed here if the case has none), or why not. */
  async function ensureNoteKey(caseId: string): Promise<KeyResult> {
    const { detail, noteKey } = await open(caseId);
    if (noteKey.ok || detail.case.sealedNoteKey) return noteKey;
    const key = makeNoteKey(vault.sodium);
    const prepared = prepareNoteKey(vault, me, detail.case, findTeam(detail.case.teamId)!, key)!;
    const res = await post(`/api/staff/cases/${caseId}/note-key`, prepared);
    if (res.status !== 204) throw new Error(`note key: ${res.status}`);
    return { ok: true, key };
  }

  async function members(): Promise<Member[]> {
    return (await get<{ members: Member[] }>('/api/staff/members')).members;
  }

  /** As CaseDetail.assign: checks the colleague's certificate before sealing anything. */
  async function assign(caseId: string, username: string): Promise<{ prepared: PreparedGrant; res?: Response }> {
    const { caseKey } = await open(caseId);
    if (!caseKey.ok) throw new Error(`case key: ${caseKey.reason}`);
    const member = (await members()).find((m) => m.username === username)!;
    const noteKey = await ensureNoteKey(caseId);
    if (!noteKey.ok) throw new Error(`note key: ${noteKey.reason}`);
    const prepared = prepareCaseGrant(vault, me, caseId, member, caseKey.key, noteKey.key);
    if (!prepared.ok) return { prepared };
    const signed = session.sign!({ action: 'case.assign', caseId, subjectId: member.id, detail: await actionDetail.assign(prepared.body.grantSignature) });
    return { prepared, res: await post(`/api/staff/cases/${caseId}/grants`, { ...prepared.body, signed }) };
  }

  async function reply(caseId: string, caseKey: Uint8Array, seq: number, text: string) {
    const sealed = sealMessage(vault.sodium, caseKey, { caseId, direction: 'staff', seq }, JSON.stringify({ text, sentAt: new Date().toISOString() }));
    const signed = session.sign!({ action: 'case.reply', caseId, detail: await actionDetail.reply(seq, sealed.nonce, sealed.ciphertext) });
    return post(`/api/staff/cases/${caseId}/messages`, { seq, ...sealed, signed });
  }

  async function note(caseId: string, noteKey: Uint8Array, text: string, id: string = crypto.randomUUID()) {
    const sealed = sealNote(vault.sodium, noteKey, caseId, id, JSON.stringify({ text, author: me.displayName, writtenAt: new Date().toISOString() }));
    const signed = session.sign!({ action: 'case.note', caseId, detail: await actionDetail.note(id, sealed.nonce, sealed.ciphertext) });
    return { id, sealed, res: await post(`/api/staff/cases/${caseId}/notes`, { id, ...sealed, signed }) };
  }

  async function status(caseId: string, value: string) {
    return post(`/api/staff/cases/${caseId}/status`, { status: value, signed: session.sign!({ action: 'case.status', caseId, detail: actionDetail.status(value) }) });
  }

  async function remove(caseId: string) {
    return request(`/api/staff/cases/${caseId}`, { method: 'DELETE', headers, body: JSON.stringify({ signed: session.sign!({ action: 'case.delete', caseId, detail: '' }) }) });
  }

  return { open, ensureNoteKey, members, assign, reply, note, status, remove, post, get };
}

/** The console's own API client shape (src/islands/staff/api.ts) over the app, for the islands' modules. */
export function staffApi(request: Request, session: Session): StaffApi {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await request(path, {
      method,
      headers: { cookie: session.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) return { ok: false as const, status: res.status, code: 'refused' };
    return { ok: true as const, status: res.status, body: res.status === 204 ? undefined : await res.json() };
  };
  return { get: (p) => call('GET', p) as never, post: (p, b) => call('POST', p, b ?? {}) as never, del: (p, b) => call('DELETE', p, b) as never };
}
