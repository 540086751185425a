// The API over a real local D1, for a test file that plays a client or a database writer:
// the database starts before the file's tests (useLocalApp) and is disposed after them.
// `d1` and `sodium` are live bindings: importers see the current database, also after a
// test has asked for an empty one with freshD1().
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from './localD1';
import { loadSodium, type Sodium } from './sodiumNode';

export let d1: LocalD1;
export let sodium: Sodium;

const app = createApp({ purge: false });
export const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
export const db = () => d1.env.DB;

/** Starts the database (migrated, demo staff seeded) before this file's tests; disposes it after. */
export function useLocalApp(): void {
  beforeAll(async () => {
    [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
  });
  afterAll(() => d1?.dispose());
}

/** Throws the database away and starts a new one: a test that needs a log or keys of its own. */
export async function freshD1(): Promise<void> {
  await d1.dispose();
  d1 = await startLocalD1();
}
