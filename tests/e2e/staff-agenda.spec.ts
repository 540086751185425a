// Staff agenda end to end. A resident books a back-entrance visit with a sentinel in "what
// it is about"; intake sees it in the agenda (day and week) as the server knows it, and
// opens the case to decrypt it; after the resident moves the appointment the agenda shows
// the new time from the server's slot (the payload keeps the old one). The case manager it
// is given to reads it with his own grant; another case manager sees only "booked"; the
// team lead, not the handler the resident allowed, may not open it; a booking that does
// not decrypt is reported when opened, without breaking the agenda. Axe checks every view,
// and Hush Line's rule holds: the sentinel is in no request body and in no database file.
// The availability editor: staff-availability.spec.ts.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { recordingContexts } from '../helpers/requests';
import { expectNotInDatabaseFiles } from '../helpers/e2eDatabase';
import { E2E_BASE as BASE, freeSlots } from '../helpers/e2eServer';
import { addDays, amsterdam, dayLabel, monday, today } from '../helpers/dates';
import { goToDay, slotItem, slotTimeText } from '../helpers/staffAgenda';
import { loadSodium } from '../helpers/sodiumNode';
import { postWithPow, powHeaders } from '../helpers/pow';
import { appointmentEnvelope, idempotencyKey } from '../helpers/booking';
import { deriveCaseKeys } from '../../src/lib/crypto/deriveCaseKeys';
import { toBase64 } from '../../src/lib/crypto/sodium';

const PASSPHRASE = 'oefenen in achterom';
const run = Date.now().toString(36);
const SENTINEL = `AGENDA-SENTINEL-${run}-deurwaarder`;
const TEAM = 'centrum-oost';

const { captured, newContext, signIn } = recordingContexts({ viewport: { width: 1280, height: 900 } });

test('agenda with bookings by role (details decrypted when opened)', async ({ browser }) => {
  test.setTimeout(360_000);
  const nextWeek = monday(new Date(), 1);

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

  // A booking that does not decrypt to a booking: a payload that is not one, sealed and
  // booked through the API as a resident's browser would.
  const phone = (await freeSlots('telefoon', movedDate, 1))[0]!;
  const { envelope } = appointmentEnvelope(sodium, TEAM, { note: 'not an appointment payload' });
  const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);
  const other = await postWithPow(request, '/api/appointments', 'booking', { envelope, slotId: phone.id, idempotencyKey: idempotencyKey(sodium) });
  expect(other.status).toBe(201);

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
  for (const r of captured) {
    expect(r.body, `${r.context} ${r.method} ${r.url}`).not.toContain(SENTINEL);
    expect(r.url, `${r.context} ${r.method}`).not.toContain(SENTINEL);
    expect(r.body, `${r.context} ${r.url}`).not.toContain(PASSPHRASE);
  }
  expectNotInDatabaseFiles([SENTINEL]);
});
