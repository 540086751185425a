// Appointment booking end to end: a resident books a back-entrance visit (the slot picker
// with the keyboard only), saves it in the calendar, and cancels it with the code.
// Hush Line's rule again: every request body is captured, and neither the typed details
// nor the code ever leave the browser or land in the database files. A time taken at the
// last moment and a lost answer: booking-retry.spec.ts; the steps' own checks:
// booking-steps.spec.ts.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations } from '../helpers/axe';
import { capture } from '../helpers/requests';
import { expectNotInDatabaseFiles } from '../helpers/e2eDatabase';
import { freeSlots } from '../helpers/e2eServer';
import { amsterdam, monday, whenNl } from '../helpers/dates';
import { chooseTeamAndType, focusedId, waitForHydration } from '../helpers/residentPages';

const BASE_HOST = '127.0.0.1';
const stamp = Date.now().toString(36);
const SENTINEL = `SENTINEL-${stamp}-deurwaarder`;

/** Unfolds an .ics file and returns its properties by name (first occurrence). */
function icsProperties(text: string): Map<string, string> {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const props = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0]!;
    if (!props.has(name)) props.set(name, line.slice(colon + 1));
  }
  return props;
}

/** "20261130T084500Z" -> ISO instant */
function icsInstant(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  expect(m, `UTC date-time in the .ics: ${value}`).toBeTruthy();
  return `${m![1]}-${m![2]}-${m![3]}T${m![4]}:${m![5]}:${m![6]}.000Z`;
}

test('a resident books a back-entrance visit with the keyboard, saves it in the calendar and cancels it with the code', async ({ browser }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ acceptDownloads: true });
  const requests = capture(context);
  const page = await context.newPage();

  // Step 1: neighbourhood, first without an answer.
  await page.goto('/afspraak/');
  await waitForHydration(page, '#neighbourhood');
  await expect(page).toHaveTitle(/^In welke wijk woont u\? – Stap 1 van 5 – Afspraak maken – Achterom$/);
  await expectNoAxeViolations(page, 'booking step 1');
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Fout: /);
  await expect(page.locator('#neighbourhood')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'booking step 1 with an error');
  await page.locator('#error-summary a').click();
  await expect(page.locator('#neighbourhood')).toBeFocused();
  await page.locator('#neighbourhood').selectOption('oost');
  await page.getByRole('button', { name: 'Verder' }).click();

  // Step 2: the kind of appointment.
  await expect(page.locator('#step-heading')).toBeFocused();
  await expect(page.locator('#step-heading')).toContainText('Stap 2 van 5');
  await expect(page).toHaveTitle(/^Hoe wilt u ons spreken\? – Stap 2 van 5/);
  await expect(page.getByText('Niemand ziet u binnenlopen.')).toBeVisible();
  await expectNoAxeViolations(page, 'booking step 2');
  await page.getByRole('radio', { name: 'Via de achteringang langskomen' }).check();
  await page.getByRole('button', { name: 'Verder' }).click();

  // Step 3: day and time, with the keyboard only.
  const heading = page.locator('#step-heading');
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Kies een dag en tijd – Stap 3 van 5/);
  const status = page.getByTestId('slot-picker').getByRole('status');
  await expect(status).toContainText('Week van');
  await expectNoAxeViolations(page, 'booking step 3 (this week)');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('slot-previous-week');
  await expect(page.locator('#slot-previous-week')).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('slot-next-week');
  const nextWeek = monday(new Date(), 1);
  const weekSlots = await freeSlots('achterom', nextWeek);
  expect(weekSlots.length, 'demo slots next week').toBeGreaterThan(2);
  await page.keyboard.press('Enter');
  // Focus stays on the button; the new week is announced.
  expect(await focusedId(page)).toBe('slot-next-week');
  const radios = page.locator('.achterom-slot-picker__input');
  await expect(radios.first()).toHaveId(`slot-${weekSlots[0]!.id}`);
  await expect(status).toContainText(`${weekSlots.length} vrije tijden`);
  await expectNoAxeViolations(page, 'booking step 3 (next week)');
  await page.keyboard.press('Tab');
  await expect(radios.first()).toBeFocused();
  await expect(radios.first()).not.toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(radios.nth(1)).toBeFocused();
  await expect(radios.nth(1)).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press(' ');
  await expect(radios.nth(1)).toBeFocused();
  await expect(radios.nth(1)).toBeChecked();
  const chosen = weekSlots[1]!;
  await expect(radios.nth(1)).toHaveId(`slot-${chosen.id}`);
  // The time is the Amsterdam wall-clock time, whatever the machine's time zone.
  await expect(page.locator(`label[for="slot-${chosen.id}"]`)).toHaveText(amsterdam(chosen.startsAt).time);
  await expect(page.locator('#slot-chosen')).toContainText(whenNl(chosen.startsAt));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Verder' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Step 4: details, with an error first (consent has no default).
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/^Uw gegevens – Stap 4 van 5/);
  await expectNoAxeViolations(page, 'booking step 4');
  await page.locator('#interpreter').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#interpreter-language')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#consent-handler')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'booking step 4 with errors');
  await page.locator('#interpreter').uncheck();
  await page.locator('#name').fill('Sam');
  await page.locator('#about').fill(`Brief van de deurwaarder. ${SENTINEL}`);
  await page.getByRole('radio', { name: /medewerker die mij helpt/ }).check();
  await page.getByRole('button', { name: 'Verder' }).click();

  // Step 5: check; back loses nothing.
  await expect(heading).toBeFocused();
  await expect(page.getByTestId('check-when')).toHaveText(whenNl(chosen.startsAt));
  await page.getByRole('button', { name: 'Terug' }).click();
  await expect(page.locator('#about')).toHaveValue(`Brief van de deurwaarder. ${SENTINEL}`);
  await expect(page.locator('#consent-handler')).toBeChecked();
  await page.getByRole('button', { name: 'Terug' }).click();
  await expect(page.locator(`#slot-${chosen.id}`)).toBeChecked();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page).toHaveTitle(/^Controleer uw afspraak – Stap 5 van 5/);
  await expect(page.getByTestId('booking-check')).toContainText(SENTINEL);
  await expectNoAxeViolations(page, 'booking check');

  const scripts: Promise<Buffer>[] = [];
  const onResponse = (res: import('@playwright/test').Response) => {
    if (res.request().resourceType() === 'script') scripts.push(res.body().catch(() => Buffer.alloc(0)));
  };
  page.on('response', onResponse);
  await page.getByRole('button', { name: 'Boek geheim' }).click();

  // Confirmation
  const codeText = (await page.getByTestId('case-code').textContent({ timeout: 60_000 }))!.trim();
  expect(codeText).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
  const code = codeText.replace(/ /g, '');
  await expect(page.locator('#confirmation-heading')).toBeFocused();
  await expect(page).toHaveTitle(/^Uw afspraak is gemaakt/);
  await expect(page.getByTestId('appointment-when')).toHaveText(whenNl(chosen.startsAt));
  await expect(page.getByTestId('appointment-instructions')).toContainText('Lange Haven 101, 3111 CD Schiedam');
  await expect(page.getByTestId('appointment-instructions')).toContainText('groene deur met nummer 101a');
  const route = page.getByRole('img', { name: /Achterweg/ });
  await expect(route).toHaveAttribute('src', '/routes/centrum-achterom.svg');
  await expectNoAxeViolations(page, 'booking confirmation');
  // libsodium arrived only with the button press.
  page.off('response', onResponse);
  expect((await Promise.all(scripts)).some((b) => b.includes('sodium_version_string'))).toBe(true);

  // The calendar file: built in the browser, discreet, at the right local time.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Zet in mijn agenda (.ics)' }).click()]);
  expect(download.suggestedFilename()).toBe('afspraak.ics');
  const ics = readFileSync((await download.path())!, 'utf8');
  const props = icsProperties(ics);
  expect(props.get('SUMMARY')).toBe('Afspraak');
  // A reminder an hour before, saying no more than the event itself.
  expect(ics).toContain('BEGIN:VALARM');
  expect(props.get('TRIGGER')).toBe('-PT1H');
  expect(props.get('ACTION')).toBe('DISPLAY');
  for (const word of ['WOT', 'wijkteam', 'Centrum', 'centrum-oost', 'Achterom', 'achterom', 'Wijkpunt', 'Schiedam', 'deurwaarder', SENTINEL, code]) {
    expect(ics, `the .ics mentions "${word}"`).not.toContain(word);
  }
  const start = icsInstant(props.get('DTSTART')!);
  expect(start).toBe(new Date(chosen.startsAt).toISOString());
  expect(amsterdam(start)).toEqual(amsterdam(chosen.startsAt));
  expect(amsterdam(start).time).toBe(await page.locator('[data-testid="appointment-when"]').evaluate((el) => el.textContent!.slice(-5)));
  expect(Date.parse(icsInstant(props.get('DTEND')!)) - Date.parse(start)).toBe(chosen.durationMinutes * 60_000);
  // Nothing for this booking was fetched from elsewhere or kept by the browser.
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  // The slot is taken now.
  expect((await freeSlots('achterom', nextWeek)).map((s) => s.id)).not.toContain(chosen.id);

  // Manage page: from the link on the confirmation, open with the code and cancel.
  await page.getByRole('link', { name: 'Mijn afspraak' }).click();
  await expect(page).toHaveURL(/\/afspraak\/beheren\/$/);
  // "Back" on a shared device does not bring the code or the details back.
  await page.goBack();
  await expect(page.locator('#step-heading')).toBeVisible();
  await expect(page.getByTestId('case-code')).toHaveCount(0);
  await expect(page.getByText(SENTINEL)).toHaveCount(0);
  await page.goForward();
  await expect(page).toHaveURL(/\/afspraak\/beheren\/$/);
  await waitForHydration(page, '#code');
  await expectNoAxeViolations(page, 'manage: enter the code');
  await page.locator('#code').fill(codeText);
  await page.getByRole('button', { name: 'Open mijn afspraak' }).click();
  await expect(page.getByTestId('manage-opened')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('#manage-heading')).toBeFocused();
  await expect(page.getByTestId('appointment-when')).toHaveText(whenNl(chosen.startsAt));
  // The details were decrypted here, in this browser.
  await expect(page.getByTestId('manage-about')).toContainText(SENTINEL);
  await expectNoAxeViolations(page, 'manage: opened');
  await page.getByRole('button', { name: 'Afspraak afzeggen' }).click();
  await expect(page.locator('#cancel-confirm-heading')).toBeFocused();
  await expectNoAxeViolations(page, 'manage: confirm cancel');
  await page.getByRole('button', { name: 'Nee, terug' }).click();
  await expect(page.locator('#cancel-button')).toBeFocused();
  await page.getByRole('button', { name: 'Afspraak afzeggen' }).click();
  await page.getByRole('button', { name: 'Ja, zeg de afspraak af' }).click();
  await expect(page.locator('#manage-cancelled-heading')).toBeFocused();
  await expect(page).toHaveTitle(/^Uw afspraak is afgezegd/);
  await expectNoAxeViolations(page, 'manage: cancelled');

  // The time is free again: in the API and in the picker.
  expect((await freeSlots('achterom', nextWeek)).map((s) => s.id)).toContain(chosen.id);
  await page.goto('/afspraak/');
  await chooseTeamAndType(page, 'centrum', /achteringang/);
  await page.locator('#slot-next-week').click();
  await expect(page.locator(`#slot-${chosen.id}`)).toBeVisible();

  // A wrong code gets the neutral answer.
  await page.goto('/afspraak/beheren/');
  await waitForHydration(page, '#code');
  await page.locator('#code').fill('0000 1111 2222 3333');
  await page.getByRole('button', { name: 'Open mijn afspraak' }).click();
  await expect(page.getByTestId('manage-not-found')).toHaveText(/We vinden geen afspraak bij deze code/, { timeout: 60_000 });
  await expect(page.locator('#manage-open-error')).toBeFocused();
  await expectNoAxeViolations(page, 'manage: not found');

  // Nothing readable left the browser, and only to our own origin.
  const posted = requests.filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname);
  expect(posted).toEqual(['/api/appointments', '/api/mailbox/open', '/api/mailbox/appointment/cancel', '/api/mailbox/open']);
  for (const r of requests) {
    expect(new URL(r.url).hostname, r.url).toBe(BASE_HOST);
    expect(r.body, r.url).not.toContain(SENTINEL);
    expect(r.body, r.url).not.toContain('deurwaarder');
    expect(r.body, r.url).not.toContain(code);
    expect(r.body, r.url).not.toContain(codeText);
  }
  await context.close();

  // The database files hold neither the sentinel nor the code.
  expectNotInDatabaseFiles([SENTINEL, code]);
});
