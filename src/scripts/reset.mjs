// npm run reset: delete the local database (cases, sessions, demo staff). The next
// `npm start` migrates and seeds it again.
import { rmSync } from 'node:fs';
import { statePath } from './lib.mjs';

rmSync(statePath, { recursive: true, force: true });
console.log(`Removed ${statePath}. Run npm start to begin with fresh demo data.`);
