// Small steps on the resident pages that several tests take.
import { expect, type Page } from '@playwright/test';

/** The id of the element that has focus ('' for none). */
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Waits until the island has hydrated: the field is there and no longer disabled. */
export async function waitForHydration(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s) as HTMLInputElement | null;
    return el !== null && !el.disabled;
  }, selector);
}

/** Booking steps 1 and 2 with the mouse, for the tests that are about something else. */
export async function chooseTeamAndType(page: Page, neighbourhood: string, typeLabel: RegExp) {
  await waitForHydration(page, '#neighbourhood');
  await page.locator('#neighbourhood').selectOption(neighbourhood);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('radio', { name: typeLabel }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.locator('#step-heading')).toContainText('Kies een dag en tijd');
}
