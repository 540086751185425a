// npm run lighthouse: accessibility scores of the main resident pages with Lighthouse
// in Debian's Chromium, against a local server with its own database. Prints a table
// for the README and fails below 100.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { root } from './lib.mjs';

const PORT = process.env.LIGHTHOUSE_PORT ?? '8795';
const PAGES = (process.env.LIGHTHOUSE_PAGES ?? '/,/vraag/,/afspraak/,/afspraak/beheren/,/mijn-vraag/').split(',');
const state = mkdtempSync(path.join(tmpdir(), 'achterom-lighthouse-'));
const server = spawn(process.execPath, [path.join(root, 'src/scripts/start.mjs'), ...process.argv.slice(2)], {
  env: { ...process.env, PORT, ACHTEROM_STATE: state },
  stdio: 'ignore',
  detached: true,
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

let failed = false;
try {
  await waitForServer();
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  console.log('| page | accessibility |\n|---|---|');
  for (const page of PAGES) {
    const result = await lighthouse(`http://127.0.0.1:${PORT}${page}`, { port: chrome.port, onlyCategories: ['accessibility'], logLevel: 'error', output: 'json' });
    const score = Math.round((result?.lhr.categories.accessibility?.score ?? 0) * 100);
    console.log(`| \`${page}\` | ${score} |`);
    if (score < 100) {
      failed = true;
      for (const audit of Object.values(result.lhr.audits)) {
        if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') console.log(`    ${audit.id}: ${audit.title}`);
      }
    }
  }
  await chrome.kill();
} finally {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // gone
  }
  rmSync(state, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
