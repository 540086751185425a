// Error and confirmation states in every language: axe (WCAG 2.2 AA tags) finds
// nothing on the question form with errors, its confirmation, the mailbox's not-found
// answer and the booking form's first error.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { LANGUAGES, pathFor } from './pages';
import nl from '../../src/lib/i18n/nl';
import en from '../../src/lib/i18n/en';
import tr from '../../src/lib/i18n/tr';
import ar from '../../src/lib/i18n/ar';
import pl from '../../src/lib/i18n/pl';

const STRINGS = { nl, en, tr, ar, pl } as const;

for (const lang of LANGUAGES) {
  const s = STRINGS[lang];

  test(`${lang}: question errors and confirmation`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(pathFor(lang, 'vraag/'));
    const submit = page.getByRole('button', { name: s['form.submit'] });
    await expect(submit).toBeEnabled();
    await submit.click();
    await expect(page.getByRole('heading', { name: s['form.errorSummary.title'] })).toBeVisible();
    // The error summary takes focus (the box that holds the heading).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(s['form.errorSummary.title']);
    await expectNoAxeViolations(page, `${lang} question errors`);

    await page.locator('#neighbourhood').selectOption('weet-ik-niet');
    await page.locator('#question').fill('Test in de taal van de pagina.');
    await page.locator('#consent-team').check();
    await submit.click();
    await expect(page.getByTestId('case-code')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page, `${lang} question confirmation`);
  });

  test(`${lang}: mailbox not found and booking errors`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto(pathFor(lang, 'mijn-vraag/'));
    const open = page.getByRole('button', { name: s['mailbox.open'] });
    await expect(open).toBeEnabled();
    await page.locator('#code').fill('1234 5678 9012 3456');
    await open.click();
    await expect(page.getByTestId('mailbox-not-found')).toBeVisible({ timeout: 60_000 });
    await expectNoAxeViolations(page, `${lang} mailbox not found`);

    await page.goto(pathFor(lang, 'afspraak/'));
    const next = page.getByRole('button', { name: s['booking.next'] });
    await expect(next).toBeEnabled();
    await next.click();
    await expect(page.locator('#error-summary')).toBeFocused();
    await expectNoAxeViolations(page, `${lang} booking error`);
  });
}
