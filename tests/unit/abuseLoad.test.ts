// An anonymous attacker tries to take a team's appointment times for ten minutes of
// simulated time (injected clock, loopback only), solving every proof of work it is
// given: from one address, from 1,000 addresses in one IPv6 /48, and from 200 IPv4
// addresses in 200 different networks. Then a genuine resident books. Prints the figures.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { loadSodium, signIn, type Sodium } from '../helpers/sodiumNode';
import { appointmentEnvelope, idempotencyKey } from '../helpers/booking';
import { powHeaders } from '../helpers/pow';
import { staffClient } from '../helpers/staffConsole';
import { findTeam } from '../../src/lib/config/teams';
import { MAX_BOOKED_SHARE } from '../../src/lib/config/teamBudgets';

const TEAM = 'centrum-oost';
const ATTACK_MS = 10 * 60 * 1000;
const STEP_MS = 4000;

let sodium: Sodium;
let d1: LocalD1 | undefined;
beforeAll(async () => {
  sodium = await loadSodium();
});
afterEach(() => d1?.dispose());

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const hex4 = () => Array.from(random(2), (b) => b.toString(16).padStart(2, '0')).join('');

/** The attacker's addresses, one per attempt. */
const PROFILES: Record<string, () => string> = {
  'one address': () => '203.0.113.66',
  '1,000 addresses in one IPv6 /48': (() => {
    const pool = Array.from({ length: 1000 }, () => `2001:db8:77:${hex4()}:${hex4()}:${hex4()}:${hex4()}:${hex4()}`);
    let i = 0;
    return () => pool[i++ % pool.length]!;
  })(),
  '200 IPv4 addresses in 200 networks': (() => {
    const pool = Array.from({ length: 200 }, (_, i) => `${11 + (i % 200)}.${random(1)[0]}.${random(1)[0]}.${1 + (random(1)[0]! % 250)}`);
    let i = 0;
    return () => pool[i++ % pool.length]!;
  })(),
};

interface Outcome {
  attempts: number;
  booked: number;
  refused: Record<string, number>;
  weekSlots: number;
  genuine: number;
  genuineAfterHour: number | null;
}

async function attack(nextAddress: () => string): Promise<Outcome> {
  d1 = await startLocalD1({ env: { TEAM_BUDGET_SCALE: '1' } });
  let now = Date.now();
  const app = createApp({ clock: () => new Date(now), purge: false });
  const request = (path: string, init?: RequestInit) => app.request(path, init, d1!.env);

  // The team's times: video calls every 30 minutes, 9:00-17:00 on weekdays, two weeks.
  const lead = await signIn(request, 'teamlead.centrum');
  const from = new Date(now + 86_400_000).toISOString().slice(0, 10);
  const made = await staffClient(request, lead).post('/api/staff/slots/pattern', {
    type: 'video', fromDate: from, weeks: 2, weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '17:00', durationMinutes: 30,
  });
  expect(made.status).toBe(201);
  const weekAhead = new Date(now + 7 * 86_400_000).toISOString();
  const week = await d1.env.DB.prepare("SELECT id FROM slots WHERE team_id = ? AND status = 'free' AND starts_at > ? AND starts_at <= ?")
    .bind(TEAM, new Date(now).toISOString(), weekAhead)
    .all<{ id: string }>();
  const free = week.results.map((s) => s.id);

  async function book(address: string): Promise<Response> {
    const slotId = free[Math.floor((random(2)[0]! / 256) * free.length) % free.length]!;
    const { envelope } = appointmentEnvelope(sodium, TEAM);
    for (let attempt = 0; attempt < 2; attempt++) {
      // The challenge endpoint has its own limit per network: no challenge, no booking.
      const proof = await powHeaders(request, 'booking', address, TEAM).catch(() => null);
      if (!proof) return Response.json({ error: { code: 'no_challenge' } }, { status: 429 });
      const headers = { 'content-type': 'application/json', ...proof };
      const res = await request('/api/appointments', { method: 'POST', headers, body: JSON.stringify({ envelope, slotId, idempotencyKey: idempotencyKey(sodium) }) });
      // The team became busy between challenge and booking: a new, costlier challenge.
      if (res.status === 428) continue;
      if (res.status === 201) free.splice(free.indexOf(slotId), 1);
      return res;
    }
    throw new Error('still asked for more work');
  }

  const outcome: Outcome = { attempts: 0, booked: 0, refused: {}, weekSlots: week.results.length, genuine: 0, genuineAfterHour: null };
  const start = now;
  while (now - start < ATTACK_MS && free.length) {
    const res = await book(nextAddress());
    outcome.attempts++;
    if (res.status === 201) outcome.booked++;
    else {
      const code = ((await res.json()) as { error: { code: string } }).error.code;
      outcome.refused[code] = (outcome.refused[code] ?? 0) + 1;
    }
    now += STEP_MS;
  }
  // A resident from a network the attacker never used, at the end of the attack.
  const resident = await book('192.0.2.44');
  outcome.genuine = resident.status;
  if (resident.status === 503) {
    const body = (await resident.json()) as { error: { code: string } };
    expect(body.error.code).toBe('team_busy');
    expect(resident.headers.get('retry-after')).toBe('3600');
    // The page then shows the team's number; the online way opens again once the flood is an hour old.
    now += 61 * 60 * 1000;
    outcome.genuineAfterHour = (await book('192.0.2.45')).status;
  }
  return outcome;
}

describe('an anonymous attacker against one team for ten minutes', () => {
  for (const [name, nextAddress] of Object.entries(PROFILES)) {
    it(`${name}: holds at most a quarter of the next seven days' times`, async () => {
      const outcome = await attack(nextAddress);
      const share = outcome.booked / outcome.weekSlots;
      console.log(
        `abuse load, ${name}: ${outcome.attempts} attempts, ${outcome.booked} of ${outcome.weekSlots} times taken (${(share * 100).toFixed(1)}%, limit ${MAX_BOOKED_SHARE * 100}%); ` +
          `refused ${JSON.stringify(outcome.refused)}; genuine resident ${outcome.genuine}` +
          (outcome.genuineAfterHour ? `, an hour later ${outcome.genuineAfterHour}` : '') +
          ` (${findTeam(TEAM)!.name})`,
      );
      expect(outcome.attempts).toBeGreaterThan(100);
      expect(share).toBeLessThanOrEqual(MAX_BOOKED_SHARE);
      // Stopped by its networks' limits, the attacker never makes the team close: the resident books at once.
      if (name !== '200 IPv4 addresses in 200 networks') expect(outcome.genuine).toBe(201);
      // 200 unrelated networks look like 200 residents: the team closes ("bel ons") and opens again after the hour.
      else expect([outcome.genuine, outcome.genuineAfterHour]).toEqual([503, 201]);
    }, 180_000);
  }
});
