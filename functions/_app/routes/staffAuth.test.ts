// Staff sign-in and sessions against a real local D1 with the demo staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium } from '../../../tests/helpers/sodiumNode';
import { toBase64 } from '../../../src/lib/crypto/sodium';
import { derivePassphraseKeys } from '../../../src/lib/crypto/staffKeys';
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from '../session';

let d1: LocalD1;
let now = new Date('2026-11-25T09:00:00Z');
const app = createApp(() => now);
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const json = { 'content-type': 'application/json' };
const salt = async (username: string) =>
  ((await (await request('/api/staff/salt', { method: 'POST', headers: json, body: JSON.stringify({ username }) })).json()) as { salt: string }).salt;

beforeAll(async () => {
  d1 = await startLocalD1();
});
afterAll(() => d1?.dispose());

describe('staff sign-in', () => {
  it('signs a demo intake worker in and unlocks the team key grant', async () => {
    const { res, cookie, body, teamKeys } = await signIn(request, 'intake.centrum');
    expect(res.status).toBe(200);
    expect(body?.staff).toMatchObject({ teamId: 'centrum-oost' });
    expect(teamKeys).toBeDefined();
    expect(cookie).toMatch(/^__Host-achterom_session=[A-Za-z0-9_-]{43}$/);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Domain=');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a wrong passphrase with 401 and sets no cookie', async () => {
    const { res } = await signIn(request, 'intake.centrum', 'verkeerde wachtwoordzin');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('wrong_credentials');
  });

  it('gives unknown users a stable salt that looks like a real one', async () => {
    const a1 = await salt('niemand.bekend');
    const a2 = await salt('niemand.bekend');
    const b = await salt('ook.niet.bekend');
    const real = await salt('intake.centrum');
    expect(a1).toBe(a2);
    expect(a1).not.toBe(b);
    for (const s of [a1, b, real]) expect(s).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('answers an unknown user the same as a wrong passphrase', async () => {
    const sodium = await loadSodium();
    const res = await request('/api/staff/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'niemand.bekend', authKey: toBase64(sodium, sodium.randombytes_buf(32)) }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('wrong_credentials');
  });

  it.each([
    ['missing authKey', { username: 'intake.centrum' }],
    ['short authKey', { username: 'intake.centrum', authKey: 'AAAA' }],
    ['extra field', { username: 'intake.centrum', authKey: 'A'.repeat(43) + '=', passphrase: 'oefenen' }],
    ['bad username', { username: "x'; DROP TABLE staff;--", authKey: 'A'.repeat(43) + '=' }],
  ])('refuses a login body with %s', async (_name, body) => {
    const res = await request('/api/staff/login', { method: 'POST', headers: json, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_body');
  });

  it('keeps a session alive while used, ends it after 15 idle minutes', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const { cookie } = await signIn(request, 'teamlead.centrum');
    const me = () => request('/api/staff/me', { headers: { cookie } });
    now = new Date(now.getTime() + (SESSION_IDLE_SECONDS - 60) * 1000);
    expect((await me()).status).toBe(200);
    now = new Date(now.getTime() + (SESSION_IDLE_SECONDS - 60) * 1000);
    expect((await me()).status).toBe(200);
    now = new Date(now.getTime() + (SESSION_IDLE_SECONDS + 1) * 1000);
    const res = await me();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('session_expired');
  });

  it('ends a session after 8 hours even when it is used all the time', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const start = now.getTime();
    const { cookie } = await signIn(request, 'teamlead.centrum');
    for (let t = 10 * 60; t < SESSION_ABSOLUTE_SECONDS; t += 10 * 60) {
      now = new Date(start + t * 1000);
      expect((await request('/api/staff/me', { headers: { cookie } })).status).toBe(200);
    }
    now = new Date(start + (SESSION_ABSOLUTE_SECONDS + 1) * 1000);
    expect((await request('/api/staff/me', { headers: { cookie } })).status).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    now = new Date('2026-11-25T09:00:00Z');
    const { cookie } = await signIn(request, 'intake.centrum');
    const out = await request('/api/staff/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/__Host-achterom_session=;.*Max-Age=0/);
    expect((await request('/api/staff/me', { headers: { cookie } })).status).toBe(401);
  });

  it('tells a console that just loaded whether a session is still live, without a 401', async () => {
    const session = (cookie?: string) => request('/api/staff/session', { headers: cookie ? { cookie } : {} });
    const none = await session();
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ signedIn: false });
    const { cookie } = await signIn(request, 'intake.centrum');
    expect(await (await session(cookie)).json()).toEqual({ signedIn: true });
    await request('/api/staff/logout', { method: 'POST', headers: { cookie } });
    expect(await (await session(cookie)).json()).toEqual({ signedIn: false });
  });

  it('slows one account down after wrong passphrases, up to minutes, without telling who exists', async () => {
    const sodium = await loadSodium();
    const attempt = async (username: string, passphrase: string) => {
      const { authKey } = derivePassphraseKeys(sodium, passphrase, await salt(username));
      return request('/api/staff/login', { method: 'POST', headers: json, body: JSON.stringify({ username, authKey: toBase64(sodium, authKey) }) });
    };
    const start = now;
    for (let i = 0; i < 3; i++) expect((await attempt('casemanager.centrum', `fout ${i}`)).status).toBe(401);
    // The third failure starts a one-second wait; even the right passphrase waits.
    const braked = await attempt('casemanager.centrum', 'oefenen in achterom');
    expect(braked.status).toBe(429);
    expect(((await braked.json()) as { error: { code: string } }).error.code).toBe('slow_down');
    expect(Number(braked.headers.get('retry-after'))).toBe(1);
    // Other accounts are not slowed, and an unknown name is braked the same way.
    expect((await attempt('casemanager2.centrum', 'oefenen in achterom')).status).toBe(200);
    for (let i = 0; i < 3; i++) await attempt('niemand.hier', `fout ${i}`);
    expect((await attempt('niemand.hier', 'x')).status).toBe(429);
    // Longer each time, never more than five minutes.
    for (let i = 0; i < 12; i++) {
      now = new Date(now.getTime() + 301_000);
      await attempt('casemanager.centrum', `nog fout ${i}`);
    }
    const long = await attempt('casemanager.centrum', 'oefenen in achterom');
    expect(Number(long.headers.get('retry-after'))).toBe(300);
    now = new Date(now.getTime() + 301_000);
    // After the wait the right passphrase works and the count starts again.
    expect((await attempt('casemanager.centrum', 'oefenen in achterom')).status).toBe(200);
    expect((await attempt('casemanager.centrum', 'fout')).status).toBe(401);
    expect((await attempt('casemanager.centrum', 'oefenen in achterom')).status).toBe(200);
    now = start;
  });
});
