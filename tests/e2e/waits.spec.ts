// Every wait has an end: a request that never answers does not leave a resident
// looking at a spinner. The clock is Playwright's, moved on by hand, so the test does
// not sit out the real 45 seconds.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('a stalled send times out with a way out, keeps what was typed, and sends on retry', async ({ page }) => {
  await page.clock.install();
  await page.goto('/vraag/');
  const send = page.getByRole('button', { name: 'Versleutel en verstuur' });
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
