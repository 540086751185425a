// Cross-site writes to the staff API are refused (Fetch Metadata, then Origin), on a
// real local D1 with a real session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { signIn } from '../../tests/helpers/sodiumNode';

let d1: LocalD1;
const app = createApp({ purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

beforeAll(async () => {
  d1 = await startLocalD1();
});
afterAll(() => d1?.dispose());

describe('cross-site staff writes', () => {
  it('answers 403 for another origin or a cross-site fetch, and lets same-origin through', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const invite = (headers: Record<string, string>) =>
      request('http://localhost/api/staff/members/invites', {
        method: 'POST',
        headers: { cookie: lead.cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ role: 'intake', signed: lead.sign!({ action: 'member.invite', detail: 'role=intake' }) }),
      });
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
      const res = await invite(headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cross_site');
    }
    expect((await invite({ origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    // Reading stays possible (nothing changes), and so does signing in from the page itself.
    expect((await request('http://localhost/api/staff/me', { headers: { cookie: lead.cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
    const login = await request('http://localhost/api/staff/salt', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: '{"username":"x.y"}' });
    expect(login.status).toBe(403);
  });
});
