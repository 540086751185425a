import { defineConfig } from '@playwright/test';

/** E2E_PORT lets two runs share a machine; each port gets its own database folder. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8789);
/** The e2e server keeps its local D1 here, wiped at every run; tests scan these files. */
export const E2E_STATE = `.achterom/e2e-state-${E2E_PORT}`;

/** How every test starts Chromium (a test that needs more adds to this). */
export const CHROMIUM_LAUNCH = {
  // Debian's Chromium: Playwright cannot download its own browser on this network.
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: 'node src/scripts/start.mjs --fresh',
    // All flows of a run come from one address: raise the rate limits for this server only.
    env: { PORT: String(E2E_PORT), ACHTEROM_STATE: E2E_STATE, RATE_LIMIT_SCALE: '20', TEAM_BUDGET_SCALE: '50' },
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
