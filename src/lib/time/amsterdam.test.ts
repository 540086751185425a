import { describe, expect, it } from 'vitest';
import { addDays, fromLocal, toLocal, weekdayOf } from './amsterdam';

describe('Amsterdam wall-clock time', () => {
  it('converts winter and summer times', () => {
    expect(fromLocal('2026-01-15', '09:30')?.toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(fromLocal('2026-07-15', '09:30')?.toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(toLocal(new Date('2026-07-15T07:30:00Z'))).toEqual({ date: '2026-07-15', time: '09:30', weekday: 3 });
  });

  it('keeps local times on both sides of the March and October changes (2026-03-29, 2026-10-25)', () => {
    expect(fromLocal('2026-03-28', '10:00')?.toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(fromLocal('2026-03-30', '10:00')?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(fromLocal('2026-10-24', '10:00')?.toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(fromLocal('2026-10-26', '10:00')?.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('says a skipped time does not exist and picks the first of a repeated one', () => {
    expect(fromLocal('2026-03-29', '02:30')).toBeNull();
    expect(fromLocal('2026-10-25', '02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(fromLocal('2026-13-01', '10:00')).toBeNull();
    expect(fromLocal('2026-02-30', '10:00')).toBeNull();
    expect(fromLocal('2026-01-01', '9:00')).toBeNull();
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-11-25')).toBe(3);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });
});
