// Bodies and queries of the slot endpoints.
import * as v from 'valibot';
import { appointmentTypes } from '../config/appointments';
import { teamIds } from '../config/teams';

export const appointmentType = v.picklist(appointmentTypes, 'type must be achterom, video or telefoon');
const localDate = v.pipe(v.string('date must be a string'), v.isoDate('date must be YYYY-MM-DD'));
const localTime = v.pipe(v.string('time must be a string'), v.isoTime('time must be HH:MM'));
const duration = v.pipe(v.number('durationMinutes must be a number'), v.integer(), v.minValue(5, 'durationMinutes must be 5 or more'), v.maxValue(240, 'durationMinutes must be at most 240'));
const locationId = v.optional(v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,60}$/, 'locationId is not a location id')));

/** Query of the public list of free slots. */
export const FreeSlotQuery = v.strictObject(
  {
    team: v.picklist(teamIds, 'team is not a known team'),
    type: appointmentType,
    from: localDate,
    days: v.optional(v.pipe(v.string(), v.regex(/^\d{1,2}$/, 'days must be 1 to 31'), v.transform(Number), v.minValue(1, 'days must be 1 to 31'), v.maxValue(31, 'days must be 1 to 31')), '7'),
  },
  'query must have team, type, from and optionally days',
);

export const AgendaQuery = v.strictObject(
  { from: localDate, days: v.optional(v.pipe(v.string(), v.regex(/^\d{1,2}$/, 'days must be 1 to 31'), v.transform(Number), v.minValue(1), v.maxValue(31)), '7') },
  'query must have from and optionally days',
);

export const SlotPatternRequest = v.strictObject(
  {
    type: appointmentType,
    locationId,
    fromDate: localDate,
    weeks: v.pipe(v.number(), v.integer(), v.minValue(1, 'weeks must be 1 to 12'), v.maxValue(12, 'weeks must be 1 to 12')),
    weekdays: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7))), v.minLength(1, 'choose at least one weekday'), v.maxLength(7)),
    startTime: localTime,
    endTime: localTime,
    durationMinutes: duration,
  },
  'must be a weekly pattern with type, fromDate, weeks, weekdays, startTime, endTime, durationMinutes and optionally locationId',
);
export type SlotPatternRequest = v.InferOutput<typeof SlotPatternRequest>;

export const SingleSlotRequest = v.strictObject(
  { type: appointmentType, locationId, date: localDate, time: localTime, durationMinutes: duration },
  'must be a slot with type, date, time, durationMinutes and optionally locationId',
);
export type SingleSlotRequest = v.InferOutput<typeof SingleSlotRequest>;
