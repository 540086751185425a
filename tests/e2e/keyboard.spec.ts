// The question flow with the keyboard only: no mouse, no clicks, no fill(). From the top
// of the page, Tab passes the skip link, the quick exit and the header (name and the
// language switch) to the form; the neighbourhood is chosen by typing on the select, the
// radios with the arrow keys and Space, and Enter on the button sends. Focus is checked
// at every step, and the confirmation shows the 16-digit code.
import { test, expect, type Page } from '@playwright/test';
import { LANGUAGES, pathFor } from './pages';

/** A short description of the element that has focus: id, or tag and a telling attribute. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    if (el.id) return `#${el.id}`;
    if (el.matches('[data-quick-exit]')) return 'quick-exit';
    if (el.classList.contains('achterom-skip-link')) return 'skip-link';
    if (el.classList.contains('achterom-site-header__brand')) return 'brand';
    const hreflang = el.getAttribute('hreflang');
    if (hreflang) return `lang:${hreflang}`;
    return el.tagName.toLowerCase();
  });

async function tab(page: Page, expected: string) {
  await page.keyboard.press('Tab');
  await expect.poll(() => focused(page), `Tab to ${expected}`).toBe(expected);
}

test('a resident asks a question with the keyboard only and sees the code', async ({ page }) => {
  await page.goto('/vraag/');
  // The island enables the form once it runs.
  await expect(page.locator('#neighbourhood')).toBeEnabled();
  expect(await focused(page)).toBe('body');

  // Page start: skip link, quick exit, the header, then the first field of the form.
  await tab(page, 'skip-link');
  await expect(page.locator('.achterom-skip-link')).toBeInViewport();
  await tab(page, 'quick-exit');
  await tab(page, 'brand');
  for (const lang of LANGUAGES.filter((l) => l !== 'nl')) await tab(page, `lang:${lang}`);
  await tab(page, '#neighbourhood');

  // The neighbourhood: typing on a closed select picks the option that starts with it.
  await page.keyboard.type('Groenoord');
  await expect(page.locator('#neighbourhood')).toHaveValue('groenoord');
  expect(await focused(page)).toBe('#neighbourhood');

  // The question.
  await tab(page, '#question');
  await page.keyboard.type('Ik heb hulp nodig met mijn post en rekeningen.');
  await expect(page.locator('#question')).toHaveValue('Ik heb hulp nodig met mijn post en rekeningen.');

  // Contact: Tab enters the group on the checked radio; the arrow key moves and selects.
  // The file field (not required) sits between the question and the contact choice.
  await tab(page, '#files');
  await tab(page, '#contact-portal');
  await expect(page.locator('#contact-portal')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toBe('#contact-phone');
  await expect(page.locator('#contact-phone')).toBeChecked();
  // The phone field appears right after the chosen radio.
  await tab(page, '#phone');
  await page.keyboard.type('06 12345678');

  // Below the number, how to call safely: every box, the note, the radio group (one stop)
  // and the code word, in page order; Space ticks a box and picks a radio.
  await tab(page, '#call-days-mon');
  await tab(page, '#call-days-tue');
  await page.keyboard.press('Space');
  await expect(page.locator('#call-days-tue')).toBeChecked();
  for (const id of ['#call-days-wed', '#call-days-thu', '#call-days-fri', '#call-times-morning', '#call-times-afternoon', '#call-note', '#call-allowed-voicemail', '#call-allowed-sms']) {
    await tab(page, id);
  }
  await tab(page, '#call-introduction-firstName');
  await page.keyboard.press('Space');
  await expect(page.locator('#call-introduction-firstName')).toBeChecked();
  await tab(page, '#call-code-word');
  await page.keyboard.type('zonnebloem');

  // Consent: nothing chosen yet, so Tab lands on the first radio; Space selects it,
  // the arrow key moves the choice to the next one.
  await tab(page, '#consent-handler');
  await expect(page.locator('#consent-handler')).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(page.locator('#consent-handler')).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => focused(page)).toBe('#consent-team');
  await expect(page.locator('#consent-team')).toBeChecked();
  await expect(page.locator('#consent-handler')).not.toBeChecked();

  // Send with Enter on the button.
  await page.keyboard.press('Tab');
  const submit = page.getByRole('button', { name: 'Verstuur geheim' });
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');

  // The confirmation takes focus and shows the code in four groups of four digits.
  const code = page.getByTestId('case-code');
  await expect(code).toBeVisible({ timeout: 60_000 });
  expect((await code.textContent())!.trim()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  await expect.poll(() => focused(page)).toBe('#confirmation-heading');
  await expect(page.getByRole('heading', { name: 'Uw vraag is verstuurd' })).toBeVisible();
});

test('on the Arabic question page the same keys work and the code reads left to right', async ({ page }) => {
  await page.goto('/ar/vraag/');
  await expect(page.locator('#neighbourhood')).toBeEnabled();
  await tab(page, 'skip-link');
  await tab(page, 'quick-exit');
  await tab(page, 'brand');
  for (const lang of LANGUAGES.filter((l) => l !== 'ar')) await tab(page, `lang:${lang}`);
  await tab(page, '#neighbourhood');
  await page.keyboard.type('Kethel');
  await expect(page.locator('#neighbourhood')).toHaveValue('kethel');
  await tab(page, '#question');
  await page.keyboard.type('أحتاج إلى مساعدة في الرسائل والفواتير.');
  await tab(page, '#files');
  await tab(page, '#contact-portal');
  await tab(page, '#consent-handler');
  await page.keyboard.press('Space');
  await expect(page.locator('#consent-handler')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'تشفير وإرسال' })).toBeFocused();
  await page.keyboard.press('Enter');

  const code = page.getByTestId('case-code');
  await expect(code).toBeVisible({ timeout: 60_000 });
  expect((await code.textContent())!.trim()).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  await expect(code).toHaveAttribute('dir', 'ltr');
  // Shown left to right: the first group of the code is the leftmost on screen.
  const [first, second] = await code.locator('.achterom-case-code__half').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().left));
  expect(first!).toBeLessThan(second!);
  await expect.poll(() => focused(page)).toBe('#confirmation-heading');
  // The link to the mailbox stays in Arabic.
  await expect(page.locator(`a[href="${pathFor('ar', 'mijn-vraag/')}"]`)).toBeVisible();
});
