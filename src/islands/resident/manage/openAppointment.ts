// What "Mijn afspraak" reads from POST /api/mailbox/open and decrypts in the browser: the
// appointment (in the clear: the team must know when), the resident's details and the
// team's messages (sealed with the case key).
import * as v from 'valibot';
import { AppointmentPayload } from '../../../lib/schemas/appointmentPayload';
import { openCasePayload } from '../../../lib/crypto/caseEnvelope';
import type { FoundCase } from '../../shared/caseLookup';
import { openResidentMessages, type OpenedMessage } from '../../shared/residentMessages';
import { Slot } from '../booking/api';
import { SealedCaseJson, SealedMessageJson } from '../mailboxResponse';
import type { ManageAppointmentStrings } from '../bookingStrings';

export type StringKey = keyof ManageAppointmentStrings;

/** The parts of POST /api/mailbox/open this page needs. Loose: the API may add fields. */
export const OpenResponse = v.object({
  case: SealedCaseJson,
  appointment: v.nullable(Slot),
  messages: v.optional(v.array(SealedMessageJson), []),
});

export interface OpenedAppointment {
  teamId: string;
  appointment: Slot | null;
  /** Messages on this case, decrypted here: the team's word when it moved or cancelled. */
  messages: OpenedMessage[];
  /** What the resident filled in, decrypted here; null when it does not open. */
  details: AppointmentPayload | null;
}

/** A question's code opens nothing here: the page points to Mijn vraag. */
export type AppointmentLookup = { kind: 'question' } | { kind: 'appointment'; mailboxId: string; opened: OpenedAppointment };

export function openAppointment({ sodium, mailboxId, caseKey, body }: FoundCase<v.InferOutput<typeof OpenResponse>>): AppointmentLookup {
  if (body.case.kind !== 'appointment') return { kind: 'question' };
  let details: AppointmentPayload | null = null;
  // The resident never receives the sealed key; it is not needed to open with the case key.
  const opened = openCasePayload(sodium, body.case, caseKey);
  if (opened.ok) {
    const payload = v.safeParse(AppointmentPayload, opened.value);
    if (payload.success) details = payload.output;
  }
  const messages = openResidentMessages(sodium, caseKey, body.case.id, body.messages);
  return { kind: 'appointment', mailboxId, opened: { teamId: body.case.teamId, appointment: body.appointment, details, messages } };
}
