// `npm run screenshots`: the README's pictures of the resident flow and the console,
// made by a browser against a fresh local server (not part of `npm test`).
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

const PORT = 8794;

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'readme.screens.ts',
  timeout: 180_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: 'node src/scripts/start.mjs --fresh',
    cwd: '../..',
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(PORT), ACHTEROM_STATE: `.achterom/screenshots-state`, RATE_LIMIT_SCALE: '20', TEAM_BUDGET_SCALE: '50' },
    url: `http://127.0.0.1:${PORT}/api/health`,
  },
});
