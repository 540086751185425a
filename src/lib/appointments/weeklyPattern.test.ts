import { describe, expect, it } from 'vitest';
import { expandWeeklyPattern } from './weeklyPattern';
import { toLocal } from '../time/amsterdam';

describe('weekly pattern', () => {
  it('makes slots on the chosen weekdays between start and end', () => {
    const slots = expandWeeklyPattern({ fromDate: '2026-11-23', weeks: 1, weekdays: [1, 3], startTime: '09:00', endTime: '10:30', durationMinutes: 30 });
    expect(slots.map((s) => `${s.date} ${s.time}`)).toEqual([
      '2026-11-23 09:00', '2026-11-23 09:30', '2026-11-23 10:00',
      '2026-11-25 09:00', '2026-11-25 09:30', '2026-11-25 10:00',
    ]);
  });

  it.each([
    ['March', '2026-03-23', '2026-03-29'],
    ['October', '2026-10-19', '2026-10-25'],
  ])('keeps local times across the last Sunday of %s', (_month, fromDate, changeDay) => {
    const slots = expandWeeklyPattern({ fromDate, weeks: 3, weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '09:45', durationMinutes: 45 });
    expect(slots).toHaveLength(21);
    for (const slot of slots) expect(toLocal(new Date(slot.startsAt))).toMatchObject({ date: slot.date, time: '09:00' });
    // The UTC hour moves by one at the change; the local time does not.
    const before = slots.find((s) => s.date < changeDay)!;
    const after = slots.find((s) => s.date > changeDay)!;
    expect(new Date(before.startsAt).getUTCHours()).not.toBe(new Date(after.startsAt).getUTCHours());
  });

  it('skips a time that does not exist when the clocks jump forward', () => {
    const slots = expandWeeklyPattern({ fromDate: '2026-03-29', weeks: 1, weekdays: [7], startTime: '02:00', endTime: '04:00', durationMinutes: 30 });
    expect(slots.map((s) => s.time)).toEqual(['03:00', '03:30']);
  });
});
