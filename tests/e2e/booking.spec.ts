// Appointment booking end to end: a resident books a back-entrance visit (the slot picker
// with the keyboard only), saves it in the calendar, and cancels it with the code; a time
// taken at the last moment offers alternatives; the manage page moves an appointment.
// Hush Line's rule again: every request body is captured, and neither the typed details
// nor the code ever leave the browser or land in the database files.
import { test, expect, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_PORT, E2E_STATE } from '../../playwright.config';
import { filesUnder } from '../helpers/files';
import { loadSodium, signIn } from '../helpers/sodiumNode';
import { powHeaders } from '../helpers/pow';
import { sealCase } from '../../src/lib/crypto/caseEnvelope';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';

/** The server under test (the config's baseURL); API calls from the test go there too. */
let BASE = `http://127.0.0.1:${E2E_PORT}`;
test.beforeEach(({ baseURL }) => {
  if (baseURL) BASE = baseURL.replace(/\/$/, '');
});
const BASE_HOST = '127.0.0.1';
const stamp = Date.now().toString(36);
const SENTINEL = `SENTINEL-${stamp}-deurwaarder`;
const TEAM = 'centrum-oost';

interface Captured { url: string; method: string; body: string }
interface ApiSlot { id: string; teamId: string; type: string; locationId: string | null; startsAt: string; durationMinutes: number; status: string }

function capture(context: BrowserContext) {
  const requests: Captured[] = [];
  context.on('request', (req) => requests.push({ url: req.url(), method: req.method(), body: req.postData() ?? '' }));
  return requests;
}

async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Amsterdam wall-clock parts of an instant, the way residents read it. */
function amsterdam(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function whenNl(iso: string) {
  const day = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
  return `${day}, ${amsterdam(iso).time}`;
}

/** Monday (YYYY-MM-DD) of the Amsterdam week that holds an instant, plus `weeks`. */
function monday(instant: Date, weeks = 0): string {
  const { date } = amsterdam(instant.toISOString());
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - weekday + 7 * weeks);
  return d.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Week van 28 december tot en met 3 januari", as the picker's heading says it. */
function weekLabelNl(mondayDate: string): string {
  const short = (date: string) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
  return `Week van ${short(mondayDate)} tot en met ${short(addDays(mondayDate, 6))}`;
}

async function freeSlots(type: string, from: string, days = 7, team = TEAM): Promise<ApiSlot[]> {
  const res = await fetch(`${BASE}/api/slots?team=${team}&type=${type}&from=${from}&days=${days}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { slots: ApiSlot[] }).slots;
}

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

async function waitForHydration(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s) as HTMLInputElement | null;
    return el !== null && !el.disabled;
  }, selector);
}

/** Steps 1 and 2 with the mouse, for the tests that are about something else. */
async function chooseTeamAndType(page: Page, neighbourhood: string, typeLabel: RegExp) {
  await waitForHydration(page, '#neighbourhood');
  await page.locator('#neighbourhood').selectOption(neighbourhood);
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('radio', { name: typeLabel }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.locator('#step-heading')).toContainText('Kies een dag en tijd');
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
  const files = filesUnder(path.resolve(E2E_STATE));
  expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    expect(bytes.includes(SENTINEL), file).toBe(false);
    expect(bytes.includes(code), file).toBe(false);
  }
});

test('a time taken at the last moment offers the nearest free times; the appointment can be moved later', async ({ page }) => {
  test.setTimeout(180_000);
  const slotsNextWeek = await freeSlots('achterom', monday(new Date(), 1));
  const slots = await freeSlots('achterom', monday(new Date(), 2));
  expect(slots.length).toBeGreaterThan(3);

  await page.goto('/afspraak/');
  await chooseTeamAndType(page, 'zuid', /achteringang/);
  await page.locator('#slot-next-week').click();
  await expect(page.locator(`#slot-${slotsNextWeek[0]!.id}`)).toBeVisible();
  await page.locator('#slot-next-week').click();
  const wanted = slots[2]!;
  await page.locator(`#slot-${wanted.id}`).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.locator('#consent-team').check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByTestId('check-when')).toHaveText(whenNl(wanted.startsAt));

  // Someone else books the same time first (a real sealed envelope, through the API).
  const sodium = await loadSodium();
  const pinned = JSON.parse(readFileSync(path.resolve('src/lib/config/teamKeys.json'), 'utf8')) as { teams: Record<string, { boxKeys: { id: number; publicKey: string }[] }> };
  const current = pinned.teams[TEAM]!.boxKeys.at(-1)!;
  const envelope = sealCase(sodium, {
    code: generateCaseCode(sodium),
    teamId: TEAM,
    teamPublicKey: current.publicKey,
    teamKeyId: current.id,
    kind: 'appointment',
    consent: 'handler',
    payloadJson: JSON.stringify({ type: 'appointment', note: 'other resident' }),
  });
  const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);
  const other = await request('/api/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await powHeaders(request, 'booking')) },
    body: JSON.stringify({ envelope, slotId: wanted.id, idempotencyKey: sodium.to_base64(sodium.randombytes_buf(18), sodium.base64_variants.URLSAFE_NO_PADDING) }),
  });
  expect(other.status).toBe(201);

  await page.getByRole('button', { name: 'Boek geheim' }).click();
  const takenHeading = page.getByRole('heading', { name: 'Deze tijd is net door iemand anders gekozen.' });
  await expect(takenHeading).toBeFocused({ timeout: 60_000 });
  await expect(page).toHaveTitle(/^Deze tijd is net door iemand anders gekozen\./);
  const alternatives = page.locator('input[name="alternative"]');
  await expect(alternatives.first()).toBeVisible();
  await expect(page.locator(`#alternative-${wanted.id}`)).toHaveCount(0);
  await expectNoAxeViolations(page, 'booking: time taken (409)');

  // Without a choice: an error; then the first alternative.
  await page.getByRole('button', { name: 'Boek geheim' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'booking: time taken, no choice');
  await page.locator('#error-summary a').click();
  await expect(alternatives.first()).toBeFocused();
  await page.keyboard.press(' ');
  await expect(alternatives.first()).toBeChecked();
  const alternativeId = (await alternatives.first().getAttribute('value'))!;
  await page.getByRole('button', { name: 'Boek geheim' }).click();
  const codeText = (await page.getByTestId('case-code').textContent({ timeout: 60_000 }))!.trim();
  expect((await freeSlots('achterom', monday(new Date()), 31)).map((s) => s.id)).not.toContain(alternativeId);

  // Move it on the manage page; the old time stays booked until the new one is confirmed.
  await page.goto('/afspraak/beheren/');
  await waitForHydration(page, '#code');
  await page.locator('#code').fill(codeText);
  await page.getByRole('button', { name: 'Open mijn afspraak' }).click();
  await expect(page.getByTestId('manage-opened')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Andere tijd kiezen' }).click();
  await expect(page.locator('#reschedule-heading')).toBeFocused();
  await expect(page.getByText('Uw huidige afspraak blijft staan tot de nieuwe tijd is bevestigd.')).toBeVisible();
  await page.locator('#reschedule-next-week').click();
  await expect(page.getByTestId('slot-picker').getByRole('status')).toContainText('vrije tijden');
  await page.getByRole('button', { name: 'Verzet mijn afspraak' }).click();
  await expect(page.locator('#manage-error-summary')).toBeFocused();
  const choice = page.locator('input[name="reschedule-time"]').first();
  await expect(choice).toBeVisible();
  await expectNoAxeViolations(page, 'manage: reschedule with an error');
  await choice.check();
  const newId = (await choice.getAttribute('value'))!;
  const newSlot = (await freeSlots('achterom', monday(new Date()), 31)).find((s) => s.id === newId)!;
  await page.getByRole('button', { name: 'Verzet mijn afspraak' }).click();
  await expect(page.getByTestId('manage-rescheduled')).toBeFocused();
  await expect(page.getByTestId('manage-rescheduled')).toContainText(whenNl(newSlot.startsAt));
  await expect(page.getByTestId('appointment-when')).toHaveText(whenNl(newSlot.startsAt));
  const free = (await freeSlots('achterom', monday(new Date()), 31)).map((s) => s.id);
  expect(free).toContain(alternativeId);
  expect(free).not.toContain(newId);
  await expectNoAxeViolations(page, 'manage: rescheduled');
});

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

test('a booking whose answer is lost on the way is retried with the same key and code, and booked once', async ({ page }) => {
  test.setTimeout(120_000);
  const team = 'centraal';
  const week = monday(new Date(), 1);
  const slots = await freeSlots('telefoon', week, 7, team);
  const wanted = slots[3]!;

  await page.goto('/afspraak/');
  await chooseTeamAndType(page, 'weet-ik-niet', /wij bellen u/);
  await page.locator('#slot-next-week').click();
  await page.locator(`#slot-${wanted.id}`).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.locator('#phone').fill('06 1234 5678');
  await page.locator('#consent-handler').check();
  await page.getByRole('button', { name: 'Verder' }).click();

  // The first booking reaches the server, but its answer never reaches the browser.
  const bodies: string[] = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && req.url().endsWith('/api/appointments')) bodies.push(req.postData() ?? '');
  });
  let lose = true;
  await page.route('**/api/appointments', async (route) => {
    if (!lose) return route.continue();
    lose = false;
    const answer = await route.fetch();
    expect(answer.status()).toBe(201);
    await route.abort('failed');
  });
  await page.getByRole('button', { name: 'Boek geheim' }).click();
  await expect(page.locator('#send-error')).toBeFocused({ timeout: 60_000 });
  await expect(page.locator('#send-error')).toContainText('Boeken is niet gelukt');
  await expect(page).toHaveTitle(/^Fout: Controleer uw afspraak/);
  await expect(page.getByTestId('booking-check')).toContainText('06 1234 5678');
  await expectNoAxeViolations(page, 'booking: send failed');

  await page.getByRole('button', { name: 'Boek geheim' }).click();
  const codeText = (await page.getByTestId('case-code').textContent({ timeout: 60_000 }))!.trim();
  expect(bodies).toHaveLength(2);
  const [first, second] = bodies.map((b) => JSON.parse(b) as { envelope: unknown; slotId: string; idempotencyKey: string });
  expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
  expect(second!.envelope).toEqual(first!.envelope);
  expect(second!.slotId).toBe(wanted.id);
  await expect(page.getByTestId('appointment-instructions')).toContainText(`tussen ${amsterdam(wanted.startsAt).time} en`);

  // Booked once, and the code shown belongs to that booking.
  const free = (await freeSlots('telefoon', week, 7, team)).map((s) => s.id);
  expect(free).not.toContain(wanted.id);
  expect(free).toHaveLength(slots.length - 1);
  await page.goto('/afspraak/beheren/');
  await waitForHydration(page, '#code');
  await page.locator('#code').fill(codeText);
  await page.getByRole('button', { name: 'Open mijn afspraak' }).click();
  await expect(page.getByTestId('appointment-when')).toHaveText(whenNl(wanted.startsAt), { timeout: 60_000 });
  await expect(page.getByTestId('manage-details')).toContainText('06 1234 5678');
});
