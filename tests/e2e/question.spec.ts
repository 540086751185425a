// The walking skeleton end to end: a resident asks, an intake worker reads it.
// Hush Line's rule: capture every request body and show the sentinel never leaves
// the browser in plaintext, and never lands in the database files.
import { test, expect } from '@playwright/test';
import { caseCard, caseIdOf, openCaseFromInbox } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';
import { capture } from '../helpers/requests';
import { expectNotInDatabaseFiles } from '../helpers/e2eDatabase';

const SENTINEL = `SENTINEL-${Date.now().toString(36)}-schuldhulp`;
const BASE_HOST = '127.0.0.1';

test('a resident asks a question and an intake worker reads it decrypted', async ({ browser }) => {
  // Resident
  const resident = await browser.newContext();
  const residentRequests = capture(resident);
  const page = await resident.newPage();
  await page.goto('/');
  await expectNoAxeViolations(page, 'home');
  await page.goto('/vraag/');
  await expectNoAxeViolations(page, 'question form');

  const submit = page.getByRole('button', { name: 'Verstuur geheim' });
  await expect(submit).toBeEnabled();
  // An empty form gives an error summary that takes focus.
  await submit.click();
  const summary = page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' });
  await expect(summary).toBeVisible();
  await expectNoAxeViolations(page, 'question form with errors');

  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(`Ik durf niet langs te komen. ${SENTINEL}`);
  await page.getByRole('radio', { name: /Bel mij/ }).check();
  await page.locator('#phone').fill('06 1234 5678');
  await page.getByRole('radio', { name: /team mag/ }).check();

  const scripts: Promise<Buffer>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(res.body());
  });
  const caseId = await caseIdOf(page, () => submit.click());
  const codeText = (await page.getByTestId('case-code').textContent())!.trim();
  expect(codeText).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  const code = codeText.replace(/ /g, '');
  await expectNoAxeViolations(page, 'confirmation');
  // The page now says it was sent, in its title and main heading.
  await expect(page).toHaveTitle('Uw vraag is verstuurd – Achterom');
  await expect(page.locator('main h1')).toHaveText('Uw vraag is verstuurd');
  // Copy the code, and check it was written down right (compared in the page, never sent).
  await resident.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('code-copy').click();
  await expect(page.getByTestId('code-copy-status')).toHaveText('De code is gekopieerd. Plak hem op een veilige plek.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codeText);
  await page.getByRole('button', { name: 'Controleer' }).click();
  await expect(page.getByTestId('code-check-result')).toHaveText('Typ eerst de code over.');
  await page.locator('#code-check').fill(`${code.slice(0, 15)}${(Number(code[15]) + 1) % 10}`);
  await page.getByRole('button', { name: 'Controleer' }).click();
  await expect(page.getByTestId('code-check-result')).toContainText('Dit is niet dezelfde code.');
  await page.locator('#code-check').fill(codeText.replace(/ /g, '-'));
  await page.getByRole('button', { name: 'Controleer' }).click();
  await expect(page.getByTestId('code-check-result')).toHaveText('Goed zo. De code klopt.');
  await expectNoAxeViolations(page, 'confirmation with the code checked');
  // libsodium arrived only now, with the press of the button (the budget test shows it is absent before).
  const bodies = await Promise.all(scripts);
  expect(bodies.some((b) => b.includes('sodium_version_string'))).toBe(true);

  // Nothing readable left the browser, and only to our own origin.
  const posted = residentRequests.filter((r) => r.method === 'POST');
  expect(posted.map((r) => new URL(r.url).pathname)).toEqual(['/api/cases']);
  for (const r of residentRequests) {
    expect(new URL(r.url).hostname, r.url).toBe(BASE_HOST);
    expect(r.body, r.url).not.toContain(SENTINEL);
    expect(r.body, r.url).not.toContain(code);
    expect(r.body, r.url).not.toContain(codeText);
    expect(r.body, r.url).not.toContain('1234 5678');
  }
  // No cookie and no storage on resident pages.
  expect(await resident.cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  await resident.close();

  // The database files hold neither the sentinel nor the code.
  expectNotInDatabaseFiles([SENTINEL, code]);

  // Intake worker of the team for Oost
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await staffPage.goto('/medewerker/');
  await expectNoAxeViolations(staffPage, 'staff sign-in');
  await staffPage.locator('#username').fill('intake.centrum');
  await staffPage.locator('#passphrase').fill('oefenen in achterom');
  await staffPage.getByRole('button', { name: 'Inloggen' }).click();
  // The inbox line shows only what the server knows; the question opens on the case page.
  await expect(caseCard(staffPage, caseId)).toBeVisible({ timeout: 30_000 });
  await expect(caseCard(staffPage, caseId)).not.toContainText('1234 5678');
  await expectNoAxeViolations(staffPage, 'staff inbox');
  await openCaseFromInbox(staffPage, caseId, SENTINEL);
  await expect(staffPage.getByTestId('case-contact')).toContainText('06 1234 5678');
  await expect(staffPage.getByTestId('case-neighbourhood')).toContainText('Oost');
  const cookies = await staff.cookies();
  expect(cookies.map((c) => [c.name, c.httpOnly, c.secure, c.sameSite])).toEqual([['__Host-achterom_session', true, true, 'Strict']]);
  await staff.close();

  // Another team's intake worker does not see it.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/medewerker/');
  await otherPage.locator('#username').fill('intake.nieuwland');
  await otherPage.locator('#passphrase').fill('oefenen in achterom');
  await otherPage.getByRole('button', { name: 'Inloggen' }).click();
  await expect(otherPage.getByRole('button', { name: 'Uitloggen' })).toBeVisible({ timeout: 30_000 });
  await expect(otherPage.getByTestId('inbox-status')).not.toHaveText('Vragen worden opgehaald…');
  await expect(caseCard(otherPage, caseId)).toHaveCount(0);
  await expect(otherPage.getByText(SENTINEL)).toHaveCount(0);
  await other.close();
});

test('a wrong passphrase gets a clear message', async ({ page }) => {
  await page.goto('/medewerker/');
  await page.locator('#username').fill('intake.centrum');
  await page.locator('#passphrase').fill('niet de goede zin');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByText('Gebruikersnaam of wachtwoordzin klopt niet')).toBeVisible({ timeout: 30_000 });
});
