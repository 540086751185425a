// npm run backup [-- --remote] [-- --out file.sql]: the whole database as SQL, which is
// what the server holds: ciphertext, and what the server knows in the clear (days, team,
// status, who did what). Keep a backup as carefully as the database itself.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportTo } from './d1.mjs';
import { root } from './lib.mjs';

const { values } = parseArgs({ options: { remote: { type: 'boolean', default: false }, out: { type: 'string' } } });
const day = new Date().toISOString().slice(0, 10);
const file = path.resolve(root, values.out ?? `backups/achterom-${values.remote ? 'remote' : 'local'}-${day}.sql`);
exportTo(values.remote, file);
console.log(`Backup written to ${file}`);
console.log('It holds ciphertext and the facts the server knows (days, teams, status, audit log): store it encrypted, with access as narrow as the database.');
