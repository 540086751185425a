// The e2e server's local D1 file, opened directly as a database writer would (the tests
// that play a lying server, and fixtures too large to make through the API).
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { E2E_STATE } from '../../playwright.config';
import { filesUnder } from './files';

export function e2eDatabase(): DatabaseSync {
  const file = filesUnder(path.resolve(E2E_STATE)).find((f) => f.endsWith('.sqlite') && f.includes('D1'));
  if (!file) throw new Error(`no D1 file under ${E2E_STATE}`);
  const db = new DatabaseSync(file);
  db.exec('PRAGMA busy_timeout = 5000');
  return db;
}
