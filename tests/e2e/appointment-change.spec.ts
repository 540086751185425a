// No dead end when the team cannot keep an appointment: intake moves a booking to
// another free time and later cancels it, each with a message; the resident reads the
// new time and the messages on "Mijn afspraak" with the code. Axe on every screen.
import { test, expect, type Page } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { loadSodium } from '../helpers/sodiumNode';
import { powHeaders } from '../helpers/pow';
import { appointmentEnvelope, idempotencyKey } from '../helpers/booking';
import { signInPage } from '../helpers/consoleSignIn';
import { expectNoAxeViolations } from '../helpers/axe';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);
const TEAM = 'centrum-oost';
const MOVED = `Onze collega is ziek. Wij hebben uw afspraak verzet. VERZET-${Date.now().toString(36)}`;
const CANCELLED = `Wij moeten de afspraak helaas afzeggen. Wij bellen u. AFGEZEGD-${Date.now().toString(36)}`;

interface ApiSlot { id: string; startsAt: string; durationMinutes: number }

async function openAppointment(page: Page, code: string) {
  await page.goto('/afspraak/beheren/');
  await page.waitForFunction(() => !(document.querySelector('#code') as HTMLInputElement | null)?.disabled);
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: 'Open mijn afspraak' }).click();
  await expect(page.getByTestId('manage-opened')).toBeVisible({ timeout: 60_000 });
}

test('staff move, then cancel a booking with a message; the resident reads both on "Mijn afspraak"', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const res = await request(`/api/slots?team=${TEAM}&type=telefoon&from=${from}&days=14`);
  const slots = ((await res.json()) as { slots: ApiSlot[] }).slots;
  expect(slots.length, 'free phone times in the coming two weeks').toBeGreaterThan(2);
  const [first, second] = [slots[slots.length - 1]!, slots[slots.length - 2]!];

  // A resident has booked a phone appointment (sealed in Node with the library the booking page uses).
  const sodium = await loadSodium();
  const { code, envelope } = appointmentEnvelope(sodium, TEAM, {
    appointmentType: 'telefoon', slotId: first.id, startsAt: first.startsAt, durationMinutes: first.durationMinutes, name: 'Sam',
    interpreter: { needed: false }, consent: 'handler', submittedAt: new Date().toISOString(), language: 'nl',
  });
  const booked = await request('/api/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await powHeaders(request, 'booking')) },
    body: JSON.stringify({ envelope, slotId: first.id, idempotencyKey: idempotencyKey(sodium) }),
  });
  expect(booked.status).toBe(201);
  const { caseId } = (await booked.json()) as { caseId: string };

  // Intake opens it and moves it: first without choosing anything (errors), then properly.
  await signInPage(page, 'intake.centrum');
  await page.evaluate((id) => (location.hash = `#vraag/${id}`), caseId);
  const panel = page.getByTestId('appointment-change');
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Verstuur bericht en verzet de afspraak' }).click();
  await expect(panel.locator('.achterom-error-summary')).toBeFocused();
  await expect(panel.locator('.achterom-error-summary')).toContainText('Kies of u de afspraak wilt verzetten of afzeggen.');
  await expect(panel.locator('.achterom-error-summary')).toContainText('Schrijf een bericht aan de inwoner.');
  await expectNoAxeViolations(page, 'move or cancel, with errors');
  await panel.getByLabel('Verzetten naar een andere tijd').check();
  await expect(panel.locator(`#change-slot option[value="${second.id}"]`)).toHaveCount(1, { timeout: 30_000 });
  await panel.locator('#change-slot').selectOption(second.id);
  await panel.locator('#change-message').fill(MOVED);
  await panel.getByRole('button', { name: 'Verstuur bericht en verzet de afspraak' }).click();
  await expect(page.getByTestId('change-done')).toContainText('De afspraak is verzet naar', { timeout: 30_000 });
  await expect(page.getByTestId('change-done')).toBeFocused();
  await expect(page.getByTestId('message').filter({ hasText: MOVED })).toBeVisible();
  expect(((await (await request(`/api/slots?team=${TEAM}&type=telefoon&from=${from}&days=14`)).json()) as { slots: ApiSlot[] }).slots.map((s) => s.id)).toContain(first.id);

  // The resident sees the new time and why.
  const resident = await browser.newContext();
  const residentPage = await resident.newPage();
  await openAppointment(residentPage, code);
  const secondTime = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(second.startsAt));
  await expect(residentPage.getByTestId('manage-opened')).toContainText(secondTime);
  await expect(residentPage.getByTestId('manage-messages')).toContainText(MOVED);
  await expect(residentPage.getByTestId('manage-messages')).toContainText('Het WOT');
  await expectNoAxeViolations(residentPage, 'Mijn afspraak with a message from the team');

  // Later the team must cancel.
  await panel.getByLabel('Afzeggen').check();
  await panel.locator('#change-message').fill(CANCELLED);
  await panel.getByRole('button', { name: 'Verstuur bericht en zeg de afspraak af' }).click();
  await expect(page.getByTestId('change-done')).toHaveText('De afspraak is afgezegd. De inwoner ziet uw bericht.', { timeout: 30_000 });
  await expect(page.getByTestId('appointment-change')).toHaveCount(0);

  await openAppointment(residentPage, code);
  await expect(residentPage.getByTestId('manage-none')).toContainText('het WOT heeft hem afgezegd');
  await expect(residentPage.getByTestId('mailbox-message')).toHaveCount(2);
  await expect(residentPage.getByTestId('manage-messages')).toContainText(CANCELLED);
  await expectNoAxeViolations(residentPage, 'Mijn afspraak, cancelled by the team');
  await resident.close();
});
