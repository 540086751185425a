// The lookup with real libsodium and real argon2id; only the HTTP call is played here,
// with real Response objects, as the API would answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, toBase64, type Sodium } from '../../lib/crypto/sodium';
import { deriveCaseKeys } from '../../lib/crypto/deriveCaseKeys';
import { openCasePayload, sealCase } from '../../lib/crypto/caseEnvelope';
import { MailboxResponse } from '../resident/mailboxResponse';
import { fetchSealedCase, lookUpCase, type Post } from './caseLookup';

const CODE = '4821093755621180';
const PROOF = { 'x-achterom-pow': 'solved' };
const proof = async () => PROOF;

let sodium: Sodium;
let mailboxId: string;
let answer: MailboxResponse;

beforeAll(async () => {
  sodium = await loadSodium();
  const team = sodium.crypto_box_keypair();
  const sealed = sealCase(sodium, {
    code: CODE,
    teamId: 'centrum-oost',
    teamPublicKey: toBase64(sodium, team.publicKey),
    teamKeyId: 1,
    kind: 'question',
    consent: 'team',
    payloadJson: JSON.stringify({ question: 'Hoe betaal ik de huur?' }),
  });
  mailboxId = sealed.mailboxId;
  answer = {
    case: { id: 'case-1', teamId: sealed.teamId, kind: sealed.kind, consent: sealed.consent, protocol: sealed.v, keyId: sealed.keyId, nonce: sealed.nonce, ciphertext: sealed.ciphertext, status: 'nieuw', createdDay: '2026-03-02' },
    messages: [],
    access: [],
  };
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers like the API: the case for its mailbox id, 404 for any other. */
function apiFor(requests: { path: string; body: unknown; headers: Record<string, string>; signal?: AbortSignal }[] = []): Post {
  return async (path, body, headers, signal) => {
    requests.push({ path, body, headers, ...(signal ? { signal } : {}) });
    return (body as { mailboxId: string }).mailboxId === mailboxId ? json(200, answer) : json(404, { error: { code: 'not_found' } });
  };
}

describe('lookUpCase', () => {
  it('derives the mailbox id from the code, sends it with the proof, opens the case, and wipes the case key after', async () => {
    const requests: Parameters<typeof apiFor>[0] = [];
    let keySeen: Uint8Array | undefined;
    const result = await lookUpCase(CODE, MailboxResponse, (found) => {
      keySeen = found.caseKey;
      const opened = openCasePayload(sodium, found.body.case, found.caseKey);
      return { mailboxId: found.mailboxId, payload: opened.ok ? opened.value : null };
    }, { post: apiFor(requests), proof });

    const expected = deriveCaseKeys(sodium, CODE);
    expect(result).toEqual({ ok: true, value: { mailboxId: toBase64(sodium, expected.mailboxId), payload: { question: 'Hoe betaal ik de huur?' } } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ path: '/api/mailbox/open', body: { mailboxId }, headers: PROOF });
    expect(requests[0]?.signal?.aborted).toBe(false);
    expect(Array.from(keySeen ?? [1]).every((byte) => byte === 0)).toBe(true);
  });

  it('says notFound for a code without a case, without calling open', async () => {
    let opened = false;
    const result = await lookUpCase('1111222233334444', MailboxResponse, () => (opened = true), { post: apiFor(), proof });
    expect(result).toEqual({ ok: false, failure: 'notFound' });
    expect(opened).toBe(false);
  });

  it('says busy when the API has had too many tries, and failed for any other answer or a broken network', async () => {
    const answers: [Post, string][] = [
      [async () => json(429, { error: { code: 'rate_limited' } }), 'busy'],
      [async () => json(500, { error: { code: 'internal' } }), 'failed'],
      [async () => json(200, { case: { id: 'only-an-id' } }), 'failed'],
      [async () => new Response('<html>proxy error</html>', { status: 200 }), 'failed'],
      [async () => Promise.reject(new TypeError('network down')), 'failed'],
    ];
    for (const [post, failure] of answers) {
      expect(await lookUpCase(CODE, MailboxResponse, () => 'opened', { post, proof })).toEqual({ ok: false, failure });
    }
  });

  it('fails when the proof of work cannot be made', async () => {
    const result = await lookUpCase(CODE, MailboxResponse, () => 'opened', { post: apiFor(), proof: () => Promise.reject(new Error('proof of work: challenge_unavailable')) });
    expect(result).toEqual({ ok: false, failure: 'failed' });
  });

  it('ends with timeout when the API never answers, and aborts the request', async () => {
    let signalSeen: AbortSignal | undefined;
    const stalled: Post = (_path, _body, _headers, signal) => {
      signalSeen = signal;
      return new Promise<never>(() => undefined);
    };
    const result = await lookUpCase(CODE, MailboxResponse, () => 'opened', { post: stalled, proof, deadlineMs: 3_000 });
    expect(result).toEqual({ ok: false, failure: 'timeout' });
    expect(signalSeen?.aborted).toBe(true);
  });
});

describe('fetchSealedCase', () => {
  it('reads the case again under a known mailbox id (a follow-up that crossed a reply)', async () => {
    const fetched = await fetchSealedCase(mailboxId, MailboxResponse, PROOF, { post: apiFor() });
    expect(fetched).toEqual({ status: 'found', body: answer });
    expect(await fetchSealedCase('c29tZXRoaW5nIGVsc2U=', MailboxResponse, PROOF, { post: apiFor() })).toEqual({ status: 'notFound' });
  });
});
