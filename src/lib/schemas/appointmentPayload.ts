import * as v from 'valibot';
import { language } from './language';
import { appointmentTypes } from '../config/appointments';
import { Consent } from './questionPayload';

const optionalText = (max: number, key: string) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, key)));

/** What a resident's booking contains once decrypted. Nothing here reaches the server in the clear. */
export const AppointmentPayload = v.strictObject({
  type: v.literal('appointment'),
  appointmentType: v.picklist(appointmentTypes, 'appointmentType'),
  slotId: v.string(),
  startsAt: v.pipe(v.string(), v.isoTimestamp()),
  durationMinutes: v.number(),
  locationId: v.optional(v.string()),
  /** A first name or alias, if the resident wants to give one. */
  name: optionalText(80, 'name.tooLong'),
  phone: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^\+?[0-9][0-9 \-()]{7,18}[0-9]$/, 'phone'))),
  about: optionalText(2000, 'about.tooLong'),
  interpreter: v.variant('needed', [
    v.strictObject({ needed: v.literal(false) }),
    v.strictObject({ needed: v.literal(true), language: v.pipe(v.string(), v.trim(), v.minLength(2, 'interpreter.language'), v.maxLength(60, 'interpreter.language')) }),
  ]),
  /** 128-bit random room id for video calls, made in the resident's browser. */
  videoRoomId: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'videoRoomId'))),
  consent: Consent,
  submittedAt: v.pipe(v.string(), v.isoTimestamp()),
  language,
});
export type AppointmentPayload = v.InferOutput<typeof AppointmentPayload>;
