// On a shared device, Back after sending a question must not show the question or the
// code again, also when the browser restores the page from its back/forward cache.
import { expect, test } from '@playwright/test';
import { waitForHydration } from '../helpers/residentPages';
import { CHROMIUM_LAUNCH } from '../../playwright.config';

// Playwright turns Chromium's back/forward cache off by default; a resident's browser has it on.
test.use({ launchOptions: { ...CHROMIUM_LAUNCH, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });

const SENTINEL = 'BACK-SENTINEL niemand mag dit terugzien 4471';

test('Back after sending shows neither the question nor the code (back/forward cache on)', async ({ page }) => {
  await page.goto('/vraag/');
  await waitForHydration(page, '#question');
  const heading = await page.locator('main h1').textContent();
  const title = await page.title();
  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(`Ik heb een vraag. ${SENTINEL}`);
  await page.getByRole('radio', { name: /team mag/ }).check();
  await page.getByRole('button', { name: 'Verstuur geheim' }).click();
  await expect(page.getByTestId('case-code')).toBeVisible({ timeout: 60_000 });
  // A mark in this page's memory: it survives Back only if the page came from the cache.
  await page.evaluate(() => Object.assign(window, { achteromBackMark: true }));

  await page.getByRole('link', { name: 'Mijn vraag' }).click();
  await expect(page).toHaveURL(/\/mijn-vraag\/$/);
  // A page from the cache fires no load event; the address changing is the sign.
  await page.goBack({ waitUntil: 'commit' });
  await expect(page).toHaveURL(/\/vraag\/$/);
  expect(await page.evaluate(() => (window as unknown as { achteromBackMark?: boolean }).achteromBackMark === true), 'restored from the back/forward cache').toBe(true);
  await expect(page.getByTestId('case-code')).toHaveCount(0);
  await expect(page.getByText(SENTINEL)).toHaveCount(0);
  await expect(page.locator('#question')).toHaveValue('');
  await expect(page.locator('main h1')).toHaveText(heading!);
  await expect(page).toHaveTitle(title);
});
