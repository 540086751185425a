// The server under test: its address (the config's baseURL, so API calls from a test go
// to the server the pages come from) and the free appointment times it offers.
import { expect } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';

export const E2E_BASE = `http://127.0.0.1:${E2E_PORT}`;

export interface ApiSlot {
  id: string;
  teamId: string;
  type: string;
  locationId: string | null;
  startsAt: string;
  durationMinutes: number;
  status: string;
}

/** The free times of a kind, asked as the booking page asks for them. */
export async function freeSlots(type: string, from: string, days = 7, team = 'centrum-oost'): Promise<ApiSlot[]> {
  const res = await fetch(`${E2E_BASE}/api/slots?team=${team}&type=${type}&from=${from}&days=${days}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { slots: ApiSlot[] }).slots;
}
