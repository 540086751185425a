// npm run restore -- --from backup.sql [--remote]: loads a backup into a database that is
// still empty (a fresh local state folder, or a new D1 made with `wrangler d1 create`).
// It refuses a database that has tables, so a restore never mixes with live data.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { target, userTables, wrangler } from './d1.mjs';
import { root, statePath } from './lib.mjs';

const { values } = parseArgs({ options: { remote: { type: 'boolean', default: false }, from: { type: 'string' } } });
if (!values.from) {
  console.error('Say which backup: npm run restore -- --from backups/achterom-local-2026-12-01.sql');
  process.exit(2);
}
const file = path.resolve(root, values.from);
if (!existsSync(file)) {
  console.error(`No backup at ${file}`);
  process.exit(2);
}
const tables = userTables(values.remote);
if (tables.length) {
  console.error(
    values.remote
      ? `The remote database is not empty (${tables.length} tables). Restore into a new one: wrangler d1 create, then point wrangler.toml at it.`
      : `The local database in ${statePath} is not empty (${tables.length} tables). Run npm run reset first, or set ACHTEROM_STATE to an empty folder.`,
  );
  process.exit(1);
}
wrangler(['d1', 'execute', ...target(values.remote), '--file', file]);
console.log(`Restored ${file} into the ${values.remote ? 'remote' : `local (${statePath})`} database.`);
