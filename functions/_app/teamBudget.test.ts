// A team's velocity budget on a real local D1: open → busy (a costlier proof of work,
// made for that team) → closed ("bel ons", Retry-After), and never more than a quarter
// of the team's next seven days of times booked in one day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { loadSodium, signIn, type Sodium } from '../../tests/helpers/sodiumNode';
import { appointmentEnvelope, idempotencyKey } from '../../tests/helpers/booking';
import { powHeaders } from '../../tests/helpers/pow';
import { staffClient } from '../../tests/helpers/staffConsole';
import { junkEnvelope } from '../../tests/helpers/junkCases';
import { DEFAULT_BUDGETS } from '../../src/lib/config/teamBudgets';
import { hourOf } from './teamBudget';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp({ purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1({ env: { TEAM_BUDGET_SCALE: '1' } }), loadSodium()]);
});
afterAll(() => d1?.dispose());

const setCount = (team: string, kind: 'case' | 'booking', n: number) =>
  d1.env.DB.prepare('INSERT INTO team_activity (team_id, kind, hour, n) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = excluded.n').bind(team, kind, hourOf(new Date()), n).run();

async function ask(team: string, proofTeam?: string) {
  const headers = { 'content-type': 'application/json', ...(await powHeaders(request, 'case', undefined, proofTeam)) };
  return request('/api/cases', { method: 'POST', headers, body: JSON.stringify(junkEnvelope(team)) });
}

describe('team budget for new questions', () => {
  it('asks a busy team for a costlier proof of work made for that team, and closes past the limit', async () => {
    const team = 'woudhoek-kethel-spaland';
    expect((await ask(team, team)).status).toBe(201);
    const challenge = async (t: string) => (await (await request(`/api/pow?purpose=case&team=${t}`)).json()) as { parameters: { data?: Record<string, string> } };
    expect((await challenge(team)).parameters.data).toEqual({ purpose: 'case' });

    await setCount(team, 'case', DEFAULT_BUDGETS.case.perHour);
    expect((await challenge(team)).parameters.data).toEqual({ purpose: 'case', level: '1', team });
    expect((await challenge('centrum-oost')).parameters.data).toEqual({ purpose: 'case' });
    const plain = await ask(team);
    expect(plain.status).toBe(428);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe('pow_more');
    expect((await ask(team, 'nieuwland-groenoord')).status).toBe(428);
    expect((await ask(team, team)).status).toBe(201);

    await setCount(team, 'case', DEFAULT_BUDGETS.case.closeAtPerHour);
    const closed = await ask(team, team);
    expect(closed.status).toBe(503);
    expect(closed.headers.get('retry-after')).toBe('3600');
    expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('team_busy');
    // Other teams are not affected.
    expect((await ask('centrum-oost', 'centrum-oost')).status).toBe(201);
  });
});

describe('team budget for bookings', () => {
  it('never lets one day of bookings take more than a quarter of the next seven days of times', async () => {
    const lead = await signIn(request, 'teamlead.nieuwland');
    const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const time of ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30']) {
      expect((await staffClient(request, lead).post('/api/staff/slots', { type: 'telefoon', date: day, time, durationMinutes: 30 })).status).toBe(201);
    }
    const { slots } = await staffClient(request, lead).get<{ slots: { id: string }[] }>(`/api/staff/slots?from=${day}&days=1`);
    const book = async (slotId: string) => {
      const headers = { 'content-type': 'application/json', ...(await powHeaders(request, 'booking', undefined, 'nieuwland-groenoord')) };
      const { envelope } = appointmentEnvelope(sodium, 'nieuwland-groenoord');
      return request('/api/appointments', { method: 'POST', headers, body: JSON.stringify({ envelope, slotId, idempotencyKey: idempotencyKey(sodium) }) });
    };
    // Eight times in the week: a quarter is two.
    expect((await book(slots[0]!.id)).status).toBe(201);
    expect((await book(slots[1]!.id)).status).toBe(201);
    const third = await book(slots[2]!.id);
    expect(third.status).toBe(503);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('team_busy');
    const counted = await d1.env.DB.prepare("SELECT SUM(n) AS n FROM team_activity WHERE team_id = 'nieuwland-groenoord' AND kind = 'booking'").first<{ n: number }>();
    expect(counted?.n).toBe(2);
  });
});

describe('bursts for the team lead', () => {
  it('lists the team’s questions and bookings per hour with the budget, for the team lead only', async () => {
    const lead = await signIn(request, 'teamlead.woudhoek');
    const body = await staffClient(request, lead).get<{ hours: { hour: string; case: number; booking: number }[]; budgets: typeof DEFAULT_BUDGETS }>('/api/staff/activity');
    expect(body.hours[0]).toEqual({ hour: hourOf(new Date()), case: DEFAULT_BUDGETS.case.closeAtPerHour, booking: 0 });
    expect(body.budgets).toEqual(DEFAULT_BUDGETS);
    const intake = await signIn(request, 'intake.woudhoek');
    expect((await request('/api/staff/activity', { headers: { cookie: intake.cookie } })).status).toBe(403);
  });
});
