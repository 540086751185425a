// On a shared device, Back after sending a question must not show the question or the
// code again. The page is sent with Cache-Control: no-store, so Back loads it afresh; and
// should a browser keep it in its back/forward cache all the same, the island has already
// forgotten everything on pagehide. Both are played here, with Chromium's back/forward
// cache on (Playwright turns it off by default; a resident's browser has it on).
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from '../helpers/residentPages';
import { CHROMIUM_LAUNCH } from '../../playwright.config';

test.use({ launchOptions: { ...CHROMIUM_LAUNCH, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });

const SENTINEL = 'BACK-SENTINEL niemand mag dit terugzien 4471';

/** Sends a question, leaves for Mijn vraag and comes back; says whether the page came from the cache. */
async function sendLeaveAndComeBack(page: Page): Promise<{ fromCache: boolean; heading: string; title: string }> {
  await page.goto('/vraag/');
  await waitForHydration(page, '#question');
  const heading = (await page.locator('main h1').textContent())!;
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
  const fromCache = await page.evaluate(() => (window as unknown as { achteromBackMark?: boolean }).achteromBackMark === true);
  return { fromCache, heading, title };
}

async function expectNothingBack(page: Page, heading: string, title: string) {
  await expect(page.getByTestId('case-code')).toHaveCount(0);
  await expect(page.getByText(SENTINEL)).toHaveCount(0);
  await expect(page.locator('#question')).toHaveValue('');
  await expect(page.locator('main h1')).toHaveText(heading);
  await expect(page).toHaveTitle(title);
}

test('Back after sending loads the question page afresh (no-store): neither the question nor the code', async ({ page }) => {
  const { fromCache, heading, title } = await sendLeaveAndComeBack(page);
  expect(fromCache, 'a no-store page is not kept in the back/forward cache').toBe(false);
  await expectNothingBack(page, heading, title);
});

test('a browser that keeps the page in its back/forward cache anyway shows neither the question nor the code', async ({ page }) => {
  // Play such a browser: the page arrives without its Cache-Control header.
  await page.route(/\/vraag\/$/, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cache-control'];
    await route.fulfill({ response, headers });
  });
  const { fromCache, heading, title } = await sendLeaveAndComeBack(page);
  expect(fromCache, 'restored from the back/forward cache').toBe(true);
  await expectNothingBack(page, heading, title);
});
