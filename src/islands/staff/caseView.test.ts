// Opening a case the way the case page does, with real libsodium: a question sealed to
// the team key, a resident's message, and a vault that does or does not hold the key.
import { beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../lib/config/teams';
import { generateCaseCode } from '../../lib/crypto/caseCode';
import { sealCase } from '../../lib/crypto/caseEnvelope';
import { sealMessage } from '../../lib/crypto/caseMessages';
import { deriveCaseKeys } from '../../lib/crypto/deriveCaseKeys';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { nextSeq, openCaseDetail, problemText, wipeCaseKeys } from './caseView';
import { makeSay } from './strings';
import type { CaseDetailJson, Vault } from './types';

let sodium: Sodium;
let team: { publicKey: Uint8Array; privateKey: Uint8Array };
const say = makeSay({});
const teamId = 'centrum-oost';

beforeAll(async () => {
  sodium = await loadSodium();
  team = sodium.crypto_box_keypair();
});

function vault(withTeamKey: boolean): Vault {
  const sign = sodium.crypto_sign_keypair();
  return {
    sodium,
    staff: { box: sodium.crypto_box_keypair(), sign: { publicKey: sign.publicKey, privateKey: sign.privateKey } },
    teamId,
    teamKeys: withTeamKey ? new Map([[1, team]]) : new Map(),
    unpinnedTeamKeys: new Map(),
    teamSign: null,
  };
}

/** A question as the API returns it to staff, with one message from the resident. */
function caseDetail(contact: unknown = { method: 'portal' }, messageExtra: Record<string, unknown> = {}): { body: CaseDetailJson; caseKey: Uint8Array } {
  const code = generateCaseCode(sodium);
  const neighbourhood = teams.find((t) => t.neighbourhoods.length > 0)!.neighbourhoods[0]!.id;
  const payload = { type: 'question', neighbourhood, question: 'Ik kan de huur niet betalen', contact, consent: 'team', submittedAt: new Date().toISOString(), language: 'nl' };
  const sealed = sealCase(sodium, { code, teamId, teamPublicKey: toBase64(sodium, team.publicKey), teamKeyId: 1, kind: 'question', consent: 'team', payloadJson: JSON.stringify(payload) });
  const caseKey = deriveCaseKeys(sodium, code).caseKey;
  const id = 'case-1';
  const message = sealMessage(sodium, caseKey, { caseId: id, direction: 'resident', seq: 1 }, JSON.stringify({ text: 'Nog een vraag', sentAt: new Date().toISOString(), ...messageExtra }));
  const body: CaseDetailJson = {
    case: { id, teamId, kind: 'question', consent: 'team', protocol: sealed.v, keyId: sealed.keyId, nonce: sealed.nonce, ciphertext: sealed.ciphertext, sealedKey: sealed.sealedKey, status: 'nieuw', createdDay: '2026-11-30' },
    messages: [{ seq: 1, direction: 'resident', createdDay: '2026-11-30', ...message }],
    notes: [],
    grants: [],
  };
  return { body, caseKey };
}

describe('opening a case on the case page', () => {
  it('opens the question and the conversation with the team key, and offers to make the note key', () => {
    const { body, caseKey } = caseDetail();
    const { view, keys } = openCaseDetail(vault(true), body, 'me');
    expect(view.question?.state).toBe('ok');
    expect(view.messages).toMatchObject([{ seq: 1, direction: 'resident', state: 'ok', text: 'Nog een vraag' }]);
    expect(view.notes).toEqual([]);
    expect(view.unreadable).toBeNull();
    expect(keys.caseKey && toBase64(sodium, keys.caseKey)).toBe(toBase64(sodium, caseKey));
    expect(keys.noteKey).toBeNull();
    expect(nextSeq(view.messages)).toBe(2);
  });

  it('gives the files of a follow-up, with their keys, to the conversation; a message with too many files does not open', () => {
    const ref = (n: number) => ({ id: crypto.randomUUID(), key: toBase64(sodium, sodium.crypto_secretstream_xchacha20poly1305_keygen()), name: `foto-${n}.jpg`, type: 'image/jpeg', size: 1000 + n });
    const files = [ref(1), { ...ref(2), name: 'aanmaning.pdf', type: 'application/pdf' }];
    const withFiles = openCaseDetail(vault(true), caseDetail(undefined, { attachments: files }).body, 'me').view.messages;
    expect(withFiles).toMatchObject([{ seq: 1, direction: 'resident', state: 'ok', text: 'Nog een vraag', attachments: files }]);
    // Older follow-ups carry no list: an empty one, so nothing is offered.
    expect(openCaseDetail(vault(true), caseDetail().body, 'me').view.messages).toMatchObject([{ state: 'ok', attachments: [] }]);
    const six = [1, 2, 3, 4, 5, 6].map(ref);
    expect(openCaseDetail(vault(true), caseDetail(undefined, { attachments: six }).body, 'me').view.messages).toMatchObject([{ seq: 1, state: 'unreadable' }]);
  });

  it('opens how to reach the resident safely as the resident sealed it', () => {
    const safety = { days: ['tue'], times: ['afternoon'], note: 'Niet na 16 uur', voicemail: false, sms: true, introduction: { as: 'own', words: 'Met Sanne' }, codeWord: 'zonnebloem' };
    const phone = openCaseDetail(vault(true), caseDetail({ method: 'phone', phone: '06 1234 5678', safety }).body, 'me').view.question;
    expect(phone?.state === 'ok' && phone.payload.contact).toEqual({ method: 'phone', phone: '06 1234 5678', safety });
    const mail = openCaseDetail(vault(true), caseDetail({ method: 'email', email: 'iemand@example.nl', safety: { subjectMayNameMunicipality: false } }).body, 'me').view.question;
    expect(mail?.state === 'ok' && mail.payload.contact).toEqual({ method: 'email', email: 'iemand@example.nl', safety: { subjectMayNameMunicipality: false } });
    // A question sealed before safe contact existed still opens.
    const old = openCaseDetail(vault(true), caseDetail({ method: 'phone', phone: '06 1234 5678' }).body, 'me').view.question;
    expect(old?.state === 'ok' && old.payload.contact).toEqual({ method: 'phone', phone: '06 1234 5678' });
  });

  it('shows nothing of the contents to a member without a key, and says why', () => {
    const { view, keys } = openCaseDetail(vault(false), caseDetail().body, 'me');
    expect(view).toMatchObject({ question: null, messages: [], notes: null, notesUntrusted: false, unreadable: 'no_key' });
    expect(keys).toEqual({ caseKey: null, noteKey: null });
  });

  it('wipes the keys it handed out', () => {
    const { keys } = openCaseDetail(vault(true), caseDetail().body, 'me');
    const caseKey = keys.caseKey!;
    wipeCaseKeys(keys, sodium);
    expect(caseKey.every((b) => b === 0)).toBe(true);
    const plain = { caseKey: null, noteKey: new Uint8Array([1, 2, 3]) };
    wipeCaseKeys(plain, undefined);
    expect([...plain.noteKey]).toEqual([0, 0, 0]);
  });
});

describe('a failed call about a case', () => {
  it('is silent after the session ended and names the network and a refusal', () => {
    expect(problemText(say, { ok: false, status: 401, code: 'session_expired' }, 'staff.reply.failed')).toBe('');
    expect(problemText(say, { ok: false, status: 0, code: 'network' }, 'staff.reply.failed')).toBe(say('staff.error.network'));
    expect(problemText(say, { ok: false, status: 403, code: 'forbidden' }, 'staff.reply.failed')).toBe(say('staff.error.forbidden'));
    expect(problemText(say, { ok: false, status: 500, code: 'internal' }, 'staff.reply.failed')).toBe(say('staff.reply.failed'));
  });
});
