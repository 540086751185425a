// Without JavaScript nothing fails silently: pages that encrypt say so and offer the
// phone number, and their controls stay disabled instead of posting plaintext.
import { test, expect } from '@playwright/test';

test.use({ javaScriptEnabled: false });

for (const path of ['/vraag/', '/en/vraag/', '/mijn-vraag/', '/en/mijn-vraag/']) {
  test(`${path} explains that encryption needs JavaScript and offers the phone`, async ({ page }) => {
    await page.goto(path);
    const notice = page.locator('.achterom-noscript');
    await expect(notice).toBeVisible();
    await expect(notice.locator('a[href^="tel:"]')).toHaveCount(1);
    // No control can submit anything without encryption.
    for (const button of await page.getByRole('button').all()) await expect(button).toBeDisabled();
    expect(await page.locator('form[action]').count()).toBe(0);
  });
}

test('the home page works without JavaScript and still offers the phone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
});
