// Staff cancel or move a resident's booking, with a message the resident reads with the
// code, on a real local D1: atomic against a time taken in the meantime, signed and
// audited, and refused to whoever may not open the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { appointmentEnvelope, idempotencyKey } from '../../../tests/helpers/booking';
import { postWithPow } from '../../../tests/helpers/pow';
import { openMailbox } from '../../../tests/helpers/resident';
import { staffClient, type Session } from '../../../tests/helpers/staffConsole';
import { deriveCaseKeys } from '../../../src/lib/crypto/deriveCaseKeys';
import { openMessage, sealMessage } from '../../../src/lib/crypto/caseMessages';
import { toBase64 } from '../../../src/lib/crypto/sodium';
import { actionDetail } from '../../../src/lib/audit/auditRecord';
import { MessagePayload } from '../../../src/lib/schemas/messagePayload';

let d1: LocalD1;
let sodium: Sodium;
let lead: Session;
let intake: Session;
const app = createApp({ purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
const slotIds: string[] = [];

interface MailboxBody {
  appointment: { id: string } | null;
  messages: { seq: number; direction: 'resident' | 'staff'; nonce: string; ciphertext: string }[];
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
  [lead, intake] = await Promise.all([signIn(request, 'teamlead.centrum'), signIn(request, 'intake.centrum')]);
  for (const time of ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']) {
    const res = await staffClient(request, lead).post('/api/staff/slots', { type: 'video', date: day, time, durationMinutes: 30 });
    expect(res.status).toBe(201);
  }
  const agenda = await staffClient(request, lead).get<{ slots: { id: string; startsAt: string }[] }>(`/api/staff/slots?from=${day}&days=1`);
  slotIds.push(...agenda.slots.filter((s) => s.startsAt.startsWith(day)).map((s) => s.id));
  expect(slotIds).toHaveLength(6);
});
afterAll(() => d1?.dispose());

async function book(slotId: string) {
  const { code, envelope } = appointmentEnvelope(sodium);
  const res = await postWithPow(request, '/api/appointments', 'booking', { envelope, slotId, idempotencyKey: idempotencyKey(sodium) });
  expect(res.status).toBe(201);
  const keys = deriveCaseKeys(sodium, code);
  return { caseId: ((await res.json()) as { caseId: string }).caseId, mailboxId: toBase64(sodium, keys.mailboxId), caseKey: keys.caseKey };
}

/** What the console sends: a message under the case key, and the member's signature over both. */
async function staffChange(session: Session, caseId: string, action: 'cancel' | 'move', text: string, target?: string) {
  const console = staffClient(request, session);
  const opened = await console.open(caseId);
  const caseKey = opened.caseKey.ok ? opened.caseKey.key : sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
  const seq = (opened.detail.messages ?? []).length + 1;
  const message = sealMessage(sodium, caseKey, { caseId, direction: 'staff', seq }, JSON.stringify({ text, sentAt: new Date().toISOString() }));
  const detail = await actionDetail.appointment(target ?? 'none', seq, message.nonce, message.ciphertext);
  const signed = session.sign!({ action: `appointment.${action}`, caseId, subjectId: target ?? null, detail });
  return console.post(`/api/staff/cases/${caseId}/appointment/${action}`, { ...(target ? { slotId: target } : {}), message: { seq, ...message }, signed });
}

async function residentSees(booking: Awaited<ReturnType<typeof book>>) {
  const body = (await (await openMailbox(request, booking.mailboxId)).json()) as MailboxBody;
  const texts = body.messages.map((m) => {
    const opened = openMessage(sodium, booking.caseKey, { caseId: booking.caseId, direction: m.direction, seq: m.seq }, m);
    return opened.ok ? v.parse(MessagePayload, opened.value).text : null;
  });
  return { slot: body.appointment?.id ?? null, texts };
}

const slotOf = async (id: string) => d1.env.DB.prepare('SELECT status, case_id FROM slots WHERE id = ?').bind(id).first<{ status: string; case_id: string | null }>();
const auditRows = async (caseId: string, action: string) =>
  (await d1.env.DB.prepare('SELECT subject_id, signature FROM audit_log WHERE case_id = ? AND action = ?').bind(caseId, action).all<{ subject_id: string | null; signature: string | null }>()).results;

describe('staff move a booking', () => {
  it('moves it to another free time with a message the resident reads with the code', async () => {
    const booking = await book(slotIds[0]!);
    const res = await staffChange(intake, booking.caseId, 'move', 'De medewerker is ziek; wij hebben uw afspraak een half uur later gezet.', slotIds[1]);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await slotOf(slotIds[0]!)).toEqual({ status: 'free', case_id: null });
    expect(await slotOf(slotIds[1]!)).toEqual({ status: 'booked', case_id: booking.caseId });
    expect(await residentSees(booking)).toEqual({ slot: slotIds[1], texts: ['De medewerker is ziek; wij hebben uw afspraak een half uur later gezet.'] });
    const rows = await auditRows(booking.caseId, 'appointment.move');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject_id).toBe(slotIds[1]);
    expect(rows[0]!.signature).toBeTruthy();
  });

  it('changes nothing when the new time was taken in the meantime: no move, no message, no audit row', async () => {
    const booking = await book(slotIds[2]!);
    const other = await book(slotIds[3]!);
    const res = await staffChange(intake, booking.caseId, 'move', 'Naar een tijd die net weg is', slotIds[3]);
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { code: string }; alternatives: { id: string }[] };
    expect(body.error.code).toBe('slot_taken');
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(await slotOf(slotIds[2]!)).toEqual({ status: 'booked', case_id: booking.caseId });
    expect(await slotOf(slotIds[3]!)).toEqual({ status: 'booked', case_id: other.caseId });
    expect(await residentSees(booking)).toEqual({ slot: slotIds[2], texts: [] });
    expect(await auditRows(booking.caseId, 'appointment.move')).toEqual([]);
  });
});

describe('staff cancel a booking', () => {
  it('frees the time and leaves the resident a message; a second cancel finds nothing to cancel', async () => {
    const booking = await book(slotIds[4]!);
    const res = await staffChange(intake, booking.caseId, 'cancel', 'Wij moeten de afspraak afzeggen. Wij bellen u voor een nieuwe tijd.');
    expect(res.status).toBe(204);
    expect(await slotOf(slotIds[4]!)).toEqual({ status: 'free', case_id: null });
    expect(await residentSees(booking)).toEqual({ slot: null, texts: ['Wij moeten de afspraak afzeggen. Wij bellen u voor een nieuwe tijd.'] });
    expect(await auditRows(booking.caseId, 'appointment.cancel')).toHaveLength(1);
    const again = await staffChange(intake, booking.caseId, 'cancel', 'Nog eens');
    expect(again.status).toBe(404);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('no_appointment');
  });

  it('is refused to a team lead under "only the handler", to an unassigned case manager, to another team, and without a valid body', async () => {
    const booking = await book(slotIds[5]!);
    for (const [username, status, code] of [
      ['teamlead.centrum', 403, 'consent_handler_only'],
      ['casemanager2.centrum', 403, 'forbidden'],
      ['teamlead.nieuwland', 404, 'not_found'],
    ] as const) {
      const res = await staffChange(await signIn(request, username), booking.caseId, 'cancel', 'Mag niet');
      expect(res.status, username).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code, username).toBe(code);
    }
    const bad = await staffClient(request, intake).post(`/api/staff/cases/${booking.caseId}/appointment/cancel`, { message: { seq: 1, nonce: 'x', ciphertext: 'Gewoon tekst' } });
    expect(bad.status).toBe(400);
    expect(await slotOf(slotIds[5]!)).toEqual({ status: 'booked', case_id: booking.caseId });
  });
});
