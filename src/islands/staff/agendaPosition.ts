// Where an agenda stands (a day or a week, in Amsterdam dates) and how it moves, plus
// the sentence read out after each load. Pure, so the console can keep a position
// while a case is open, and so the arithmetic is tested without a browser.
import { addDays } from '../../lib/time/amsterdam';
import { capitalise, formatDayLong, formatDayShort, mondayOf, todayLocal, type AgendaSlot } from './slots';
import type { Say } from './strings';

export type AgendaView = 'day' | 'week';
export interface AgendaPosition {
  view: AgendaView;
  /** Any day in the range (YYYY-MM-DD, Amsterdam); a week starts on its Monday. */
  date: string;
}

export function startPosition(view: AgendaView = 'day'): AgendaPosition {
  return { view, date: todayLocal() };
}

/** First day and number of days the position covers. */
export function rangeOf(p: AgendaPosition): { from: string; days: number } {
  return p.view === 'day' ? { from: p.date, days: 1 } : { from: mondayOf(p.date), days: 7 };
}

/** The seven days of the position's week, Monday first. */
export function weekOf(p: AgendaPosition): string[] {
  const monday = mondayOf(p.date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** One day or one week back (step -1) or on (step 1). */
export function moved(p: AgendaPosition, step: number): AgendaPosition {
  return p.view === 'day' ? { ...p, date: addDays(p.date, step) } : { ...p, date: addDays(mondayOf(p.date), step * 7) };
}

/** From a week to a day: today when today is in that week, else the day the week was reached from. */
export function switchedView(p: AgendaPosition, view: AgendaView, today: string): AgendaPosition {
  if (p.view === view) return p;
  return { view, date: view === 'day' && weekOf(p).includes(today) ? today : p.date };
}

export function rangeLabel(say: Say, p: AgendaPosition): string {
  if (p.view === 'day') return capitalise(formatDayLong(p.date));
  const from = mondayOf(p.date);
  return say('staff.agenda.weekRange', { from: formatDayShort(from), to: formatDayShort(addDays(from, 6), true) });
}

/** What a load found, read out in the live region: the range, then the counts. */
export function loadSummary(say: Say, p: AgendaPosition, slots: readonly AgendaSlot[]): { range: string; text: string } {
  const range = rangeLabel(say, p);
  if (slots.length === 0) return { range, text: say('staff.agenda.summaryNone') };
  const count = (status: AgendaSlot['status']) => slots.filter((s) => s.status === status).length;
  return {
    range,
    text: say(slots.length === 1 ? 'staff.agenda.summaryOne' : 'staff.agenda.summary', {
      count: slots.length,
      booked: count('booked'),
      free: count('free'),
      blocked: count('blocked'),
    }),
  };
}
