// Every wait has an end: a request that never answers does not leave a resident
// looking at a spinner. The clock is Playwright's, moved on by hand, so the test does
// not sit out the real 45 seconds.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { E2E_PORT } from '../../playwright.config';
import { loadSodium } from '../helpers/sodiumNode';
import { askQuestion } from '../helpers/resident';

const BASE = `http://127.0.0.1:${E2E_PORT}`;

test('a stalled send times out with a way out, keeps what was typed, and sends on retry', async ({ page }) => {
  await page.clock.install();
  await page.goto('/vraag/');
  const send = page.getByRole('button', { name: 'Verstuur geheim' });
  await expect(send).toBeEnabled();
  await page.locator('#neighbourhood').selectOption('oost');
  const text = 'Mijn vraag mag niet verloren gaan';
  await page.locator('#question').fill(text);
  await page.getByRole('radio', { name: /team mag/ }).check();

  // The API takes the request and never answers.
  let stalled = 0;
  await page.route('**/api/cases', () => {
    stalled++;
  });
  await send.click();
  await expect.poll(() => stalled, { timeout: 30_000 }).toBe(1);
  await expect(page.getByRole('status')).toContainText(/Bezig/);
  await page.clock.fastForward(46_000);
  const error = page.getByTestId('send-error');
  await expect(error).toContainText('Dit duurt te lang');
  await expect(error).toContainText('010 246 5000');
  await expect(page.locator('.achterom-alert', { has: error })).toBeFocused();
  await expect(page.locator('#question')).toHaveValue(text);
  await expect(send).toBeEnabled();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // The network is back: the same question goes out and the code is shown.
  await page.unroute('**/api/cases');
  await send.click();
  await expect(page.getByTestId('case-code')).toBeVisible({ timeout: 30_000 });
});

for (const { path, button } of [
  { path: '/mijn-vraag/', button: 'Open mijn vraag' },
  { path: '/afspraak/beheren/', button: 'Open mijn afspraak' },
]) {
  test(`opening with the code on ${path} ends too, keeping the code`, async ({ page }) => {
    await page.clock.install();
    await page.goto(path);
    const open = page.getByRole('button', { name: button });
    await expect(open).toBeEnabled();
    await page.locator('#code').fill('4821 0937 5562 1180');
    let stalled = 0;
    await page.route('**/api/mailbox/open', () => {
      stalled++;
    });
    await open.click();
    await expect.poll(() => stalled, { timeout: 30_000 }).toBe(1);
    await page.clock.fastForward(46_000);
    await expect(page.getByText('Dit duurt te lang')).toBeVisible();
    await expect(page.getByText(/Bel 010 246 5000/)).toBeVisible();
    await expect(page.locator('#code')).toHaveValue('4821 0937 5562 1180');
    await expect(open).toBeEnabled();
  });
}

test('a stalled booking ends with a way out and keeps every answer', async ({ page }) => {
  await page.clock.install();
  await page.goto('/afspraak/');
  await expect(page.locator('#neighbourhood')).toBeEnabled();
  await page.locator('#neighbourhood').selectOption('oost');
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('radio', { name: 'Via de achteringang langskomen' }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.locator('.achterom-slot-picker__input').first().check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.locator('#name').fill('Sam');
  await page.locator('#about').fill('Een brief die ik niet begrijp');
  await page.getByRole('radio', { name: /medewerker die mij helpt/ }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  let stalled = 0;
  await page.route('**/api/appointments', () => {
    stalled++;
  });
  await page.getByRole('button', { name: 'Boek geheim' }).click();
  await expect.poll(() => stalled, { timeout: 30_000 }).toBe(1);
  await page.clock.fastForward(46_000);
  await expect(page.getByTestId('booking-send-error')).toContainText('Dit duurt te lang');
  await expect(page.getByTestId('booking-send-error')).toContainText('010 246 5000');
  await page.getByRole('button', { name: 'Terug' }).click();
  await expect(page.locator('#about')).toHaveValue('Een brief die ik niet begrijp');
});

test('a follow-up over the day’s limit says so kindly and keeps the text', async ({ page }) => {
  const sodium = await loadSodium();
  const request = (p: string, init?: RequestInit) => fetch(`${BASE}${p}`, init);
  const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', text: 'Vraag met veel berichten' });
  await page.goto('/mijn-vraag/');
  await expect(page.getByRole('button', { name: 'Open mijn vraag' })).toBeEnabled();
  await page.locator('#code').fill(asked.code);
  await page.getByRole('button', { name: 'Open mijn vraag' }).click();
  await expect(page.getByTestId('mailbox-question')).toBeVisible({ timeout: 30_000 });
  // The server's answer for the 21st message of a day, as the API gives it.
  await page.route('**/api/mailbox/messages', (route) =>
    route.fulfill({ status: 429, headers: { 'retry-after': '3600' }, contentType: 'application/json', body: '{"error":{"code":"too_many_messages","message":"x"}}' }),
  );
  await page.getByLabel('Nog iets vragen of vertellen?').fill('Nog een bericht');
  await page.getByRole('button', { name: 'Verstuur geheim' }).click();
  await expect(page.getByText('U heeft vandaag al veel berichten gestuurd')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/bel 010 246 5000/)).toBeVisible();
  await expect(page.getByLabel('Nog iets vragen of vertellen?')).toHaveValue('Nog een bericht');
});

test('a flooded team: the form says to call, with the number, and keeps what was typed', async ({ page }) => {
  // The team's online budget is spent this hour (as a flood of questions would leave it).
  const { e2eDatabase } = await import('../helpers/e2eDatabase');
  const hour = new Date().toISOString().slice(0, 13);
  const db = e2eDatabase();
  try {
    db.prepare("INSERT INTO team_activity (team_id, kind, hour, n) VALUES ('nieuwland-groenoord', 'case', ?, 100000) ON CONFLICT DO UPDATE SET n = 100000").run(hour);
  } finally {
    db.close();
  }
  try {
    await page.goto('/vraag/');
    const send = page.getByRole('button', { name: 'Verstuur geheim' });
    await expect(send).toBeEnabled();
    await page.locator('#neighbourhood').selectOption('groenoord');
    const text = 'Ik wil dit niet nog eens typen';
    await page.locator('#question').fill(text);
    await page.getByRole('radio', { name: /team mag/ }).check();
    await send.click();
    const error = page.getByTestId('send-error');
    await expect(error).toContainText('Er komen nu heel veel aanvragen binnen bij dit team', { timeout: 60_000 });
    await expect(error).toContainText('Bel ons op 010 246 5000');
    await expect(page.locator('.achterom-alert', { has: error })).toBeFocused();
    await expect(page.locator('#question')).toHaveValue(text);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  } finally {
    const cleanup = e2eDatabase();
    try {
      cleanup.prepare("DELETE FROM team_activity WHERE team_id = 'nieuwland-groenoord' AND kind = 'case' AND hour = ?").run(hour);
    } finally {
      cleanup.close();
    }
  }
});
