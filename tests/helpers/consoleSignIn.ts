// Signs a demo staff member in to the console in a browser page, as a person would.
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSPHRASE = 'oefenen in achterom';

export async function signInPage(page: Page, username: string, passphrase = DEMO_PASSPHRASE): Promise<Page> {
  await page.goto('/medewerker/');
  const button = page.getByRole('button', { name: 'Inloggen' });
  await expect(button).toBeEnabled();
  await page.locator('#username').fill(username);
  await page.locator('#passphrase').fill(passphrase);
  await button.click();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible({ timeout: 30_000 });
  return page;
}
