// Staff agenda and availability editor end to end. A resident books a back-entrance visit
// with a sentinel in "what it is about"; intake sees it in the agenda (day and week) as
// the server knows it, and opens the case to decrypt it; after the resident moves the
// appointment the agenda shows the new time from the server's slot (the payload keeps the
// old one). The case manager it is given to reads it with his own grant; another case
// manager sees only "booked"; the team lead, not the handler the resident allowed, may
// not open it. The team lead makes slots with a weekly pattern and one extra slot,
// blocks, unblocks and deletes, and cannot delete a booked slot; a booking that does not
// decrypt is reported when opened, without breaking the agenda. Axe checks every view, and Hush
// Line's rule holds: the sentinel is in no request body and in no database file.
import { signInPage } from '../helpers/consoleSignIn';
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_PORT, E2E_STATE } from '../../playwright.config';
import { filesUnder } from '../helpers/files';
import { loadSodium } from '../helpers/sodiumNode';
import { powHeaders } from '../helpers/pow';
import { appointmentEnvelope, idempotencyKey } from '../helpers/booking';
import { deriveCaseKeys } from '../../src/lib/crypto/deriveCaseKeys';
import { toBase64 } from '../../src/lib/crypto/sodium';

let BASE = `http://127.0.0.1:${E2E_PORT}`;
test.beforeEach(({ baseURL }) => {
  if (baseURL) BASE = baseURL.replace(/\/$/, '');
});

const PASSPHRASE = 'oefenen in achterom';
const run = Date.now().toString(36);
const SENTINEL = `AGENDA-SENTINEL-${run}-deurwaarder`;
const TEAM = 'centrum-oost';

interface ApiSlot {
  id: string;
  type: string;
  locationId: string | null;
  startsAt: string;
  durationMinutes: number;
  status: string;
}

interface Captured {
  context: string;
  url: string;
  method: string;
  body: string;
}
const captured: Captured[] = [];

async function newContext(browser: Browser, label: string, width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  context.on('request', (req) => captured.push({ context: label, url: req.url(), method: req.method(), body: req.postData() ?? '' }));
  context.on('response', (res) => {
    if (res.status() >= 500 || res.status() === 429) console.log(`${label}: ${res.request().method()} ${new URL(res.url()).pathname} -> ${res.status()}`);
  });
  return context;
}

async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await newContext(browser, username);
  return signInPage(await context.newPage(), username, PASSPHRASE);
}

/** Amsterdam wall-clock date and time of an instant. */
function amsterdam(iso: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

const today = () => amsterdam(new Date().toISOString()).date;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the Amsterdam week that holds today, plus `weeks`. */
function monday(weeks = 0): string {
  const date = today();
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday + 7 * weeks);
}

/** "9-12-2026", as a person types a date in the console. */
const typed = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}-${m}-${y}`;
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const dayLabel = (date: string) =>
  capitalise(new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`)));

/** "09:00–09:45", the slot's time as the agenda shows it. */
function slotTimeText(slot: Pick<ApiSlot, 'startsAt' | 'durationMinutes'>): string {
  const end = new Date(Date.parse(slot.startsAt) + slot.durationMinutes * 60_000).toISOString();
  return `${amsterdam(slot.startsAt).time}–${amsterdam(end).time}`;
}

async function freeSlots(type: string, from: string, days = 7): Promise<ApiSlot[]> {
  const res = await fetch(`${BASE}/api/slots?team=${TEAM}&type=${type}&from=${from}&days=${days}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { slots: ApiSlot[] }).slots;
}

/** Shows a day (or its week) in an agenda with the "Ga naar dag" field. */
async function goToDay(page: Page, prefix: 'agenda' | 'editor', date: string) {
  await page.locator(`#${prefix}-jump`).fill(typed(date));
  await page.getByTestId(`${prefix}-jump-submit`).click();
  await expect(page.getByTestId(`${prefix}-status`)).not.toContainText('wordt opgehaald');
}

const slotItem = (page: Page, prefix: string, id: string) => page.locator(`#${prefix}-slot-${id}`);

test('agenda with bookings by role (details decrypted when opened), and the availability editor', async ({ browser }) => {
  test.setTimeout(420_000);
  const nextWeek = monday(1);

  // 1. A resident books a back-entrance visit through the booking pages.
  const resident = await newContext(browser, 'resident');
  const bookingPage = await resident.newPage();
  await bookingPage.goto('/afspraak/');
  await bookingPage.waitForFunction(() => {
    const el = document.querySelector('#neighbourhood') as HTMLSelectElement | null;
    return el !== null && !el.disabled;
  });
  await bookingPage.locator('#neighbourhood').selectOption('oost');
  await bookingPage.getByRole('button', { name: 'Verder' }).click();
  await bookingPage.getByRole('radio', { name: 'Via de achteringang langskomen' }).check();
  await bookingPage.getByRole('button', { name: 'Verder' }).click();
  await bookingPage.locator('#slot-next-week').click();
  const offered = await freeSlots('achterom', nextWeek);
  expect(offered.length, 'back-entrance slots next week').toBeGreaterThan(4);
  const booked = offered[offered.length - 1]!;
  const radio = bookingPage.locator(`#slot-${booked.id}`);
  await expect(radio).toBeVisible();
  await radio.check();
  await bookingPage.getByRole('button', { name: 'Verder' }).click();
  await bookingPage.locator('#name').fill('Sam');
  await bookingPage.locator('#about').fill(`Brief van de deurwaarder. ${SENTINEL}`);
  await bookingPage.locator('#interpreter').check();
  await bookingPage.locator('#interpreter-language').fill('Arabisch');
  await bookingPage.getByRole('radio', { name: /medewerker die mij helpt/ }).check();
  await bookingPage.getByRole('button', { name: 'Verder' }).click();
  await bookingPage.getByRole('button', { name: 'Boek geheim' }).click();
  const code = (await bookingPage.getByTestId('case-code').textContent({ timeout: 60_000 }))!.replace(/\D/g, '');
  expect(code).toHaveLength(16);
  await resident.close();
  const bookedDate = amsterdam(booked.startsAt).date;

  // 2. Intake: the agenda on that day shows the booking as the server knows it; the
  // details are decrypted (and the read audited) only when the member opens it.
  const intake = await signIn(browser, 'intake.centrum');
  await expect(intake.getByTestId('nav-agenda')).toBeVisible();
  await expect(intake.getByTestId('nav-availability')).toHaveCount(0);
  await intake.getByTestId('nav-agenda').click();
  await expect(intake.locator('#agenda-heading')).toBeFocused();
  await expect(intake.getByTestId('agenda-range')).toContainText(dayLabel(today()));
  await goToDay(intake, 'agenda', bookedDate);
  await expect(intake.getByTestId('agenda-range')).toHaveText(dayLabel(bookedDate));
  const item = slotItem(intake, 'agenda', booked.id);
  await expect(item.getByTestId('slot-status')).toHaveText('Geboekt');
  await expect(item.getByTestId('slot-time')).toHaveText(slotTimeText(booked));
  await expect(item.getByTestId('slot-type')).toHaveText('Achteringang');
  await expect(item.getByTestId('slot-location')).toHaveText('Wijkpunt Centrum');
  await expect(item.getByTestId('booking')).toContainText('Open de afspraak om te zien wie komt', { timeout: 30_000 });
  await expect(intake.getByTestId('agenda')).not.toContainText(SENTINEL);
  await expect(intake.getByTestId('agenda-status')).toContainText('1 geboekt');
  await expect(intake.getByTestId('slot').filter({ has: intake.getByTestId('slot-status').filter({ hasText: 'Vrij' }) }).first()).toBeVisible();
  await expectNoAxeViolations(intake, 'agenda, day view (intake)');

  // Previous / next / today, and the week view.
  await intake.getByTestId('agenda-next').click();
  await expect(intake.getByTestId('agenda-range')).toHaveText(dayLabel(addDays(bookedDate, 1)));
  await expect(intake.getByTestId('agenda-next')).toBeFocused();
  await intake.getByTestId('agenda-previous').click();
  await expect(intake.getByTestId('agenda-range')).toHaveText(dayLabel(bookedDate));
  await intake.getByTestId('agenda-today').click();
  await expect(intake.getByTestId('agenda-range')).toContainText(dayLabel(today()));
  await expect(intake.getByTestId('agenda-range')).toContainText('(vandaag)');
  await goToDay(intake, 'agenda', bookedDate);
  await intake.getByTestId('agenda-view-week').click();
  await expect(intake.getByTestId('agenda-view-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(intake.getByTestId('agenda-range')).toContainText('Week van');
  await expect(intake.getByTestId('agenda-day')).toHaveCount(7);
  await expect(intake.locator(`[data-testid="agenda-day"][data-date="${bookedDate}"]`).locator(`#agenda-slot-${booked.id}`).getByTestId('booking-open')).toBeVisible();
  await expectNoAxeViolations(intake, 'agenda, week view (intake)');

  // Open the case from the agenda: the booking and its time; back returns to the booking.
  const caseId = (await item.getAttribute('data-case-id'))!;
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  await item.getByTestId('booking-open').click();
  await expect(intake.locator('#case-detail-heading')).toHaveText('Afspraak: Achteringang');
  await expect(intake.getByTestId('booking-about')).toContainText(SENTINEL, { timeout: 30_000 });
  await expect(intake.getByTestId('booking-name')).toHaveText('Sam');
  await expect(intake.getByTestId('booking-interpreter')).toHaveText('Nodig, taal: Arabisch');
  await expect(intake.getByTestId('booking-when')).toContainText(slotTimeText(booked), { timeout: 30_000 });
  await expect(intake.getByTestId('booking-place')).toHaveText('Wijkpunt Centrum');
  await expectNoAxeViolations(intake, 'case detail of a booking (intake)');
  await intake.getByRole('link', { name: 'Terug naar de agenda' }).click();
  await expect(intake.locator(`#agenda-open-${caseId}`)).toBeFocused({ timeout: 30_000 });

  // 3. The resident moves the appointment (with the code); the payload keeps the old time.
  const sodium = await loadSodium();
  const keys = deriveCaseKeys(sodium, code);
  const later = (await freeSlots('achterom', nextWeek)).find((s) => amsterdam(s.startsAt).date !== bookedDate);
  expect(later, 'a free back-entrance time on another day').toBeTruthy();
  const api = (p: string, init?: RequestInit) => fetch(BASE + p, init);
  const moved = await fetch(`${BASE}/api/mailbox/appointment/reschedule`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await powHeaders(api, 'change')) },
    body: JSON.stringify({ mailboxId: toBase64(sodium, keys.mailboxId), slotId: later!.id }),
  });
  expect(moved.status).toBe(200);
  const movedDate = amsterdam(later!.startsAt).date;

  // The agenda shows the new time (from the server) and the old one free; the case says it moved.
  await intake.getByTestId('agenda-view-day').click();
  await goToDay(intake, 'agenda', movedDate);
  const movedItem = slotItem(intake, 'agenda', later!.id);
  await expect(movedItem.getByTestId('slot-status')).toHaveText('Geboekt');
  await expect(movedItem.getByTestId('slot-time')).toHaveText(slotTimeText(later!));
  await expect(movedItem.getByTestId('booking-open')).toBeVisible({ timeout: 30_000 });
  await goToDay(intake, 'agenda', bookedDate);
  await expect(slotItem(intake, 'agenda', booked.id).getByTestId('slot-status')).toHaveText('Vrij');
  await goToDay(intake, 'agenda', movedDate);
  await movedItem.getByTestId('booking-open').click();
  await expect(intake.getByTestId('booking-when')).toContainText(slotTimeText(later!), { timeout: 30_000 });
  await expect(intake.getByTestId('booking-when')).toContainText(dayLabel(movedDate).toLowerCase());
  await expect(intake.getByTestId('booking-moved')).toContainText(`Eerst was het: ${dayLabel(bookedDate).toLowerCase()}, ${slotTimeText(booked)}`);
  // Intake gives the booking to Cor: his own grant opens it in his agenda.
  await intake.locator('#assign-member').selectOption({ label: 'Cor (casemanager, Centrum/Oost) (Casemanager)' });
  await intake.getByRole('button', { name: 'Geef door' }).click();
  await expect(intake.getByTestId('assign-done')).toHaveText('De vraag is gegeven aan Cor (casemanager, Centrum/Oost).');
  const cor = await signIn(browser, 'casemanager.centrum');
  await cor.getByTestId('nav-agenda').click();
  await goToDay(cor, 'agenda', movedDate);
  await slotItem(cor, 'agenda', later!.id).getByTestId('booking-open').click({ timeout: 30_000 });
  await expect(cor.getByTestId('booking-about')).toContainText(SENTINEL, { timeout: 30_000 });
  await expect(cor.getByTestId('booking-name')).toHaveText('Sam');
  await cor.context().close();

  // 4. A case manager without this case sees the time as booked, and nothing more.
  const rachid = await signIn(browser, 'casemanager2.centrum');
  await expect(rachid.getByTestId('nav-availability')).toHaveCount(0);
  await rachid.getByTestId('nav-agenda').click();
  await goToDay(rachid, 'agenda', movedDate);
  const hidden = slotItem(rachid, 'agenda', later!.id);
  await expect(hidden.getByTestId('slot-status')).toHaveText('Geboekt');
  await expect(hidden.getByTestId('booking-hidden')).toHaveText('Deze afspraak is niet aan u gegeven. U ziet geen gegevens.');
  await expect(hidden.getByTestId('booking-details')).toHaveCount(0);
  await expect(hidden.getByTestId('booking-open')).toHaveCount(0);
  await expect(rachid.locator('body')).not.toContainText(SENTINEL);
  await expectNoAxeViolations(rachid, 'agenda, day view (case manager)');
  // The hash alone does not open the editor for a case manager.
  await rachid.evaluate(() => {
    location.hash = '#beschikbaarheid';
  });
  await expect(rachid.getByTestId('availability')).toHaveCount(0);
  await rachid.context().close();

  // 5. The team lead is not the handler the resident allowed: booked, but not to be opened.
  const lead = await signIn(browser, 'teamlead.centrum');
  await lead.getByTestId('nav-agenda').click();
  await goToDay(lead, 'agenda', movedDate);
  await expect(slotItem(lead, 'agenda', later!.id).getByTestId('booking-handler-only')).toContainText('alleen de behandelaar', { timeout: 30_000 });
  await expect(slotItem(lead, 'agenda', later!.id).getByTestId('booking-open')).toHaveCount(0);
  await expectNoAxeViolations(lead, 'agenda, day view (team lead, handler only)');
  // The lead sees this hour's bookings among the bursts (counts only, with the budget).
  await lead.getByTestId('bursts').locator('summary').click();
  await expect(lead.getByTestId('burst-hour').first()).toBeVisible({ timeout: 30_000 });
  expect(Number(await lead.getByTestId('burst-hour').first().locator('td').nth(1).textContent().then((t) => t!.match(/\d+/)![0]))).toBeGreaterThanOrEqual(1);
  await expectNoAxeViolations(lead, 'agenda with the bursts (team lead)');

  // The editor, first with errors.
  await lead.getByTestId('nav-availability').click();
  await expect(lead.locator('#availability-heading')).toBeFocused();
  await expectNoAxeViolations(lead, 'availability editor');
  await lead.getByTestId('pattern-submit').click();
  const patternErrors = lead.getByTestId('pattern').locator('.achterom-error-summary');
  await expect(patternErrors).toBeFocused();
  await expect(patternErrors).toContainText('Kies minstens één dag van de week.');
  await expect(patternErrors).toContainText('Vul de begintijd in.');
  await expect(lead.locator('#pattern-start')).toHaveAttribute('aria-invalid', 'true');
  await expect(lead.locator('#pattern-start')).toHaveAttribute('aria-describedby', 'pattern-start-hint pattern-start-error');
  await expect(lead.locator('#pattern-day-1')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(lead, 'availability editor with errors');
  await patternErrors.getByRole('link', { name: 'Vul de begintijd in.' }).click();
  await expect(lead.locator('#pattern-start')).toBeFocused();

  // Weekly pattern: video calls on Saturdays 10:00–11:00, 30 minutes, two weeks from next Monday.
  const saturday = addDays(nextWeek, 5);
  await lead.locator('#pattern-type-video').check();
  await expect(lead.locator('#pattern-location')).toHaveCount(0);
  await expect(lead.locator('#pattern-duration')).toHaveValue('30');
  await lead.locator('#pattern-day-6').check();
  await lead.locator('#pattern-start').fill('10:00');
  await lead.locator('#pattern-end').fill('11.00');
  await lead.locator('#pattern-from').fill(typed(nextWeek));
  await lead.locator('#pattern-weeks').fill('2');
  await lead.getByTestId('pattern-submit').click();
  await expect(lead.getByTestId('pattern-result')).toHaveText('4 tijden gemaakt, 0 bestonden al.');
  await expect(lead.getByTestId('pattern-result')).toBeFocused();
  await lead.getByTestId('pattern-submit').click();
  await expect(lead.getByTestId('pattern-result')).toHaveText('0 tijden gemaakt, 4 bestonden al.');
  const saturdays = await freeSlots('video', saturday, 8);
  expect(saturdays.filter((s) => [saturday, addDays(saturday, 7)].includes(amsterdam(s.startsAt).date)).map((s) => amsterdam(s.startsAt).time)).toEqual([
    '10:00',
    '10:30',
    '10:00',
    '10:30',
  ]);

  // One extra slot; the same again is refused; a time that does not exist in spring.
  await lead.locator('#single-type-telefoon').check();
  await expect(lead.locator('#single-duration')).toHaveValue('20');
  await lead.locator('#single-date').fill(typed(saturday));
  await lead.locator('#single-time').fill('14:00');
  await lead.getByTestId('single-submit').click();
  await expect(lead.getByTestId('single-result')).toBeFocused();
  await expect(lead.getByTestId('single-result')).toContainText('De tijd is gemaakt: Telefoon');
  await lead.getByTestId('single-submit').click();
  const singleErrors = lead.getByTestId('single').locator('.achterom-error-summary');
  await expect(singleErrors).toBeFocused();
  await expect(singleErrors).toContainText('Er is al een tijd voor Telefoon');
  await expect(lead.locator('#single-time')).toHaveAttribute('aria-invalid', 'true');
  const springYear = Number(today().slice(0, 4)) + 1;
  const march31 = new Date(Date.UTC(springYear, 2, 31));
  const springForward = addDays(`${springYear}-03-31`, -march31.getUTCDay());
  await lead.locator('#single-date').fill(typed(springForward));
  await lead.locator('#single-time').fill('02:30');
  await lead.getByTestId('single-submit').click();
  await expect(singleErrors).toBeFocused();
  await expect(lead.locator('#single-time-error')).toContainText('De tijd 02:30 bestaat niet op zondag');
  await expect(lead.locator('#single-time-error')).toContainText('de klok van 02:00 naar 03:00');
  await expectNoAxeViolations(lead, 'availability editor, single slot with errors');

  // The list shows the week of the new slot: block, unblock, delete the extra one.
  const extra = (await freeSlots('telefoon', saturday, 1)).find((s) => amsterdam(s.startsAt).time === '14:00')!;
  expect(extra).toBeTruthy();
  const extraItem = slotItem(lead, 'editor', extra.id);
  await expect(extraItem.getByTestId('slot-status')).toHaveText('Vrij');
  await extraItem.getByTestId('slot-block').click();
  const actionMessage = lead.getByTestId('slot-action-message');
  await expect(actionMessage).toBeFocused();
  await expect(actionMessage).toContainText('Geblokkeerd: zaterdag');
  await expect(extraItem.getByTestId('slot-status')).toHaveText('Geblokkeerd');
  await expect(extraItem).toHaveAttribute('data-status', 'blocked');
  expect((await freeSlots('telefoon', saturday, 1)).map((s) => s.id)).not.toContain(extra.id);
  await expectNoAxeViolations(lead, 'availability editor, a blocked slot');
  await extraItem.getByTestId('slot-unblock').click();
  await expect(actionMessage).toContainText('Weer vrij: zaterdag');
  await expect(extraItem.getByTestId('slot-status')).toHaveText('Vrij');
  expect((await freeSlots('telefoon', saturday, 1)).map((s) => s.id)).toContain(extra.id);
  await extraItem.getByTestId('slot-delete').click();
  await expect(actionMessage).toContainText('Verwijderd: zaterdag');
  await expect(actionMessage).toBeFocused();
  await expect(extraItem).toHaveCount(0);
  expect((await freeSlots('telefoon', saturday, 1)).map((s) => s.id)).not.toContain(extra.id);

  // The booked slot cannot be deleted: no button, and the reason.
  await goToDay(lead, 'editor', movedDate);
  const bookedInEditor = slotItem(lead, 'editor', later!.id);
  await expect(bookedInEditor.getByTestId('slot-status')).toHaveText('Geboekt');
  await expect(bookedInEditor.getByTestId('slot-delete')).toHaveCount(0);
  await expect(bookedInEditor.getByTestId('slot-booked-note')).toContainText('Verzet of zeg de afspraak af vanuit de afspraak in de agenda.');
  // A slot booked while the list was open: deleting it is refused with the same reason.
  const phone = (await freeSlots('telefoon', movedDate, 1))[0]!;
  await expect(slotItem(lead, 'editor', phone.id)).toHaveAttribute('data-status', 'free');
  const { envelope } = appointmentEnvelope(sodium, TEAM, { note: 'not an appointment payload' });
  const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);
  const other = await request('/api/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await powHeaders(request, 'booking')) },
    body: JSON.stringify({ envelope, slotId: phone.id, idempotencyKey: idempotencyKey(sodium) }),
  });
  expect(other.status).toBe(201);
  await slotItem(lead, 'editor', phone.id).getByTestId('slot-delete').click();
  await expect(actionMessage).toBeFocused();
  await expect(actionMessage).toContainText('is net geboekt. Verzet of zeg de afspraak af vanuit de afspraak in de agenda.');
  await expect(slotItem(lead, 'editor', phone.id)).toHaveAttribute('data-status', 'booked');
  await expect(slotItem(lead, 'editor', phone.id).getByTestId('slot-booked-note')).toBeVisible();
  await expectNoAxeViolations(lead, 'availability editor, delete refused');

  // 6. A booking that does not decrypt to a booking is reported when opened; the rest still works.
  await intake.getByTestId('nav-agenda').click();
  await goToDay(intake, 'agenda', movedDate);
  await intake.locator('#agenda-refresh').click();
  await slotItem(intake, 'agenda', phone.id).getByTestId('booking-open').click({ timeout: 30_000 });
  await expect(intake.getByTestId('case-unreadable')).toContainText('kan niet worden ontsleuteld', { timeout: 30_000 });
  await expectNoAxeViolations(intake, 'case page of an unreadable booking');
  await intake.getByRole('link', { name: 'Terug naar de agenda' }).click();
  await slotItem(intake, 'agenda', later!.id).getByTestId('booking-open').click({ timeout: 30_000 });
  await expect(intake.getByTestId('booking-about')).toContainText(SENTINEL, { timeout: 30_000 });

  for (const page of [intake, lead]) await page.context().close();

  // Nothing readable left any browser, and nothing readable is in the database files.
  expect(captured.some((r) => r.method === 'POST' && r.url.endsWith('/api/staff/slots/pattern'))).toBe(true);
  for (const r of captured) {
    expect(r.body, `${r.context} ${r.method} ${r.url}`).not.toContain(SENTINEL);
    expect(r.url, `${r.context} ${r.method}`).not.toContain(SENTINEL);
    expect(r.body, `${r.context} ${r.url}`).not.toContain(PASSPHRASE);
  }
  const files = filesUnder(path.resolve(E2E_STATE));
  expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
  for (const file of files) expect(readFileSync(file).includes(SENTINEL), file).toBe(false);
});
