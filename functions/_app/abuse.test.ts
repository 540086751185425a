// Abuse brakes on a real local D1: proof of work (required, spent once, bound to its
// purpose), rate limits with Retry-After, and body size limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { loadSodium, type Sodium } from '../../tests/helpers/sodiumNode';
import { powHeaders } from '../../tests/helpers/pow';
import { sealCase } from '../../src/lib/crypto/caseEnvelope';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';
import { findTeam } from '../../src/lib/config/teams';
import { POW_HEADER } from '../../src/lib/pow/powPurpose';
import { LIMITS } from './rateLimit';

let d1: LocalD1;
let sodium: Sodium;
// A frozen clock, so the rate-limit buckets do not refill while the test runs.
const frozen = new Date();
const app = createApp({ purge: false, requirePow: true, clock: () => frozen });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

function envelope() {
  return sealCase(sodium, {
    code: generateCaseCode(sodium), teamId: 'centraal', teamPublicKey: findTeam('centraal')!.publicKey, teamKeyId: findTeam('centraal')!.keyId,
    kind: 'question', consent: 'team', payloadJson: JSON.stringify({ q: 'x' }),
  });
}
const postCase = (headers: Record<string, string>, body = JSON.stringify(envelope())) =>
  request('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

describe('proof of work', () => {
  it('is required for a new case, a booking and a code lookup', async () => {
    for (const path of ['/api/cases', '/api/appointments', '/api/mailbox/open']) {
      const res = await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, path).toBe(428);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('pow_required');
    }
  });

  it('accepts a solution once and refuses the replay', async () => {
    const headers = await powHeaders(request, 'case');
    expect((await postCase(headers)).status).toBe(201);
    const replay = await postCase(headers);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('pow_replayed');
    // What the spent solution leaves behind tells the day, as the cases table does, not the second.
    const { results } = await d1.env.DB.prepare('SELECT expires_at FROM used_pow').all<{ expires_at: number }>();
    expect(results.length).toBeGreaterThan(0);
    for (const row of results) {
      expect(row.expires_at % 86_400).toBe(0);
      expect(row.expires_at).toBeGreaterThan(Date.now() / 1000);
    }
  });

  it('refuses a solution made for another purpose, a forged one and garbage', async () => {
    const lookup = await powHeaders(request, 'lookup');
    expect((await postCase(lookup)).status).toBe(400);
    const forged = await powHeaders(request, 'case');
    const payload = JSON.parse(atob(forged[POW_HEADER]!)) as { solution: { counter: number } };
    payload.solution.counter += 1;
    expect((await postCase({ ...forged, [POW_HEADER]: btoa(JSON.stringify(payload)) })).status).toBe(400);
    expect((await postCase({ [POW_HEADER]: 'bm90IGpzb24=' })).status).toBe(400);
  });

  it('hands out challenges only for known purposes', async () => {
    expect((await request('/api/pow?purpose=case')).status).toBe(200);
    expect((await request('/api/pow?purpose=spam')).status).toBe(400);
  });
});

describe('rate limits', () => {
  it('answers a burst over the limit with 429 and Retry-After, per client address', async () => {
    const address = '203.0.113.7';
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i <= LIMITS.staffSignIn.capacity; i++) {
      last = await request('/api/staff/salt', { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': address }, body: JSON.stringify({ username: 'intake.centrum' }) });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another address is not affected.
    const other = await request('/api/staff/salt', { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.8' }, body: JSON.stringify({ username: 'intake.centrum' }) });
    expect(other.status).toBe(200);
  });

  it('never writes the client address to the database', async () => {
    const tables = await d1.env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
    for (const { name } of tables.results) {
      const dump = JSON.stringify((await d1.env.DB.prepare(`SELECT * FROM ${name}`).all()).results);
      expect(dump, name).not.toContain('203.0.113.7');
    }
  });
});

describe('proof of work on every anonymous write or lookup', () => {
  it('refuses each without one, with a solution for another purpose, and a replayed one', async () => {
    const body = JSON.stringify({ mailboxId: toBase64(sodium, sodium.randombytes_buf(32)) });
    const headers = (extra: Record<string, string>) => ({ 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.30', ...extra });
    for (const path of ['/api/mailbox/open', '/api/mailbox/messages', '/api/mailbox/delete', '/api/mailbox/appointment/cancel', '/api/mailbox/appointment/reschedule']) {
      const none = await request(path, { method: 'POST', headers: headers({}), body });
      expect(none.status, path).toBe(428);
      expect(((await none.json()) as { error: { code: string } }).error.code, path).toMatch(/^pow_/);
      const wrong = await request(path, { method: 'POST', headers: headers(await powHeaders(request, path.endsWith('/open') ? 'change' : 'lookup')), body });
      expect(wrong.status, path).toBe(400);
    }
    // Paid once, spent once: the same solution cannot pay for a second deletion.
    const paid = await powHeaders(request, 'change');
    const first = await request('/api/mailbox/delete', { method: 'POST', headers: headers(paid), body });
    expect(first.status).not.toBe(400);
    const replay = await request('/api/mailbox/delete', { method: 'POST', headers: headers(paid), body });
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('pow_replayed');
  });
});

describe('body limits', () => {
  it('answers an oversize body with 413 on every write route', async () => {
    const big = 'x'.repeat(40 * 1024);
    for (const path of ['/api/staff/salt', '/api/staff/login', '/api/mailbox/messages', '/api/mailbox/delete']) {
      const proof = path.startsWith('/api/mailbox/') ? await powHeaders(request, 'change') : {};
      const res = await request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.9', ...proof }, body: big });
      expect(res.status, path).toBe(413);
    }
    const res = await postCase(await powHeaders(request, 'case'), big);
    expect(res.status).toBe(413);
  });
});
