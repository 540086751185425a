// The intake inbox at a municipality's volume: cases seeded straight into the bench
// server's D1 file (random bytes in the shape of envelopes, as the list shows only what
// the server knows), then a real Chromium signs in as the intake worker and the clock runs
// from the sign-in answer to the first case on screen, and on to the oldest case by
// pressing "Toon meer" until the list ends.
import type { Browser } from '@playwright/test';
import { AEAD_NONCE_BYTES, AEAD_TAG_BYTES, PAD_BLOCK_BYTES, PROTOCOL_VERSION, SEALED_KEY_BYTES } from '../../lib/crypto/protocol';
import { findTeam } from '../../lib/config/teams';
import type { BenchServer } from './benchServer';

const TEAM = 'centrum-oost';
const PASSPHRASE = 'oefenen in achterom';
const random = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n))).toString('base64');

/** Adds cases until the team has `total`, spread over the last 30 days, oldest first. */
export function seedCases(server: BenchServer, total: number): void {
  const db = server.database();
  try {
    const have = (db.prepare('SELECT COUNT(*) AS n FROM cases WHERE team_id = ?').get(TEAM) as { n: number }).n;
    const insert = db.prepare(
      'INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, key_id, nonce, ciphertext, sealed_key, created_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const keyId = findTeam(TEAM)!.keyId;
    db.exec('BEGIN');
    for (let i = have; i < total; i++) {
      const day = new Date(Date.now() - Math.floor(((total - i) / total) * 30) * 86_400_000).toISOString().slice(0, 10);
      insert.run(crypto.randomUUID(), TEAM, i % 3 ? 'question' : 'appointment', 'team', random(32), PROTOCOL_VERSION, keyId, random(AEAD_NONCE_BYTES), random(PAD_BLOCK_BYTES + AEAD_TAG_BYTES), random(SEALED_KEY_BYTES), day);
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

export interface InboxFigures {
  /** From the sign-in answer to the first case on screen, per sign-in (the first is the first of the day). */
  firstScreen: number[];
  /** From the first screen to the oldest case, pressing "Toon meer" (once). */
  toOldest: number;
  shown: number;
  total: number;
}

async function signInAndWait(browser: Browser, base: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/medewerker/`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.locator('#username').fill('intake.centrum');
  await page.locator('#passphrase').fill(PASSPHRASE);
  const login = page.waitForResponse((r) => r.url().endsWith('/api/staff/login') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await login;
  const signedIn = performance.now();
  await page.getByTestId('case').first().waitFor({ state: 'visible', timeout: 60_000 });
  return { page, context, firstScreen: performance.now() - signedIn };
}

export async function measureInbox(browser: Browser, server: BenchServer, total: number, signIns = 3): Promise<InboxFigures> {
  seedCases(server, total);
  const firstScreen: number[] = [];
  for (let i = 0; i < signIns - 1; i++) {
    const run = await signInAndWait(browser, server.base);
    firstScreen.push(run.firstScreen);
    await run.context.close();
  }
  const last = await signInAndWait(browser, server.base);
  firstScreen.push(last.firstScreen);
  const { page } = last;
  const t0 = performance.now();
  const more = page.getByTestId('inbox-more');
  while (await more.isVisible()) {
    const shown = await page.getByTestId('case').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case"]').length > n, shown, { timeout: 60_000 });
  }
  const toOldest = performance.now() - t0;
  const shown = await page.getByTestId('case').count();
  const listed = Number((await page.getByTestId('inbox-status').textContent())?.match(/(\d+) vragen/)?.[1] ?? NaN);
  await last.context.close();
  return { firstScreen, toOldest, shown, total: listed };
}
