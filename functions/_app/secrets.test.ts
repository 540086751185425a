// A deployment without real secrets refuses to run, on a real local D1: only the local
// demo (ACHTEROM_LOCAL_DEMO, set by npm start and the tests) may use the published values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { startLocalD1, type LocalD1 } from '../../tests/helpers/localD1';
import { DEMO_POW_SECRET, DEMO_SALT_PEPPER, missingSecrets } from './secrets';
import type { Bindings } from './env';

let d1: LocalD1;
const app = createApp({ purge: false });

beforeAll(async () => {
  d1 = await startLocalD1();
});
afterAll(() => d1?.dispose());

/** The environment of a deployment: the database, no local-demo flag. */
const deployed = (extra: Partial<Bindings> = {}): Bindings => {
  const { ACHTEROM_LOCAL_DEMO: _demo, ...env } = d1.env;
  return { ...env, ...extra };
};

describe('secrets that must be set', () => {
  it('answers 503 without POW_SECRET and SALT_PEPPER, or with the published demo values', async () => {
    for (const env of [deployed(), deployed({ POW_SECRET: DEMO_POW_SECRET, SALT_PEPPER: DEMO_SALT_PEPPER }), deployed({ POW_SECRET: 'kort', SALT_PEPPER: 'x'.repeat(40) })]) {
      const res = await app.request('/api/pow?purpose=case', {}, env);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('not_configured');
      expect(JSON.stringify(body)).not.toMatch(/POW_SECRET|SALT_PEPPER|local-demo/);
    }
    expect(missingSecrets(deployed())).toEqual(['POW_SECRET', 'SALT_PEPPER']);
  });

  it('runs with real secrets, and in the local demo', async () => {
    const real = deployed({ POW_SECRET: 'q'.repeat(44), SALT_PEPPER: 'p'.repeat(44) });
    expect((await app.request('/api/health', {}, real)).status).toBe(200);
    expect((await app.request('/api/health', {}, d1.env)).status).toBe(200);
  });
});
