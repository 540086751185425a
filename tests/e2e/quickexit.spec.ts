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
  await expect(page.getByRole('button', { name: 'Versleutel en verstuur' })).toBeEnabled();
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

test('every resident page has the quick exit with its help text', async ({ page }) => {
  for (const path of RESIDENT_PAGES) {
    await page.goto(path);
    const link = page.locator('[data-quick-exit]');
    await expect(link, path).toBeVisible();
    await expect(link).toHaveAttribute('href', QUICK_EXIT_URL);
    await expect(page.locator('#quick-exit-help')).toBeVisible();
  }
});
