// sendQuestion with real libsodium and real argon2id; only the network is played by the
// test (it answers with real Response objects), so what is sent is what a server gets.
import { beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { loadSodium, toBase64, type Sodium } from '../../../lib/crypto/sodium';
import { openCase, type BoxKeyPair, type SealedCase } from '../../../lib/crypto/caseEnvelope';
import { normalizeCaseCode } from '../../../lib/crypto/caseCode';
import { QuestionPayload } from '../../../lib/schemas/questionPayload';
import { sendQuestion, type QuestionTransport } from './sendQuestion';

const SENTINEL = 'SENTINEL-schuld-bij-de-deurwaarder-7731';

let sodium: Sodium;
let teamKeys: BoxKeyPair;
let team: { id: string; publicKey: string; keyId: number };

beforeAll(async () => {
  sodium = await loadSodium();
  teamKeys = sodium.crypto_box_keypair();
  team = { id: 'centrum-oost', publicKey: toBase64(sodium, teamKeys.publicKey), keyId: 1 };
});

const payload = () =>
  v.parse(QuestionPayload, {
    type: 'question',
    neighbourhood: 'oost',
    question: SENTINEL,
    contact: { method: 'portal' },
    consent: 'handler',
    submittedAt: new Date().toISOString(),
    language: 'nl',
  });

/** Records every request; answers from a list of statuses (last one repeats). */
function network(statuses: number[], body: unknown = {}) {
  const sent: { envelope: SealedCase; headers: Record<string, string>; raw: string }[] = [];
  const proofs: string[] = [];
  let n = 0;
  const transport: QuestionTransport = {
    solveProof: async (purpose, teamId) => {
      proofs.push(`${purpose}:${teamId}:${proofs.length}`);
      return { 'x-proof': String(proofs.length) };
    },
    post: async (envelope, headers) => {
      sent.push({ envelope, headers, raw: JSON.stringify(envelope) });
      const status = statuses[Math.min(n++, statuses.length - 1)]!;
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  };
  return { sent, proofs, transport };
}

describe('sendQuestion', () => {
  it('sends only ciphertext that the team can open, and returns the code', async () => {
    const net = network([201]);
    const outcome = await sendQuestion({ team, payload: payload(), signal: new AbortController().signal, transport: net.transport });
    expect(outcome.kind).toBe('sent');
    expect(outcome.kind === 'sent' && normalizeCaseCode(outcome.code) === outcome.code).toBe(true);
    expect(net.sent).toHaveLength(1);
    expect(net.sent[0]!.raw).not.toContain(SENTINEL);
    expect(net.sent[0]!.headers).toEqual({ 'x-proof': '1' });
    const { envelope } = net.sent[0]!;
    const opened = openCase(sodium, { teamId: envelope.teamId, kind: envelope.kind, consent: envelope.consent, protocol: envelope.v, keyId: envelope.keyId, nonce: envelope.nonce, ciphertext: envelope.ciphertext, sealedKey: envelope.sealedKey }, teamKeys);
    expect(opened.ok && (opened.value as { question: string }).question).toBe(SENTINEL);
    expect(envelope).toMatchObject({ teamId: 'centrum-oost', kind: 'question', consent: 'handler' });
  });

  it('solves a second, team-bound proof once when the team became busy (428), and sends the same envelope', async () => {
    const net = network([428, 201]);
    const outcome = await sendQuestion({ team, payload: payload(), signal: new AbortController().signal, transport: net.transport });
    expect(outcome.kind).toBe('sent');
    expect(net.proofs).toEqual(['case:centrum-oost:0', 'case:centrum-oost:1']);
    expect(net.sent.map((s) => s.headers['x-proof'])).toEqual(['1', '2']);
    expect(net.sent[1]!.raw).toBe(net.sent[0]!.raw);
  });

  it('tells a busy team (503 team_busy) from a failure', async () => {
    const busy = network([503], { error: { code: 'team_busy', message: 'x' } });
    expect(await sendQuestion({ team, payload: payload(), signal: new AbortController().signal, transport: busy.transport })).toEqual({ kind: 'teamBusy' });
    const down = network([503], { error: { code: 'unavailable', message: 'x' } });
    expect(await sendQuestion({ team, payload: payload(), signal: new AbortController().signal, transport: down.transport })).toEqual({ kind: 'failed', status: 503 });
    const refused = network([400]);
    expect(await sendQuestion({ team, payload: payload(), signal: new AbortController().signal, transport: refused.transport })).toEqual({ kind: 'failed', status: 400 });
  });

  it('sends nothing once the deadline has passed', async () => {
    const net = network([201]);
    const controller = new AbortController();
    controller.abort();
    await expect(sendQuestion({ team, payload: payload(), signal: controller.signal, transport: net.transport })).rejects.toThrow();
    expect(net.sent).toHaveLength(0);
  });
});
