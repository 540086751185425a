// The booking wizard keeps its steps in the browser history: Back (the browser's or a
// phone's) goes one step back with every answer kept, Forward goes on again, and the
// address stays the same (nothing about the booking in it).
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('Back and Forward move between the booking steps and lose nothing', async ({ page }) => {
  await page.goto('/');
  await page.goto('/afspraak/');
  const heading = page.locator('#step-heading');
  await expect(page.locator('#neighbourhood')).toBeEnabled();
  await page.locator('#neighbourhood').selectOption('oost');
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(heading).toContainText('Stap 2 van 5');
  await page.getByRole('radio', { name: 'Via de achteringang langskomen' }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(heading).toContainText('Kies een dag en tijd');

  await page.goBack();
  await expect(heading).toContainText('Stap 2 van 5');
  await expect(heading).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Via de achteringang langskomen' })).toBeChecked();
  expect(new URL(page.url()).pathname).toBe('/afspraak/');
  await page.goBack();
  await expect(heading).toContainText('Stap 1 van 5');
  await expect(page.locator('#neighbourhood')).toHaveValue('oost');
  await page.goForward();
  await expect(heading).toContainText('Stap 2 van 5');

  // The page's own Terug and the browser's Back agree.
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(heading).toContainText('Kies een dag en tijd');
  await page.getByRole('button', { name: 'Terug' }).click();
  await expect(heading).toContainText('Stap 2 van 5');
  await page.goBack();
  await expect(heading).toContainText('Stap 1 van 5');
  // One more Back leaves the wizard for the page before it.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
