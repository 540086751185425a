import { describe, expect, it } from 'vitest';
import { loadSummary, moved, rangeLabel, rangeOf, switchedView, weekOf } from './agendaPosition';
import type { AgendaSlot } from './slots';
import { makeSay } from './strings';

const say = makeSay({});

describe('where an agenda stands', () => {
  it('covers one day, or the week from its Monday', () => {
    expect(rangeOf({ view: 'day', date: '2026-11-26' })).toEqual({ from: '2026-11-26', days: 1 });
    expect(rangeOf({ view: 'week', date: '2026-11-26' })).toEqual({ from: '2026-11-23', days: 7 });
    expect(weekOf({ view: 'week', date: '2026-11-29' })).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('moves by a day, or by a week to the next Monday', () => {
    expect(moved({ view: 'day', date: '2026-12-31' }, 1)).toEqual({ view: 'day', date: '2027-01-01' });
    expect(moved({ view: 'week', date: '2026-11-26' }, -1)).toEqual({ view: 'week', date: '2026-11-16' });
  });

  it('opens today when going from its week to a day, else the day the week came from', () => {
    expect(switchedView({ view: 'week', date: '2026-11-23' }, 'day', '2026-11-26')).toEqual({ view: 'day', date: '2026-11-26' });
    expect(switchedView({ view: 'week', date: '2026-11-23' }, 'day', '2026-12-10')).toEqual({ view: 'day', date: '2026-11-23' });
    expect(switchedView({ view: 'day', date: '2026-11-23' }, 'week', '2026-11-23')).toEqual({ view: 'week', date: '2026-11-23' });
  });

  it('reads out the range and what it holds', () => {
    const slot = (status: AgendaSlot['status']): AgendaSlot => ({ id: status, teamId: 't', type: 'video', locationId: null, startsAt: '2026-11-23T08:00:00Z', durationMinutes: 30, status, caseId: null });
    const week = { view: 'week', date: '2026-11-25' } as const;
    expect(rangeLabel(say, week)).toMatch(/^Week van 23 \S+ tot en met 29 \S+ 2026$/);
    expect(rangeLabel(say, { view: 'day', date: '2026-11-25' })).toMatch(/^Woensdag 25 november 2026$/);
    expect(loadSummary(say, week, [])).toEqual({ range: rangeLabel(say, week), text: say('staff.agenda.summaryNone') });
    expect(loadSummary(say, week, [slot('booked'), slot('free'), slot('free')]).text).toBe(say('staff.agenda.summary', { count: 3, booked: 1, free: 2, blocked: 0 }));
  });
});
