// Quick exit ("Snel weg"): the button and the Shift shortcut start the navigation to
// the neutral site at once, and Back does not bring the filled-in form back.
import { test, expect, type Page } from '@playwright/test';
import { QUICK_EXIT_URL } from '../../src/lib/config/site';
import { RESIDENT_PAGES } from './pages';

const NEUTRAL = new URL(QUICK_EXIT_URL);

async function stubNeutralSite(page: Page) {
  // No request may leave this machine: answer for the neutral site locally.
  await page.context().route(`${NEUTRAL.origin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weer</title><p>Het weer</p>' }),
  );
}

async function fillForm(page: Page) {
  await page.goto('/');
  await page.goto('/vraag/');
  await expect(page.getByRole('button', { name: 'Verstuur geheim' })).toBeEnabled();
  await page.locator('#question').fill('Niemand mag dit zien');
}

for (const how of ['button', 'shift'] as const) {
  test(`quick exit by ${how} leaves at once and Back does not return to the form`, async ({ page }) => {
    await stubNeutralSite(page);
    await fillForm(page);
    const navigation = page.waitForRequest((req) => req.url().startsWith(NEUTRAL.origin) && req.isNavigationRequest(), { timeout: 1000 });
    if (how === 'button') {
      await page.getByRole('link', { name: 'Snel weg' }).click();
    } else {
      await page.locator('#question').focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    }
    // The navigation starts within a second: nothing is awaited before it.
    await navigation;
    await page.waitForURL(`${NEUTRAL.origin}/**`);
    await page.goBack();
    // The form's history entry was replaced: Back lands on the page before it.
    expect(new URL(page.url()).pathname).not.toBe('/vraag/');
    await expect(page.getByText('Niemand mag dit zien')).toHaveCount(0);
  });
}

test('two Shift presses, or three spread out, do not leave', async ({ page }) => {
  await stubNeutralSite(page);
  await fillForm(page);
  await page.locator('#question').focus();
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(2200);
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe('/vraag/');
});

/** Types as a person does: Shift held for capitals and for ! and ?, about 8 keys a second. */
async function typeLikeAPerson(page: Page, text: string) {
  for (const ch of text) {
    const shifted = /[A-Z!?:"()]/.test(ch);
    if (shifted) await page.keyboard.down('Shift');
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    if (shifted) await page.keyboard.up('Shift');
    await page.waitForTimeout(110);
  }
}

test('typing capitals and punctuation at human speed does not leave; Shift three times still does', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/vraag/');
  await expect(page.getByRole('button', { name: 'Verstuur geheim' })).toBeEnabled();
  await page.locator('#question').focus();
  const typed = 'Mijn Man Slaat! Wat Nu? Help Mij A U B.';
  await typeLikeAPerson(page, typed);
  await page.waitForTimeout(300);
  expect(new URL(page.url()).pathname).toBe('/vraag/');
  await expect(page.locator('#question')).toHaveValue(typed);
  // Two quick capitals right after each other ("AB") are Shift, A, Shift, B: no exit either.
  await typeLikeAPerson(page, ' OK');
  expect(new URL(page.url()).pathname).toBe('/vraag/');
  const navigation = page.waitForRequest((req) => req.url().startsWith(NEUTRAL.origin) && req.isNavigationRequest(), { timeout: 2000 });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await navigation;
});

test('on a phone the way out stays on screen while scrolling, and the help speaks of tapping', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/vraag/');
  // What is shown (and read out) speaks of tapping; the Shift text is not rendered.
  await expect(page.locator('#quick-exit-help')).toBeVisible();
  await expect(page.locator('.achterom-quick-exit__help-touch')).toBeVisible();
  await expect(page.locator('.achterom-quick-exit__help-touch')).toHaveText('Wilt u deze site meteen verlaten? Tik op Snel weg.');
  await expect(page.locator('.achterom-quick-exit__help-keyboard')).toBeHidden();
  expect(await page.locator('#quick-exit-help').innerText()).not.toContain('Shift');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(200);
  const box = await page.locator('[data-quick-exit]').boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 740, `quick exit at ${JSON.stringify(box)}`).toBe(true);
  await context.close();
});

test('every resident page has the quick exit with its help text', async ({ page }) => {
  for (const path of RESIDENT_PAGES) {
    await page.goto(path);
    const link = page.locator('[data-quick-exit]');
    await expect(link, path).toBeVisible();
    await expect(link).toHaveAttribute('href', QUICK_EXIT_URL);
    await expect(page.locator('#quick-exit-help')).toBeVisible();
  }
});
