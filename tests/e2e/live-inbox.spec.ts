// The inbox as staff use it all day: a new question shows up by itself (no button),
// is announced and counted in the tab title; filters, the case number search and
// "Toon meer" reach every case whatever the count. The list shows no content.
import { test, expect, type Page } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { e2eDatabase } from '../helpers/e2eDatabase';
import { loadSodium } from '../helpers/sodiumNode';
import { askQuestion } from '../helpers/resident';
import { junkEnvelope } from '../helpers/junkCases';
import { signInPage } from '../helpers/consoleSignIn';
import { caseCard } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';
import { POLL_MS } from '../../src/islands/staff/useInbox';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);
const TEAM = 'woudhoek-kethel-spaland';

/** The number in "(3) Medewerkers …", 0 without one. */
async function titleCount(page: Page): Promise<number> {
  return Number((await page.title()).match(/^\((\d+)\) /)?.[1] ?? 0);
}

async function inboxLoaded(page: Page) {
  await expect(page.getByTestId('inbox-status')).toContainText(/\d+ vra(ag|gen)|^$/, { timeout: 30_000 });
  await expect(page.getByTestId('inbox-status')).not.toContainText('opgehaald');
}

test('a new question appears in the open inbox by itself, is announced and counted in the tab title', async ({ page }) => {
  test.setTimeout(90_000);
  await signInPage(page, 'intake.woudhoek');
  await inboxLoaded(page);
  const before = await titleCount(page);

  const sodium = await loadSodium();
  const sentinel = `LIVE-${Date.now().toString(36)}`;
  const asked = await askQuestion(request, sodium, { neighbourhood: 'kethel', consent: 'team', text: sentinel });

  // Nobody presses "Vernieuwen": the poll brings it.
  const card = caseCard(page, asked.id);
  await expect(card).toBeVisible({ timeout: POLL_MS + 15_000 });
  await expect(card.getByTestId('case-new')).toHaveText('Nieuw voor u');
  await expect(card).not.toContainText(sentinel);
  await expect(page.getByTestId('inbox-status')).toContainText('Er is net 1 nieuwe binnengekomen.');
  await expect(page).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `));
  await expectNoAxeViolations(page, 'inbox with a new question');

  // Opening it reads it: the marker and the count go down.
  await card.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByTestId('case-question')).toContainText(sentinel, { timeout: 30_000 });
  await page.getByRole('link', { name: 'Terug naar de vragen' }).click();
  await expect(caseCard(page, asked.id).getByTestId('case-new')).toHaveCount(0);
  await expect(page).toHaveTitle(before > 0 ? new RegExp(`^\\(${before}\\) `) : /^[^(]/);
});

/** Cases straight into the database (a fixture too large to make through the API). */
function insertCases(n: number): string[] {
  const db = e2eDatabase();
  const ids: string[] = [];
  try {
    const insert = db.prepare(
      `INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, key_id, nonce, ciphertext, sealed_key, created_day)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < n; i++) {
      const e = junkEnvelope(TEAM, { consent: 'team' });
      const id = crypto.randomUUID();
      insert.run(id, TEAM, e.kind, e.consent, e.mailboxId, e.v, e.keyId, e.nonce, e.ciphertext, e.sealedKey, new Date().toISOString().slice(0, 10));
      ids.push(id);
    }
  } finally {
    db.close();
  }
  return ids;
}

test('filters, the case number search and "Toon meer" reach every case, and the quiet refresh keeps them', async ({ page }) => {
  test.setTimeout(120_000);
  // More than the quiet refresh asks for at once (200 lines).
  const ids = insertCases(260);
  try {
    await signInPage(page, 'intake.woudhoek');
    await inboxLoaded(page);
    const total = Number((await page.getByTestId('inbox-status').textContent())!.match(/(\d+) vragen/)![1]);
    expect(total).toBeGreaterThanOrEqual(260);
    await expect(page.getByTestId('case')).toHaveCount(50);
    const more = page.getByTestId('inbox-more');
    await expect(more).toHaveText(`Toon meer (50 van ${total})`);
    while (await more.count()) {
      const shown = await page.getByTestId('case').count();
      await more.click();
      await expect(page.getByTestId('case')).not.toHaveCount(shown);
    }
    await expect(page.getByTestId('case')).toHaveCount(total);
    for (const id of [ids[0]!, ids.at(-1)!]) await expect(caseCard(page, id)).toBeVisible();

    // A question arrives; the quiet refresh (also run when the tab comes back into view)
    // puts it on top and keeps every older line shown, down to the oldest.
    const [arrived] = insertCases(1);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(page.getByTestId('inbox-status')).toContainText('Er is net 1 nieuwe binnengekomen.');
    await expect(page.getByTestId('case')).toHaveCount(total + 1);
    await expect(page.getByTestId('case').first()).toHaveAttribute('data-case-id', arrived!);
    await expect(caseCard(page, ids[0]!)).toBeVisible();
    await expect(page.getByTestId('inbox-more')).toHaveCount(0);

    // Search by the start of a number, as staff read it to each other.
    const wanted = ids[3]!;
    await page.locator('#inbox-number').fill(wanted.slice(0, 8).toUpperCase());
    await page.getByRole('button', { name: 'Zoek' }).click();
    await expect(page.getByTestId('case')).toHaveCount(1);
    await expect(caseCard(page, wanted)).toBeVisible();
    await page.locator('#inbox-number').fill('geen nummer!');
    await page.getByRole('button', { name: 'Zoek' }).click();
    await expect(page.locator('#inbox-number-error')).toContainText('cijfers 0 tot 9');
    await expect(page.locator('#inbox-number')).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Toon alles' }).click();
    await expect(page.getByTestId('case')).toHaveCount(50);

    // Only appointments: none of these questions.
    await page.locator('#inbox-kind').selectOption('appointment');
    await expect(caseCard(page, ids.at(-1)!)).toHaveCount(0);
    for (const kind of await page.getByTestId('case').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))) expect(kind).toBe('appointment');
    await expectNoAxeViolations(page, 'inbox with filters');
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scroll at 320px on the inbox').toBe(0);
  } finally {
    const cleanup = e2eDatabase();
    try {
      const remove = cleanup.prepare('DELETE FROM cases WHERE id = ?');
      for (const id of ids) remove.run(id);
    } finally {
      cleanup.close();
    }
  }
});

test('a team lead clears a flood of junk in three actions; the real question stays', async ({ page }) => {
  test.setTimeout(120_000);
  const sodium = await loadSodium();
  const real = await askQuestion(request, sodium, { neighbourhood: 'kethel', consent: 'team', text: `ECHT-${Date.now().toString(36)}` });
  const junk: string[] = [];
  // Intake has opened the real question, so it is no longer "unopened".
  const db = e2eDatabase();
  try {
    db.prepare('UPDATE cases SET opened = 1 WHERE id = ?').run(real.id);
    const insert = db.prepare(
      `INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, key_id, nonce, ciphertext, sealed_key, created_day)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < 300; i++) {
      const e = junkEnvelope(TEAM);
      const id = crypto.randomUUID();
      insert.run(id, TEAM, e.kind, e.consent, e.mailboxId, e.v, e.keyId, e.nonce, e.ciphertext, e.sealedKey, new Date().toISOString().slice(0, 10));
      junk.push(id);
    }
  } finally {
    db.close();
  }

  await signInPage(page, 'teamlead.woudhoek');
  await inboxLoaded(page);
  const panel = page.getByTestId('junk');
  // Two lines picked one by one in the inbox, removed together.
  const [first, second] = [junk[junk.length - 1]!, junk[junk.length - 2]!];
  for (const id of [first, second]) await caseCard(page, id).getByTestId('case-pick').check();
  await panel.getByTestId('junk-remove-picked').click();
  await panel.getByRole('button', { name: 'Ja, verwijder 2 vragen' }).click();
  await expect(page.getByTestId('junk-result')).toContainText('2 vragen verwijderd.', { timeout: 30_000 });
  await expect(caseCard(page, first)).toHaveCount(0);
  await expect(caseCard(page, second)).toHaveCount(0);
  // Then the rest of the flood: the day's unopened cases, in three actions.
  await page.reload();
  await signInPage(page, 'teamlead.woudhoek');
  await inboxLoaded(page);
  await panel.locator('summary').click(); // 1
  await expect(page.getByTestId('junk-count')).toContainText(/kwamen \d+ vragen binnen die nog niemand heeft geopend/);
  const unopened = Number((await page.getByTestId('junk-count').textContent())!.match(/kwamen (\d+) vragen/)![1]);
  expect(unopened).toBeGreaterThanOrEqual(298);
  await panel.getByRole('button', { name: `Verwijder deze ${unopened} vragen` }).click(); // 2
  await expect(page.locator('#junk-confirm-heading')).toBeFocused();
  await expectNoAxeViolations(page, 'junk removal, confirm');
  await panel.getByRole('button', { name: `Ja, verwijder ${unopened} vragen` }).click(); // 3
  await expect(page.getByTestId('junk-result')).toContainText(`${unopened} vragen verwijderd.`, { timeout: 30_000 });
  await expect(page.getByTestId('junk-count')).toContainText('kwamen 0 vragen binnen');

  await page.locator('#inbox-number').fill(real.id.slice(0, 8));
  await page.getByRole('button', { name: 'Zoek' }).click();
  await expect(caseCard(page, real.id)).toBeVisible();
  const left = e2eDatabase();
  try {
    expect((left.prepare("SELECT COUNT(*) AS n FROM cases WHERE team_id = ? AND opened = 0 AND created_day = ?").get(TEAM, new Date().toISOString().slice(0, 10)) as { n: number }).n).toBe(0);
  } finally {
    left.close();
  }
});
