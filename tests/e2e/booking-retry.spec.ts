// Booking when the world gets in the way: a time taken at the last moment offers the
// nearest free times (and the appointment can then be moved on the manage page), and a
// booking whose answer is lost on the way is retried with the same key and booked once.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSodium } from '../helpers/sodiumNode';
import { powHeaders } from '../helpers/pow';
import { expectNoAxeViolations } from '../helpers/axe';
import { E2E_BASE as BASE, freeSlots } from '../helpers/e2eServer';
import { amsterdam, monday, whenNl } from '../helpers/dates';
import { chooseTeamAndType, waitForHydration } from '../helpers/residentPages';
import { sealCase } from '../../src/lib/crypto/caseEnvelope';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';

const TEAM = 'centrum-oost';

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
