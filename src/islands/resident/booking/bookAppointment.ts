// Books an appointment: the proof of work, libsodium, the case sealed in the browser,
// the POST with its idempotency key, and what the API's answer means for the form.
// Only ciphertext and the slot id leave the browser. A plain module: the island calls
// it, and its unit test runs it with real libsodium and its own HTTP call.
import * as v from 'valibot';
import { loadSodium } from '../../../lib/crypto/sodium';
import { generateCaseCode } from '../../../lib/crypto/caseCode';
import { sealCaseForTeam, type SealedCase, type SealingTeam } from '../../../lib/crypto/caseEnvelope';
import { proofHeaders } from '../../../lib/pow/proofHeaders';
import type { PowPurpose } from '../../../lib/pow/powPurpose';
import { AppointmentPayload } from '../../../lib/schemas/appointmentPayload';
import type { Lang } from '../../../lib/i18n';
import { DeadlineError, RESIDENT_DEADLINE_MS, withDeadline } from '../../shared/withDeadline';
import { isTeamBusy, sendWithProof } from '../../shared/sendWithProof';
import { alternativesOf, errorCodeOf, postJson, Slot } from './api';
import { appointmentPayload, type BookingAnswers } from './bookingAnswers';

/** One booking attempt: kept after a network error so a retry sends the very same request. */
export interface Attempt {
  code: string;
  envelope: SealedCase;
  slot: Slot;
  idempotencyKey: string;
  videoRoomId: string | undefined;
}

/** The body of POST /api/appointments. */
export interface BookingBody {
  envelope: SealedCase;
  slotId: string;
  idempotencyKey: string;
}

export type BookingOutcome =
  | { kind: 'booked'; code: string; slot: Slot; videoRoomId: string | undefined }
  /** Someone else was first: the nearest free times of the same team and type. */
  | { kind: 'taken'; alternatives: Slot[] }
  /** The time does not exist any more. */
  | { kind: 'slotGone' }
  /** The details do not pass the schema (cannot happen after the details step). */
  | { kind: 'invalid' }
  /** The team takes no more online requests for now. */
  | { kind: 'teamBusy' }
  | { kind: 'rateLimited' }
  | { kind: 'failed' }
  | { kind: 'timeout' };

export interface BookingRequest {
  team: SealingTeam;
  slot: Slot;
  answers: BookingAnswers;
  lang: Lang;
  /** The attempt a retry sends again. This module fills and empties it; the form empties it when an answer changes. */
  lastAttempt: { current: Attempt | null };
  /** Awaited first, within the deadline: the island lets the browser paint its progress text before the heavy work. */
  beforeWork?: () => Promise<void>;
  /** Sealed: the request goes out now. */
  onSending?: () => void;
}

type Headers = Record<string, string>;

export interface BookingTransport {
  send: (body: BookingBody, headers: Headers, signal: AbortSignal) => Promise<Response>;
  solveProof: (purpose: PowPurpose, team: string) => Promise<Headers>;
  deadlineMs: number;
}

const throughApi: BookingTransport = {
  send: (body, headers, signal) => postJson('/api/appointments', body, headers, signal),
  solveProof: proofHeaders,
  deadlineMs: RESIDENT_DEADLINE_MS,
};

export async function bookAppointment(request: BookingRequest, transport: Partial<BookingTransport> = {}): Promise<BookingOutcome> {
  const use = { ...throughApi, ...transport };
  try {
    return await withDeadline((signal) => sealAndSend(request, use, signal), use.deadlineMs);
  } catch (err) {
    return { kind: err instanceof DeadlineError ? 'timeout' : 'failed' };
  }
}

async function sealAndSend(request: BookingRequest, { send, solveProof }: BookingTransport, signal: AbortSignal): Promise<BookingOutcome> {
  const { team, slot, lastAttempt } = request;
  await request.beforeWork?.();
  // The proof of work (a brake on floods) runs while libsodium loads and seals. A
  // solution is spent once, so every request (a retry too) gets a fresh one.
  const proof = solveProof('booking', team.id);
  proof.catch(() => undefined);
  let attempt = lastAttempt.current;
  if (!attempt || attempt.slot.id !== slot.id) {
    attempt = await newAttempt(request);
    if (!attempt) return { kind: 'invalid' };
    lastAttempt.current = attempt;
  }
  signal.throwIfAborted();
  request.onSending?.();
  const body: BookingBody = { envelope: attempt.envelope, slotId: attempt.slot.id, idempotencyKey: attempt.idempotencyKey };
  let response: Response;
  try {
    response = await sendWithProof('booking', team.id, proof, (headers) => send(body, headers, signal), solveProof);
  } catch {
    // Network error or out of time: the booking may or may not have arrived. Keep the
    // attempt, so a retry with the same idempotency key gets the same answer and code.
    return { kind: signal.aborted ? 'timeout' : 'failed' };
  }
  return outcomeOf(response, attempt, request);
}

/** Seals the answers for the chosen time under a new code; null when they do not pass the schema. */
async function newAttempt({ team, slot, answers, lang }: BookingRequest): Promise<Attempt | null> {
  const sodium = await loadSodium();
  const videoRoomId = answers.appointmentType === 'video' ? sodium.to_hex(sodium.randombytes_buf(16)) : undefined;
  const result = v.safeParse(AppointmentPayload, appointmentPayload(answers, slot, videoRoomId, lang));
  if (!result.success) return null;
  const code = generateCaseCode(sodium);
  const envelope = sealCaseForTeam(sodium, team, {
    code,
    kind: 'appointment',
    consent: result.output.consent,
    payloadJson: JSON.stringify(result.output),
  });
  const idempotencyKey = sodium.to_base64(sodium.randombytes_buf(18), sodium.base64_variants.URLSAFE_NO_PADDING);
  return { code, envelope, slot, idempotencyKey, videoRoomId };
}

/** What the answer means, and whether a retry may send the same attempt again. */
async function outcomeOf(response: Response, attempt: Attempt, { team, lastAttempt }: BookingRequest): Promise<BookingOutcome> {
  if (response.status === 201) {
    const booked = v.safeParse(v.object({ slot: Slot }), await response.json().catch(() => null));
    lastAttempt.current = null;
    const slot = booked.success && booked.output.slot.id === attempt.slot.id ? booked.output.slot : attempt.slot;
    return { kind: 'booked', code: attempt.code, slot, videoRoomId: attempt.videoRoomId };
  }
  if (response.status === 409) {
    const { code, alternatives } = await alternativesOf(response, team.id, attempt.slot.type);
    lastAttempt.current = null;
    if (code === 'slot_taken') return { kind: 'taken', alternatives: alternatives.filter((a) => a.id !== attempt.slot.id) };
    // A code that happens to exist already: the next press makes a new one.
    return { kind: 'failed' };
  }
  // Nothing was booked; the form keeps what was typed, and this keeps the attempt, for a try later.
  if (await isTeamBusy(response)) return { kind: 'teamBusy' };
  if (response.status === 404) {
    lastAttempt.current = null;
    return { kind: 'slotGone' };
  }
  // 5xx may have booked, and a refused proof of work or a rate limit stopped the
  // request before the booking: keep the attempt, so a retry finds an earlier success.
  // Any other 4xx refused this booking: the next press starts afresh.
  const errorCode = await errorCodeOf(response);
  if (response.status < 500 && response.status !== 429 && !errorCode.startsWith('pow_')) lastAttempt.current = null;
  return { kind: response.status === 429 ? 'rateLimited' : 'failed' };
}
