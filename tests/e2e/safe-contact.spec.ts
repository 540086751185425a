// Safe contact (issue 16): a resident says when and how the team may call or mail them
// safely; it is sealed with the question (never in a request body or the database), the
// resident reads the code word back with their code, and the intake worker sees it all on
// the case page first, above the number or address.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { caseIdOf, openCaseFromInbox } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';
import { signInPage } from '../helpers/consoleSignIn';
import { capture } from '../helpers/requests';
import { expectNotInDatabaseFiles } from '../helpers/e2eDatabase';
import { waitForHydration } from '../helpers/residentPages';

const RUN = Date.now().toString(36);
const CODE_WORD = `zonnebloem-${RUN}`;
const INTRODUCTION = `Met Sanne van de bibliotheek ${RUN}`;
const CALL_NOTE = `Niet als mijn partner thuis is ${RUN}`;
const PHONE_QUESTION = `Ik durf niet gebeld te worden als hij thuis is. ${RUN}`;
const MAIL_QUESTION = `Mail mij alstublieft zonder de gemeente in het onderwerp. ${RUN}`;

/** True when `first` stands before `second` in the page, and above it on screen. */
async function expectBefore(first: Locator, second: Locator) {
  const handle = await second.elementHandle();
  expect(await first.evaluate((a, b) => Boolean(a.compareDocumentPosition(b as Node) & Node.DOCUMENT_POSITION_FOLLOWING), handle)).toBe(true);
  const [a, b] = [(await first.boundingBox())!, (await second.boundingBox())!];
  expect(a.y + a.height).toBeLessThanOrEqual(b.y);
}

async function noHorizontalScroll(page: Page, label: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll: ${label}`).toBeLessThanOrEqual(0);
}

test('safe-contact answers travel sealed and stand first on the case page', async ({ browser }) => {
  test.setTimeout(60_000);
  const resident = await browser.newContext();
  const requests = capture(resident);
  const page = await resident.newPage();
  await page.goto('/vraag/');
  await waitForHydration(page, '#neighbourhood');

  // Nothing of it shows until "Bel mij" is chosen; then it opens below the number.
  await expect(page.locator('#call-code-word')).toHaveCount(0);
  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(PHONE_QUESTION);
  await page.getByRole('radio', { name: 'Bel mij' }).check();
  await page.locator('#phone').fill('06 1234 5678');
  const safeCall = page.getByTestId('safe-call');
  await expect(safeCall).toBeVisible();
  await expect(page.getByRole('group', { name: 'Op welke dagen kunnen we u veilig bellen?' })).toBeVisible();
  // Nothing ticked is the safe answer.
  await expect(page.getByRole('checkbox', { name: 'Een bericht inspreken als ik niet opneem' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Een sms sturen' })).not.toBeChecked();
  await expectNoAxeViolations(page, 'question form with safe calling open');

  await page.getByRole('checkbox', { name: 'Dinsdag' }).check();
  await page.getByRole('checkbox', { name: 'Donderdag' }).check();
  await page.getByRole('checkbox', { name: /In de ochtend/ }).check();
  await page.locator('#call-note').fill(CALL_NOTE);
  await page.getByRole('checkbox', { name: 'Een sms sturen' }).check();
  await page.getByRole('radio', { name: 'De beller zegt wat ik hieronder schrijf' }).check();
  await page.locator('#call-code-word').fill('x'.repeat(41));
  await page.getByRole('radio', { name: /team mag/ }).check();

  // Own words chosen but not written, and a code word too long: both named, in page order.
  const submit = page.getByRole('button', { name: 'Verstuur geheim' });
  await submit.click();
  const summary = page.locator('#error-summary');
  await expect(summary.getByRole('link')).toHaveText([
    'Schrijf wat de beller moet zeggen. Of kies een ander antwoord.',
    'Het codewoord is te lang. Gebruik niet meer dan 40 tekens.',
  ]);
  await expect(page.locator('#call-introduction-words')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#call-code-word')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'question form with safe-contact errors');
  await summary.getByRole('link', { name: /Schrijf wat de beller/ }).click();
  await expect(page.locator('#call-introduction-words')).toBeFocused();

  await page.locator('#call-introduction-words').fill(INTRODUCTION);
  await page.locator('#call-code-word').fill(CODE_WORD);
  // A phone-sized screen takes all of it without scrolling sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  await noHorizontalScroll(page, 'safe calling at 320 px');
  await page.setViewportSize({ width: 1280, height: 720 });
  const phoneCase = await caseIdOf(page, () => submit.click());
  const code = (await page.getByTestId('case-code').textContent())!.trim();

  // With the code, the resident reads back the code word the caller will say.
  await page.goto('/mijn-vraag/');
  await waitForHydration(page, '#code');
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: 'Open mijn vraag' }).click();
  await expect(page.getByTestId('mailbox-question')).toContainText(PHONE_QUESTION, { timeout: 30_000 });
  await expect(page.getByTestId('mailbox-code-word')).toHaveText(CODE_WORD);

  // A second question, by e-mail, with the subject left plain (the box not ticked).
  await page.goto('/vraag/');
  await waitForHydration(page, '#neighbourhood');
  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(MAIL_QUESTION);
  await page.getByRole('radio', { name: 'Mail mij' }).check();
  await page.locator('#email').fill(`veilig-${RUN}@example.nl`);
  const subject = page.getByRole('checkbox', { name: 'Het onderwerp mag zeggen dat de mail van de gemeente komt' });
  await expect(subject).not.toBeChecked();
  await expectNoAxeViolations(page, 'question form with safe mailing open');
  await page.getByRole('radio', { name: /team mag/ }).check();
  const mailCase = await caseIdOf(page, () => page.getByRole('button', { name: 'Verstuur geheim' }).click());
  await expect(page.getByTestId('case-code')).toBeVisible();
  await resident.close();

  // None of it left the browser readable, nor reached the database.
  for (const r of requests) for (const secret of [CODE_WORD, INTRODUCTION, CALL_NOTE]) expect(r.body, r.url).not.toContain(secret);
  expectNotInDatabaseFiles([CODE_WORD, INTRODUCTION, CALL_NOTE]);

  // The intake worker opens the phone case: the instructions come before the number.
  const staff = await browser.newContext();
  const consolePage = await signInPage(await staff.newPage(), 'intake.centrum');
  await openCaseFromInbox(consolePage, phoneCase, PHONE_QUESTION);
  const block = consolePage.getByTestId('safe-contact');
  await expect(block.getByRole('heading', { name: 'Veilig bellen: lees dit voordat u belt' })).toBeVisible();
  await expectBefore(block, consolePage.getByTestId('case-contact'));
  await expect(consolePage.getByTestId('case-contact')).toContainText('06 1234 5678');
  await expect(consolePage.getByTestId('case-contact')).toContainText('Lees eerst "Veilig bellen" hierboven.');
  await expect(block.getByTestId('safe-contact-when')).toContainText("dinsdag en donderdag, 's ochtends (9 tot 12 uur)");
  await expect(block.getByTestId('safe-contact-note')).toContainText(CALL_NOTE);
  await expect(block.getByTestId('safe-contact-voicemail')).toContainText('Niet inspreken.');
  await expect(block.getByTestId('safe-contact-sms')).toContainText('Mag: u mag een sms sturen.');
  await expect(block.getByTestId('safe-contact-introduction')).toContainText(INTRODUCTION);
  await expect(block.getByTestId('safe-contact-codeWord')).toContainText(CODE_WORD);
  await expectNoAxeViolations(consolePage, 'case page with safe calling');

  // And the e-mail case: do not name the gemeente in the subject.
  await consolePage.getByRole('link', { name: 'Terug naar de vragen' }).click();
  await openCaseFromInbox(consolePage, mailCase, MAIL_QUESTION);
  const mailBlock = consolePage.getByTestId('safe-contact');
  await expect(mailBlock.getByRole('heading', { name: 'Veilig mailen: lees dit voordat u mailt' })).toBeVisible();
  await expect(mailBlock.getByTestId('safe-contact-subject')).toContainText('Noem de gemeente niet in het onderwerp.');
  await expectBefore(mailBlock, consolePage.getByTestId('case-contact'));
  await expect(consolePage.getByTestId('case-contact')).toContainText(`veilig-${RUN}@example.nl`);
  await expectNoAxeViolations(consolePage, 'case page with safe mailing');
  await staff.close();
});

test('the Arabic form asks the same, right to left, on a phone-sized screen', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/ar/vraag/');
  await waitForHydration(page, '#neighbourhood');
  await page.locator('#contact-phone').check();
  await page.getByRole('radio', { name: 'يقول المتصل ما أكتبه في الأسفل' }).check();
  await expect(page.locator('#call-introduction-words')).toBeVisible();
  await page.locator('#contact-email').check();
  await expect(page.getByRole('checkbox', { name: 'يجوز أن يقول الموضوع إن البريد من البلدية' })).toBeVisible();
  await page.locator('#contact-phone').check();
  // What was chosen under "call me" is kept while switching.
  await expect(page.getByRole('radio', { name: 'يقول المتصل ما أكتبه في الأسفل' })).toBeChecked();
  await noHorizontalScroll(page, 'Arabic safe calling at 320 px');
  await expectNoAxeViolations(page, 'Arabic question form with safe calling open');
});
