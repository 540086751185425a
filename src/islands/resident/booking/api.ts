// The booking endpoints as the resident's browser sees them. The API is untrusted for
// content: answers are checked with valibot before anything is shown. Every request goes
// without cookies, cache or referrer, so it leaves no trace in the browser.
import * as v from 'valibot';
import { appointmentTypes, type AppointmentType } from '../../../lib/config/appointments';

/** A slot as GET /api/slots, POST /api/appointments and the mailbox return it. */
export const Slot = v.object({
  id: v.string(),
  teamId: v.string(),
  type: v.picklist(appointmentTypes),
  locationId: v.nullable(v.string()),
  startsAt: v.pipe(v.string(), v.isoTimestamp()),
  durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(1)),
  status: v.string(),
});
export type Slot = v.InferOutput<typeof Slot>;

const FreeSlots = v.object({ slots: v.array(Slot), nextFree: v.nullable(Slot) });
export type FreeSlots = v.InferOutput<typeof FreeSlots>;

/** 409 of booking and rescheduling: the nearest free times of the same team and type. */
export const SlotTaken = v.object({ error: v.object({ code: v.string() }), alternatives: v.optional(v.array(Slot), []) });

// The resident pages' POST (no cookie, cache or referrer; every request ends) lives in
// shared/ now that Mijn vraag uses it too; re-exported for the booking islands.
export { postJson } from '../../shared/postJson';

/** Free times of a team for a week (7 days from `from`, a YYYY-MM-DD date). Throws when the answer is not usable. */
export async function fetchFreeSlots(teamId: string, type: AppointmentType, from: string, signal?: AbortSignal): Promise<FreeSlots> {
  const query = new URLSearchParams({ team: teamId, type, from, days: '7' });
  const init: RequestInit = { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };
  if (signal) init.signal = signal;
  const response = await fetch(`/api/slots?${query.toString()}`, init);
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  const parsed = v.safeParse(FreeSlots, await response.json());
  if (!parsed.success) throw new Error('unexpected slots answer');
  // Only what was asked for, in time order, whatever the server sent.
  const fits = (s: Slot) => s.teamId === teamId && s.type === type && s.status === 'free';
  const slots = parsed.output.slots.filter(fits).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return { slots, nextFree: parsed.output.nextFree && fits(parsed.output.nextFree) ? parsed.output.nextFree : null };
}

/** The alternatives in a 409 answer, or [] when the body is not what we expect. */
export async function alternativesOf(response: Response, teamId: string, type: AppointmentType): Promise<{ code: string; alternatives: Slot[] }> {
  try {
    const parsed = v.safeParse(SlotTaken, await response.json());
    if (!parsed.success) return { code: 'unknown', alternatives: [] };
    const alternatives = parsed.output.alternatives
      .filter((s) => s.teamId === teamId && s.type === type && s.status === 'free')
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    return { code: parsed.output.error.code, alternatives };
  } catch {
    return { code: 'unknown', alternatives: [] };
  }
}

/** The `error.code` of an API error answer, or '' when there is none. */
export async function errorCodeOf(response: Response): Promise<string> {
  try {
    const parsed = v.safeParse(v.object({ error: v.object({ code: v.string() }) }), await response.json());
    return parsed.success ? parsed.output.error.code : '';
  } catch {
    return '';
  }
}
