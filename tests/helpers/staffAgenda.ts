// The console's agenda and availability editor in a browser test: go to a day, find a slot
// card, and a slot's time as the agenda writes it.
import { expect, type Page } from '@playwright/test';
import type { ApiSlot } from './e2eServer';
import { amsterdam, typed } from './dates';

/** "09:00–09:45", the slot's time as the agenda shows it. */
export function slotTimeText(slot: Pick<ApiSlot, 'startsAt' | 'durationMinutes'>): string {
  const end = new Date(Date.parse(slot.startsAt) + slot.durationMinutes * 60_000).toISOString();
  return `${amsterdam(slot.startsAt).time}–${amsterdam(end).time}`;
}

/** Shows a day (or its week) in an agenda with the "Ga naar dag" field. */
export async function goToDay(page: Page, prefix: 'agenda' | 'editor', date: string) {
  await page.locator(`#${prefix}-jump`).fill(typed(date));
  await page.getByTestId(`${prefix}-jump-submit`).click();
  await expect(page.getByTestId(`${prefix}-status`)).not.toContainText('wordt opgehaald');
}

export const slotItem = (page: Page, prefix: string, id: string) => page.locator(`#${prefix}-slot-${id}`);
