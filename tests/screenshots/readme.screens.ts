// Takes the README's screenshots: a resident on a phone (360 px) asks a question, keeps
// the code and reads the answer; a WOT worker on a laptop (1366×768) sees the inbox,
// opens the case and answers. Images go to tests/screenshots/images/.
import { test, expect, type Page } from '@playwright/test';
import path from 'node:path';

const OUT = path.join(import.meta.dirname, 'images');
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };

async function shot(page: Page, name: string, fullPage = false) {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
}

test('README screenshots', async ({ browser }) => {
  const resident = await browser.newPage({ viewport: PHONE });
  await resident.goto('/');
  await shot(resident, '1-home');

  await resident.goto('/vraag/');
  await resident.waitForFunction(() => !(document.querySelector('#neighbourhood') as HTMLSelectElement | null)?.disabled);
  await resident.locator('#neighbourhood').selectOption('oost');
  await resident.locator('#question').fill('Ik heb een brief van de deurwaarder gekregen en durf niet langs te komen. Kunt u mij helpen?');
  await resident.getByRole('radio', { name: /Bel mij/ }).check();
  await resident.locator('#phone').fill('06 1234 5678');
  await resident.getByRole('radio', { name: /Alleen een voornaam/ }).check();
  await resident.locator('#call-code-word').fill('zonnebloem');
  await resident.getByRole('radio', { name: /Alleen de medewerker/ }).check();
  await shot(resident, '2-question', true);
  await resident.locator('form button[type="submit"]').click();
  const codeText = (await resident.getByTestId('case-code').textContent({ timeout: 60_000 }))!.trim();
  await shot(resident, '3-code');

  const staff = await browser.newPage({ viewport: LAPTOP });
  await staff.goto('/medewerker/');
  await expect(staff.getByRole('button', { name: 'Inloggen' })).toBeEnabled();
  await staff.locator('#username').fill('intake.centrum');
  await staff.locator('#passphrase').fill('oefenen in achterom');
  await staff.getByRole('button', { name: 'Inloggen' }).click();
  const card = staff.getByTestId('case').first();
  await expect(card).toBeVisible({ timeout: 30_000 });
  await shot(staff, '4-console-inbox');
  await card.getByRole('button', { name: /^Open/ }).click();
  await expect(staff.getByTestId('case-question')).toBeVisible({ timeout: 30_000 });
  await staff.locator('#reply').fill('Goed dat u ons schrijft. Wij bellen u morgen tussen 10 en 12 uur. U hoeft niets mee te nemen.');
  await staff.evaluate(() => window.scrollTo(0, 0));
  await shot(staff, '5-console-case');
  await staff.locator('#reply').locator('xpath=ancestor::form').locator('button[type="submit"]').click();
  await expect(staff.getByTestId('reply-sent')).toBeVisible({ timeout: 30_000 });

  await resident.goto('/mijn-vraag/');
  await resident.waitForFunction(() => !(document.querySelector('#code') as HTMLInputElement | null)?.disabled);
  await resident.locator('#code').fill(codeText);
  await resident.locator('form button[type="submit"]').first().click();
  await expect(resident.getByTestId('mailbox-message').first()).toBeVisible({ timeout: 60_000 });
  await resident.getByTestId('mailbox-message').first().scrollIntoViewIfNeeded();
  await shot(resident, '6-answer');
});
