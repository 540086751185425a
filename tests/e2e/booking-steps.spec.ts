// The booking steps' own checks: the English page asks for a phone number for a phone
// appointment, and a week without free times offers a jump to the first free day.
import { test, expect } from '@playwright/test';
import { signIn } from '../helpers/sodiumNode';
import { expectNoAxeViolations } from '../helpers/axe';
import { E2E_BASE as BASE, freeSlots } from '../helpers/e2eServer';
import { addDays, amsterdam, monday, weekLabelNl } from '../helpers/dates';
import { chooseTeamAndType, focusedId, waitForHydration } from '../helpers/residentPages';

test('the English page asks for a phone number for a phone appointment', async ({ page }) => {
  await page.goto('/en/afspraak/');
  await waitForHydration(page, '#neighbourhood');
  await page.locator('#neighbourhood').selectOption('weet-ik-niet');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('radio', { name: 'Phone: we call you' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.achterom-slot-picker__input, #slot-jump').first()).toBeVisible();
  await expectNoAxeViolations(page, 'booking (en) step 3');
  await page.locator('#slot-next-week').click();
  await page.locator('.achterom-slot-picker__input').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('label[for="phone"]')).toHaveText('Which number may we call you on?');
  await page.locator('#consent-handler').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary')).toContainText('Enter the number we may call you on.');
  await expect(page.locator('#phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveTitle(/^Error: Your details – Step 4 of 5 – Make an appointment – Achterom$/);
  await expectNoAxeViolations(page, 'booking (en) phone required');
});

test('a week without free times offers a jump to the first free day, by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  // The demo times run four weeks ahead; a team lead adds one video call seven weeks ahead.
  const team = 'woudhoek-kethel-spaland';
  const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);
  const lead = await signIn(request, 'teamlead.woudhoek');
  expect(lead.res.status).toBe(200);
  const farWeek = monday(new Date(), 7);
  const created = await request('/api/staff/slots', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: lead.cookie },
    body: JSON.stringify({ type: 'video', date: addDays(farWeek, 1), time: '14:15', durationMinutes: 30 }),
  });
  expect([201, 409]).toContain(created.status);
  const far = (await freeSlots('video', farWeek, 7, team)).find((s) => amsterdam(s.startsAt).time === '14:15')!;
  expect(far).toBeTruthy();
  const emptyWeek = monday(new Date(), 5);
  expect(await freeSlots('video', emptyWeek, 7, team)).toEqual([]);

  await page.goto('/afspraak/');
  await chooseTeamAndType(page, 'kethel', /Beeldbellen/);
  const status = page.getByTestId('slot-picker').getByRole('status');
  for (let week = 1; week <= 5; week++) {
    await page.locator('#slot-next-week').click();
    await expect(status).toContainText(weekLabelNl(monday(new Date(), week)));
  }
  await expect(page.getByTestId('slot-picker-empty')).toContainText('Geen vrije tijden deze week.');
  const jump = page.locator('#slot-jump');
  await expect(jump).toContainText(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(far.startsAt)));
  await expectNoAxeViolations(page, 'booking step 3, a week without free times');

  // Keyboard only from here: the jump, the time, on to the next step.
  expect(await focusedId(page)).toBe('slot-next-week');
  await page.keyboard.press('Tab');
  await expect(jump).toBeFocused();
  await page.keyboard.press('Enter');
  const radio = page.locator(`#slot-${far.id}`);
  await expect(radio).toBeFocused();
  await expect(status).toContainText(weekLabelNl(farWeek));
  await page.keyboard.press(' ');
  await expect(radio).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Verder' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toBeFocused();
  await expect(page.locator('#step-heading')).toContainText('Uw gegevens');
});

test('the first step loads the rest of the booking only when the resident starts; a failed load keeps the choice', async ({ page }) => {
  const wizard: string[] = [];
  let offline = true;
  await page.route(/\/_astro\/BookingWizard\.[^/]+\.js$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
  page.on('request', (r) => {
    if (/BookingWizard/.test(r.url())) wizard.push(r.url());
  });
  await page.goto('/afspraak/');
  await waitForHydration(page, '#neighbourhood');
  await page.waitForLoadState('networkidle');
  expect(wizard).toEqual([]);
  await page.locator('#neighbourhood').selectOption('kethel');
  await expect.poll(() => wizard.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByTestId('booking-load-failed')).toBeFocused();
  await expect(page.getByTestId('booking-load-failed')).toHaveText('De volgende stap kon niet laden. Er is nog niets verstuurd. Controleer uw internet en druk opnieuw op Verder.');
  await expect(page.locator('#neighbourhood')).toHaveValue('kethel');
  offline = false;
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByTestId('booking-step-type')).toBeVisible();
  await expect(page.locator(':focus')).toContainText('Hoe wilt u ons spreken?');
  await page.goBack();
  await expect(page.locator('#neighbourhood')).toHaveValue('kethel');
});
