// The e2e server's local D1 file, opened directly as a database writer would (the tests
// that play a lying server, and fixtures too large to make through the API), and its
// files read byte by byte (Hush Line's rule: nothing readable lands there).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect } from '@playwright/test';
import { E2E_STATE } from '../../playwright.config';
import { filesUnder } from './files';

export function e2eDatabase(): DatabaseSync {
  const file = filesUnder(path.resolve(E2E_STATE)).find((f) => f.endsWith('.sqlite') && f.includes('D1'));
  if (!file) throw new Error(`no D1 file under ${E2E_STATE}`);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}

/** No secret (a sentinel, a code) is in any file under the server's state folder. */
export function expectNotInDatabaseFiles(secrets: readonly string[], dir = path.resolve(E2E_STATE)): void {
  const files = filesUnder(dir);
  expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const secret of secrets) expect(bytes.includes(secret), `${secret} in ${file}`).toBe(false);
  }
}
