import { describe, expect, it } from 'vitest';
import { locationsFor } from '../../lib/config/appointments';
import { addDays } from '../../lib/time/amsterdam';
import { checkPattern, checkSingle, durationAfterTypeChange, patternRefusal, refusedField, singleRefusal, type PatternValues, type SingleValues } from './slotForms';
import { formatDateInput, todayLocal } from './slots';
import { makeSay } from './strings';

const say = makeSay({});
const locations = locationsFor('centrum-oost');
const nextYear = formatDateInput(addDays(todayLocal(), 365));

const pattern = (over: Partial<PatternValues> = {}): PatternValues => ({
  type: 'achterom',
  locationId: locations[0]!.id,
  duration: '45',
  weekdays: [3, 1],
  start: '9:00',
  end: '12.00',
  from: nextYear,
  weeks: '4',
  ...over,
});

const single = (over: Partial<SingleValues> = {}): SingleValues => ({ type: 'video', locationId: '', duration: '30', date: nextYear, time: '10', ...over });

describe('the weekly pattern form', () => {
  it('turns typed values into the API body, weekdays in order and no place for a video call', () => {
    const { errors, body } = checkPattern(say, pattern(), locations);
    expect(errors).toEqual({});
    expect(body).toMatchObject({ type: 'achterom', locationId: locations[0]!.id, weekdays: [1, 3], startTime: '09:00', endTime: '12:00', durationMinutes: 45, weeks: 4 });
    expect(checkPattern(say, pattern({ type: 'video' }), locations).body).not.toHaveProperty('locationId');
  });

  it('says what is missing, per field', () => {
    const { errors, body } = checkPattern(say, pattern({ type: '', weekdays: [], start: '', end: '', duration: '', from: '', weeks: '' }), locations);
    expect(body).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['pattern-days', 'pattern-duration', 'pattern-end', 'pattern-from', 'pattern-start', 'pattern-type', 'pattern-weeks']);
    expect(errors['pattern-days']).toBe(say('staff.pattern.daysMissing'));
  });

  it('asks for a place only at the back entrance', () => {
    expect(checkPattern(say, pattern({ locationId: '' }), locations).errors).toEqual({ 'pattern-location': say('staff.slotForm.locationMissing') });
    expect(checkPattern(say, pattern({ type: 'telefoon', locationId: '' }), locations).errors).toEqual({});
  });

  it('refuses an end before the start, and a window no appointment fits in', () => {
    expect(checkPattern(say, pattern({ end: '8:00' }), locations).errors).toEqual({ 'pattern-end': say('staff.pattern.endBeforeStart') });
    expect(checkPattern(say, pattern({ end: '9:30' }), locations).errors).toEqual({ 'pattern-end': say('staff.pattern.noneFits', { start: '09:00', end: '09:30', minutes: 45 }) });
  });

  it('refuses a start in the past and more slots than the API takes at once', () => {
    expect(checkPattern(say, pattern({ from: formatDateInput(addDays(todayLocal(), -1)) }), locations).errors).toEqual({ 'pattern-from': say('staff.pattern.fromPast') });
    const many = checkPattern(say, pattern({ weekdays: [1, 2], start: '0:00', end: '23:55', duration: '5', weeks: '1' }), locations);
    expect(Object.keys(many.errors)).toEqual(['pattern-weeks']);
  });

  it('maps a refusal to the field it is about', () => {
    expect(patternRefusal(say, 'endTime: must be after startTime', undefined)).toEqual({ 'pattern-end': say('staff.pattern.endBeforeStart') });
    expect(patternRefusal(say, undefined, [{ path: 'weekdays.0' }])).toEqual({ 'pattern-days': say('staff.pattern.daysMissing') });
    expect(patternRefusal(say, 'at most 500 slots', undefined)).toEqual({ 'pattern-weeks': say('staff.pattern.tooManyServer', { max: 500 }) });
    expect(patternRefusal(say, 'something else', undefined)).toEqual({ 'pattern-type': say('staff.slotForm.refused') });
  });
});

describe('the one-slot form', () => {
  it('turns typed values into the API body', () => {
    expect(checkSingle(say, single(), locations)).toEqual({ errors: {}, body: { type: 'video', date: addDays(todayLocal(), 365), time: '10:00', durationMinutes: 30 } });
  });

  it('says what is missing or impossible', () => {
    expect(Object.keys(checkSingle(say, single({ date: '', time: '', duration: '' }), locations).errors).sort()).toEqual(['single-date', 'single-duration', 'single-time']);
    expect(checkSingle(say, single({ duration: '500' }), locations).errors).toEqual({ 'single-duration': say('staff.slotForm.durationInvalid') });
    expect(checkSingle(say, single({ date: '31-2-2030' }), locations).errors['single-date']).toBeDefined();
  });

  it('catches a time that does not exist when the clocks go forward', () => {
    const errors = checkSingle(say, single({ date: '29-3-2099', time: '2:30' }), locations, Date.parse('2099-01-01T00:00:00Z')).errors;
    expect(Object.keys(errors)).toEqual(['single-time']);
  });

  it('maps a refusal to the field it is about', () => {
    const when = { day: 'maandag', time: '10:00' };
    expect(singleRefusal(say, 'time: this local time does not exist', undefined, when)).toEqual({ 'single-time': say('staff.single.timeDoesNotExist', when) });
    expect(singleRefusal(say, undefined, [{ path: 'durationMinutes' }], when)).toEqual({ 'single-duration': say('staff.slotForm.durationInvalid') });
    expect(singleRefusal(say, 'nonsense', undefined, when)).toEqual({ 'single-type': say('staff.slotForm.refused') });
  });
});

describe('small rules of both forms', () => {
  it('lets the duration follow the kind until it is typed over', () => {
    expect(durationAfterTypeChange('45', '45', '30')).toBe('30');
    expect(durationAfterTypeChange(' ', '45', '30')).toBe('30');
    expect(durationAfterTypeChange('50', '45', '30')).toBe('50');
  });

  it('reads the field of a refusal from the issues first, then the message', () => {
    expect(refusedField('time: bad', [{ path: 'date.day' }])).toBe('date');
    expect(refusedField('time: bad', undefined)).toBe('time');
    expect(refusedField('bad', [])).toBeNull();
  });
});
