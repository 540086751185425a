// What the resident has answered so far, and what follows from it: the payload that is
// sealed, the errors a step shows in the resident's language, and the first step that
// still needs an answer. Plain functions, no Preact, so the booking module can use them.
import * as v from 'valibot';
import { AppointmentPayload } from '../../../lib/schemas/appointmentPayload';
import { teamForNeighbourhood } from '../../../lib/config/teams';
import { appointmentsFor, type AppointmentType } from '../../../lib/config/appointments';
import type { Lang } from '../../../lib/i18n';
import type { ConsentChoiceValue } from '../../shared/ConsentChoice';
import { errorsFromIssues, type FieldErrors } from '../../shared/formErrors';
import type { BookingFlowStrings } from '../bookingStrings';
import type { Slot } from './api';
import type { Step } from './useBookingSteps';

export interface BookingAnswers {
  neighbourhood: string;
  appointmentType: AppointmentType | '';
  slot: Slot | null;
  name: string;
  phone: string;
  about: string;
  interpreter: boolean;
  interpreterLanguage: string;
  consent: ConsentChoiceValue | '';
}

export const NO_ANSWERS: BookingAnswers = {
  neighbourhood: '',
  appointmentType: '',
  slot: null,
  name: '',
  phone: '',
  about: '',
  interpreter: false,
  interpreterLanguage: '',
  consent: '',
};

export type BookingField = 'neighbourhood' | 'type' | 'slot' | 'taken' | 'name' | 'phone' | 'about' | 'interpreterLanguage' | 'consent';
export type BookingErrors = FieldErrors<BookingField>;

/** The order the fields stand on the pages, for the error summary. */
export const FIELD_ORDER: readonly BookingField[] = ['neighbourhood', 'type', 'slot', 'taken', 'name', 'phone', 'about', 'interpreterLanguage', 'consent'];

type StringKey = keyof BookingFlowStrings;

/** Schema issue messages are keys; this maps them to translated strings. */
const ISSUE_MESSAGES: Record<string, StringKey> = {
  'name.tooLong': 'booking.error.name.tooLong',
  phone: 'form.error.contact.phone',
  'about.tooLong': 'booking.error.about.tooLong',
  'interpreter.language': 'booking.error.interpreter.language',
  consent: 'booking.error.consent',
};

const PATH_FIELDS: Record<string, BookingField> = {
  name: 'name',
  phone: 'phone',
  about: 'about',
  'interpreter.language': 'interpreterLanguage',
  interpreter: 'interpreterLanguage',
  consent: 'consent',
};

/** The kinds of appointment the team of a neighbourhood offers (none before a choice). */
export function offeredTypes(neighbourhood: string): readonly AppointmentType[] {
  const team = teamForNeighbourhood(neighbourhood);
  return team ? (appointmentsFor(team.id)?.types ?? []) : [];
}

/** Another neighbourhood: another team has its own times (and perhaps types). The rest stays. */
export function withNeighbourhood(answers: BookingAnswers, neighbourhood: string): BookingAnswers {
  if (teamForNeighbourhood(answers.neighbourhood)?.id === teamForNeighbourhood(neighbourhood)?.id) return { ...answers, neighbourhood };
  const { appointmentType } = answers;
  const keepsType = appointmentType === '' || offeredTypes(neighbourhood).includes(appointmentType);
  return { ...answers, neighbourhood, slot: null, appointmentType: keepsType ? appointmentType : '' };
}

/** Another kind of appointment has other times: the chosen one goes. */
export function withType(answers: BookingAnswers, appointmentType: AppointmentType): BookingAnswers {
  return { ...answers, appointmentType, slot: appointmentType === answers.appointmentType ? answers.slot : null };
}

/** The payload as the schema checks it and the envelope holds it. */
export function appointmentPayload(answers: BookingAnswers, slot: Slot, videoRoomId: string | undefined, lang: Lang) {
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  return {
    type: 'appointment',
    appointmentType: answers.appointmentType,
    slotId: slot.id,
    startsAt: slot.startsAt,
    durationMinutes: slot.durationMinutes,
    locationId: slot.locationId ?? undefined,
    name: optional(answers.name),
    phone: optional(answers.phone),
    about: optional(answers.about),
    interpreter: answers.interpreter ? { needed: true, language: answers.interpreterLanguage } : { needed: false },
    videoRoomId,
    consent: answers.consent === '' ? undefined : answers.consent,
    submittedAt: new Date().toISOString(),
    language: lang,
  };
}

/** The details step's errors: the shared schema's, and a phone call needs a number. */
export function detailErrors(answers: BookingAnswers, s: BookingFlowStrings, lang: Lang): BookingErrors {
  if (!answers.slot) return {};
  const result = v.safeParse(AppointmentPayload, appointmentPayload(answers, answers.slot, undefined, lang));
  const errors: BookingErrors = result.success
    ? {}
    : errorsFromIssues<BookingField>(result.issues, {
        fieldOf: (path) => PATH_FIELDS[path],
        messageOf: (field, key) => s[ISSUE_MESSAGES[key] ?? (field === 'interpreterLanguage' ? 'booking.error.interpreter.language' : 'form.error.generic')],
      });
  if (answers.appointmentType === 'telefoon' && answers.phone.trim() === '') errors.phone = s['booking.error.phone.required'];
  return errors;
}

/** What keeps a step from going on; empty when its answer is there. */
export function stepErrors(step: Exclude<Step, 'check'>, answers: BookingAnswers, s: BookingFlowStrings, lang: Lang): BookingErrors {
  const { neighbourhood, appointmentType, slot } = answers;
  if (step === 'neighbourhood') return teamForNeighbourhood(neighbourhood) ? {} : { neighbourhood: s['form.error.neighbourhood'] };
  if (step === 'type') return appointmentType && offeredTypes(neighbourhood).includes(appointmentType) ? {} : { type: s['booking.error.type'] };
  if (step === 'slot') return slot ? {} : { slot: s['booking.error.slot'] };
  return detailErrors(answers, s, lang);
}

/** The first step that still needs an answer, or null when everything is there. */
export function firstIncomplete(answers: BookingAnswers): Step | null {
  const { neighbourhood, appointmentType, slot, consent, phone } = answers;
  const team = teamForNeighbourhood(neighbourhood);
  if (!team) return 'neighbourhood';
  if (!appointmentType || !offeredTypes(neighbourhood).includes(appointmentType)) return 'type';
  if (!slot || slot.teamId !== team.id || slot.type !== appointmentType) return 'slot';
  if (!consent || (appointmentType === 'telefoon' && !phone.trim())) return 'details';
  return null;
}
