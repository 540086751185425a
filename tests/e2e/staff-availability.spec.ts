// The availability editor end to end: the team lead makes slots with a weekly pattern and
// one extra slot (errors first, and a time that does not exist in spring), blocks,
// unblocks and deletes a slot, and cannot delete a booked one, nor one booked while the
// list was open. Axe checks every view; the passphrase is in no request body. The agenda
// with its bookings: staff-agenda.spec.ts.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations } from '../helpers/axe';
import { recordingContexts } from '../helpers/requests';
import { E2E_BASE as BASE, freeSlots } from '../helpers/e2eServer';
import { addDays, amsterdam, monday, today, typed } from '../helpers/dates';
import { goToDay, slotItem } from '../helpers/staffAgenda';
import { loadSodium } from '../helpers/sodiumNode';
import { postWithPow, powHeaders } from '../helpers/pow';
import { appointmentEnvelope, idempotencyKey } from '../helpers/booking';

const PASSPHRASE = 'oefenen in achterom';
const TEAM = 'centrum-oost';

const { captured, signIn } = recordingContexts({ viewport: { width: 1280, height: 900 } });

test('the availability editor: a weekly pattern, one extra slot, block, unblock and delete; booked slots stay', async ({ browser }) => {
  test.setTimeout(240_000);
  const nextWeek = monday(new Date(), 1);

  // A back-entrance visit booked next week (sealed in Node with the library the booking
  // page uses, and booked through the API as a resident's browser would).
  const sodium = await loadSodium();
  const booked = (await freeSlots('achterom', nextWeek))[0]!;
  const bookedDate = amsterdam(booked.startsAt).date;
  const { envelope: bookedEnvelope } = appointmentEnvelope(sodium, TEAM, { note: 'a booked visit' });
  const api = (p: string, init?: RequestInit) => fetch(BASE + p, init);
  expect((await postWithPow(api, '/api/appointments', 'booking', { envelope: bookedEnvelope, slotId: booked.id, idempotencyKey: idempotencyKey(sodium) })).status).toBe(201);

  const lead = await signIn(browser, 'teamlead.centrum');
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
  await goToDay(lead, 'editor', bookedDate);
  const bookedInEditor = slotItem(lead, 'editor', booked.id);
  await expect(bookedInEditor.getByTestId('slot-status')).toHaveText('Geboekt');
  await expect(bookedInEditor.getByTestId('slot-delete')).toHaveCount(0);
  await expect(bookedInEditor.getByTestId('slot-booked-note')).toContainText('Verzet of zeg de afspraak af vanuit de afspraak in de agenda.');
  // A slot booked while the list was open: deleting it is refused with the same reason.
  const phone = (await freeSlots('telefoon', bookedDate, 1))[0]!;
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

  await lead.context().close();

  // The slots were made through the API, and the passphrase never left the browser.
  expect(captured.some((r) => r.method === 'POST' && r.url.endsWith('/api/staff/slots/pattern'))).toBe(true);
  for (const r of captured) expect(r.body, `${r.context} ${r.url}`).not.toContain(PASSPHRASE);
});
