// The inbox shows no content, so a browser test finds a case by its id: taken from the
// resident's own POST (the answer the resident's browser got), never from the database.
import { expect, type Locator, type Page, type Route } from '@playwright/test';

const CREATES_CASE = /\/api\/(cases|appointments)(\?.*)?$/;

/**
 * Runs the resident's submit and returns the id of the case it made (question or
 * booking), read from the answer as it passes (Chromium may not keep the body of a
 * response the page has consumed, so the test reads it on the way instead).
 */
export async function caseIdOf(page: Page, submit: () => Promise<unknown>): Promise<string> {
  let found: (id: string) => void = () => undefined;
  const created = new Promise<string>((resolve) => (found = resolve));
  const handler = async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const response = await route.fetch();
    const body = await response.text();
    if (response.status() === 201) {
      const json = JSON.parse(body) as { id?: string; caseId?: string };
      found(json.id ?? json.caseId ?? '');
    }
    return route.fulfill({ response, body });
  };
  await page.route(CREATES_CASE, handler);
  try {
    await submit();
    const id = await Promise.race([created, new Promise<string>((_, reject) => setTimeout(() => reject(new Error('no case was made within 60 s')), 60_000))]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    return id;
  } finally {
    await page.unroute(CREATES_CASE, handler);
  }
}

/** The inbox line of one case. */
export const caseCard = (page: Page, caseId: string): Locator => page.locator(`[data-testid="case"][data-case-id="${caseId}"]`);

/** Opens a case from the inbox and waits until it is decrypted on the case page. */
export async function openCaseFromInbox(page: Page, caseId: string, expectText: string): Promise<void> {
  const card = caseCard(page, caseId);
  await expect(card).toBeVisible({ timeout: 30_000 });
  await card.getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByTestId('case-detail').getByTestId('case-question')).toContainText(expectText, { timeout: 30_000 });
  await expect(page.locator('#case-detail-heading')).toBeFocused();
}
