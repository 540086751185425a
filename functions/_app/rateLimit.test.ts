// Rate limits count networks as well as addresses, so rotating addresses inside one
// network does not reset them; on a real local D1 through the app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { addressBuckets, LIMITS } from './rateLimit';

let d1: LocalD1;
beforeAll(async () => {
  d1 = await startLocalD1({ seed: false });
});
afterAll(() => d1?.dispose());

const hex = () => crypto.getRandomValues(new Uint16Array(1))[0]!.toString(16);

describe('rate-limit buckets', () => {
  it('keys IPv4 by /32 and /24, IPv6 by /64, /56 and /48', () => {
    expect(addressBuckets('198.51.100.7').map((b) => b.key)).toEqual(['v4/32|198.51.100.7', 'v4/24|198.51.100']);
    expect(addressBuckets('2001:db8:aa:bb01::1').map((b) => b.key)).toEqual(['v6/64|20010db800aabb01', 'v6/56|20010db800aabb', 'v6/48|20010db800aa']);
    expect(addressBuckets('2001:db8:aa:bb01:1:2:3:4')[0]!.key).toBe('v6/64|20010db800aabb01');
    expect(addressBuckets('unknown')).toEqual([{ key: 'other|unknown', factor: 1 }]);
  });

  it('an attacker rotating addresses inside one IPv6 /64 or one IPv4 /24 is stopped all the same', async () => {
    const app = createApp({ purge: false });
    const from = (headers: Record<string, string>) => app.request('/api/pow?purpose=case', { headers }, d1.env);
    const cap = LIMITS.powChallenge.capacity;
    for (let i = 0; i < cap; i++) expect((await from({ 'cf-connecting-ip': `2001:db8:1:1:${hex()}:${hex()}:${hex()}:${hex()}` })).status).toBe(200);
    const blocked = await from({ 'cf-connecting-ip': `2001:db8:1:1:${hex()}::1` });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A neighbour in another /48 is not affected.
    expect((await from({ 'cf-connecting-ip': '2001:db8:2:100::1' })).status).toBe(200);
    // IPv4: a /24 holds four times the rule, then every address in it waits.
    for (let i = 0; i < cap * 4; i++) await from({ 'cf-connecting-ip': `203.0.113.${i % 250}` });
    expect((await from({ 'cf-connecting-ip': '203.0.113.251' })).status).toBe(429);
    expect((await from({ 'cf-connecting-ip': '198.51.100.1' })).status).toBe(200);
  });

  it('behind a self-hosting proxy, takes the client address from the configured header', async () => {
    const app = createApp({ purge: false });
    const env = { ...d1.env, CLIENT_IP_HEADER: 'X-Forwarded-For' };
    const from = (xff: string) => app.request('/api/pow?purpose=case', { headers: { 'x-forwarded-for': xff } }, env);
    for (let i = 0; i < LIMITS.powChallenge.capacity; i++) await from('192.0.2.10, 10.0.0.1');
    expect((await from('192.0.2.10, 10.0.0.1')).status).toBe(429);
    // Another client behind the same proxy has a bucket of its own.
    expect((await from('198.18.0.5, 10.0.0.1')).status).toBe(200);
  });
});
