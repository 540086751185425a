// The booking side effect with real libsodium (the envelope is opened again with the
// team's key pair) and a stand-in for the HTTP call that answers with real Responses.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, toBase64, type Sodium } from '../../../lib/crypto/sodium';
import { openCase, type BoxKeyPair, type SealedCase } from '../../../lib/crypto/caseEnvelope';
import type { SealingTeam } from '../../../lib/crypto/caseEnvelope';
import { bookAppointment, type Attempt, type BookingBody, type BookingRequest } from './bookAppointment';
import { NO_ANSWERS, type BookingAnswers } from './bookingAnswers';
import type { Slot } from './api';

let sodium: Sodium;
let teamKeys: BoxKeyPair;
let team: SealingTeam;

beforeAll(async () => {
  sodium = await loadSodium();
  teamKeys = sodium.crypto_box_keypair();
  team = { id: 'centrum-oost', publicKey: toBase64(sodium, teamKeys.publicKey), keyId: 1 };
});

const slot = (id: string, extra: Partial<Slot> = {}): Slot => ({
  id,
  teamId: 'centrum-oost',
  type: 'achterom',
  locationId: 'centrum-achterom',
  startsAt: '2026-12-07T08:00:00.000Z',
  durationMinutes: 45,
  status: 'free',
  ...extra,
});

const ANSWERS: BookingAnswers = { ...NO_ANSWERS, neighbourhood: 'oost', appointmentType: 'achterom', name: 'Sam', about: 'Een brief', consent: 'handler' };

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const apiError = (status: number, code: string, extra: object = {}) => json(status, { error: { code, message: 'x' }, ...extra });

type Answer = Response | Error | 'never';

/** A stand-in API: answers each request in turn and keeps what was sent. */
function fakeApi(...answers: Answer[]) {
  const sent: { body: BookingBody; headers: Record<string, string> }[] = [];
  const proofs: string[] = [];
  return {
    sent,
    proofs,
    send: (body: BookingBody, headers: Record<string, string>, signal: AbortSignal): Promise<Response> => {
      sent.push({ body, headers });
      const answer = answers.shift() ?? new Error('no answer left');
      if (answer === 'never') return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
    solveProof: (purpose: string, teamId: string) => {
      proofs.push(`${purpose}/${teamId}`);
      return Promise.resolve({ 'x-achterom-pow': `proof-${proofs.length}` });
    },
  };
}

function request(lastAttempt: { current: Attempt | null }, chosen = slot('slot-1'), answers = ANSWERS): BookingRequest {
  return { team, slot: chosen, answers, lang: 'nl', lastAttempt };
}

function opened(envelope: SealedCase): Record<string, unknown> {
  const stored = { teamId: envelope.teamId, kind: envelope.kind, consent: envelope.consent, protocol: envelope.v, keyId: envelope.keyId, nonce: envelope.nonce, ciphertext: envelope.ciphertext, sealedKey: envelope.sealedKey };
  const result = openCase(sodium, stored, teamKeys);
  if (!result.ok) throw new Error(result.error);
  return result.value as Record<string, unknown>;
}

describe('bookAppointment', () => {
  it('seals the answers for the team, sends only ciphertext with a proof and a key, and reads the booked time', async () => {
    const api = fakeApi(json(201, { slot: slot('slot-1', { status: 'booked' }) }));
    const lastAttempt = { current: null as Attempt | null };
    let sending = 0;
    const outcome = await bookAppointment({ ...request(lastAttempt), onSending: () => sending++ }, api);

    expect(outcome).toMatchObject({ kind: 'booked', slot: { id: 'slot-1', status: 'booked' }, videoRoomId: undefined });
    expect(outcome.kind === 'booked' && outcome.code).toMatch(/^\d{16}$/);
    expect(sending).toBe(1);
    expect(api.proofs).toEqual(['booking/centrum-oost']);
    const [{ body, headers }] = api.sent as [(typeof api.sent)[number]];
    expect(headers).toEqual({ 'x-achterom-pow': 'proof-1' });
    expect(body.slotId).toBe('slot-1');
    expect(body.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(JSON.stringify(body)).not.toContain('Een brief');
    expect(body.envelope).toMatchObject({ teamId: 'centrum-oost', kind: 'appointment', consent: 'handler', keyId: 1 });
    expect(opened(body.envelope)).toMatchObject({ type: 'appointment', appointmentType: 'achterom', slotId: 'slot-1', name: 'Sam', about: 'Een brief', consent: 'handler', language: 'nl' });
    expect(lastAttempt.current).toBeNull();
  });

  it('retries after a network error with the same key and envelope, and with a fresh proof', async () => {
    const api = fakeApi(new TypeError('Failed to fetch'), json(201, {}));
    const lastAttempt = { current: null as Attempt | null };

    expect(await bookAppointment(request(lastAttempt), api)).toEqual({ kind: 'failed' });
    const kept = lastAttempt.current;
    expect(kept).not.toBeNull();
    const again = await bookAppointment(request(lastAttempt), api);

    const [first, second] = api.sent as [(typeof api.sent)[number], (typeof api.sent)[number]];
    expect(second.body).toEqual(first.body);
    expect(second.body.idempotencyKey).toBe(kept!.idempotencyKey);
    expect([first.headers, second.headers]).toEqual([{ 'x-achterom-pow': 'proof-1' }, { 'x-achterom-pow': 'proof-2' }]);
    // The answer had no slot: the confirmation shows the time that was sent.
    expect(again).toEqual({ kind: 'booked', code: kept!.code, slot: slot('slot-1'), videoRoomId: undefined });
  });

  it('makes a new attempt for another time, and after the form let go of the last one', async () => {
    const api = fakeApi(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'), new TypeError('Failed to fetch'));
    const lastAttempt = { current: null as Attempt | null };
    await bookAppointment(request(lastAttempt), api);
    const first = lastAttempt.current!;
    await bookAppointment(request(lastAttempt, slot('slot-2')), api);
    const second = lastAttempt.current!;
    lastAttempt.current = null; // an answer changed
    await bookAppointment(request(lastAttempt, slot('slot-2')), api);

    const bodies = api.sent.map((s) => s.body);
    expect(bodies.map((b) => b.slotId)).toEqual(['slot-1', 'slot-2', 'slot-2']);
    expect(new Set(bodies.map((b) => b.idempotencyKey)).size).toBe(3);
    expect(new Set(bodies.map((b) => b.envelope.mailboxId)).size).toBe(3);
    expect(second.code).not.toBe(first.code);
    expect(opened(bodies[1]!.envelope)).toMatchObject({ slotId: 'slot-2' });
  });

  it('offers the nearest free times when the time was taken, without the one just tried', async () => {
    const alternatives = [slot('slot-1'), slot('slot-3', { startsAt: '2026-12-08T08:00:00.000Z' }), slot('slot-2'), slot('other-team', { teamId: 'centraal' })];
    const api = fakeApi(apiError(409, 'slot_taken', { alternatives }));
    const lastAttempt = { current: null as Attempt | null };
    const outcome = await bookAppointment(request(lastAttempt), api);
    expect(outcome).toEqual({ kind: 'taken', alternatives: [slot('slot-2'), slot('slot-3', { startsAt: '2026-12-08T08:00:00.000Z' })] });
    expect(lastAttempt.current).toBeNull();
  });

  it.each([
    { label: '409 mailbox_taken', answer: () => apiError(409, 'mailbox_taken'), outcome: 'failed', keeps: false },
    { label: '503 team_busy', answer: () => apiError(503, 'team_busy'), outcome: 'teamBusy', keeps: true },
    { label: '404', answer: () => apiError(404, 'slot_not_found'), outcome: 'slotGone', keeps: false },
    { label: '429', answer: () => apiError(429, 'rate_limited'), outcome: 'rateLimited', keeps: true },
    { label: '500', answer: () => apiError(500, 'internal'), outcome: 'failed', keeps: true },
    { label: '502 without JSON', answer: () => new Response('Bad gateway', { status: 502 }), outcome: 'failed', keeps: true },
    { label: '400 pow_invalid', answer: () => apiError(400, 'pow_invalid'), outcome: 'failed', keeps: true },
    { label: '400', answer: () => apiError(400, 'invalid_request'), outcome: 'failed', keeps: false },
  ])('$label: $outcome; keeps the attempt for a retry: $keeps', async ({ answer, outcome, keeps }) => {
    const api = fakeApi(answer());
    const lastAttempt = { current: null as Attempt | null };
    expect(await bookAppointment(request(lastAttempt), api)).toEqual({ kind: outcome });
    expect(lastAttempt.current !== null).toBe(keeps);
  });

  it('asks once for a costlier proof when the team became busy (428), and sends the same body again', async () => {
    const api = fakeApi(apiError(428, 'pow_more'), json(201, {}));
    const outcome = await bookAppointment(request({ current: null }), api);
    expect(outcome.kind).toBe('booked');
    expect(api.proofs).toEqual(['booking/centrum-oost', 'booking/centrum-oost']);
    expect(api.sent.map((s) => s.headers)).toEqual([{ 'x-achterom-pow': 'proof-1' }, { 'x-achterom-pow': 'proof-2' }]);
    expect(api.sent[1]!.body).toEqual(api.sent[0]!.body);
  });

  it('ends a request that never answers, keeping the attempt for a retry', async () => {
    const api = fakeApi(new TypeError('Failed to fetch'), 'never');
    const lastAttempt = { current: null as Attempt | null };
    await bookAppointment(request(lastAttempt), api);
    const kept = lastAttempt.current;
    expect(await bookAppointment(request(lastAttempt), { ...api, deadlineMs: 200 })).toEqual({ kind: 'timeout' });
    expect(lastAttempt.current).toBe(kept);
  });

  it('sends nothing when the details do not pass the schema', async () => {
    const api = fakeApi();
    const lastAttempt = { current: null as Attempt | null };
    const outcome = await bookAppointment(request(lastAttempt, slot('slot-1'), { ...ANSWERS, interpreter: true, interpreterLanguage: '' }), api);
    expect(outcome).toEqual({ kind: 'invalid' });
    expect(api.sent).toEqual([]);
    expect(lastAttempt.current).toBeNull();
  });

  it('makes a video room id for a video call, inside the envelope only', async () => {
    const api = fakeApi(json(201, {}));
    const video = slot('slot-v', { type: 'video', locationId: null });
    const outcome = await bookAppointment(request({ current: null }, video, { ...ANSWERS, appointmentType: 'video' }), api);
    expect(outcome.kind === 'booked' && outcome.videoRoomId).toMatch(/^[0-9a-f]{32}$/);
    const roomId = outcome.kind === 'booked' ? outcome.videoRoomId : '';
    expect(opened(api.sent[0]!.body.envelope)).toMatchObject({ appointmentType: 'video', videoRoomId: roomId });
    expect(JSON.stringify(api.sent[0]!.body)).not.toContain(roomId);
  });
});
