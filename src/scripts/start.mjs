// npm start: build the static site, migrate and seed the local D1, serve site + API.
//   ACHTEROM_STATE=dir  keep the database elsewhere (tests use their own)
//   PORT=8788           port on 127.0.0.1
//   --no-build          reuse dist/ as it is
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { port, root, run, serve, statePath } from './lib.mjs';

const args = new Set(process.argv.slice(2));
if (args.has('--fresh')) rmSync(statePath, { recursive: true, force: true });
if (!args.has('--no-build')) run('astro', ['build']);

const d1 = ['DB', '--local', '--persist-to', statePath];
run('wrangler', ['d1', 'migrations', 'apply', ...d1]);
// Demo teams and staff (INSERT OR IGNORE, so restarts keep existing data).
run('wrangler', ['d1', 'execute', ...d1, '--file', 'functions/_db/demo/demo.sql']);
// Demo appointment slots for the coming weeks, made from the same weekly-pattern code the API uses.
const work = path.join(root, '.achterom');
mkdirSync(work, { recursive: true });
const slotScript = path.join(work, 'demo-slots.mjs');
buildSync({ entryPoints: [path.join(root, 'src/scripts/demo-slots.ts')], bundle: true, platform: 'node', format: 'esm', outfile: slotScript, logLevel: 'warning' });
const slotSql = path.join(work, 'demo-slots.sql');
run('node', [slotScript, slotSql]);
run('wrangler', ['d1', 'execute', ...d1, '--file', slotSql]);

const demo = JSON.parse(readFileSync(new URL('../../functions/_db/demo/demoStaff.json', import.meta.url), 'utf8'));
console.log(`
  Achterom runs on http://127.0.0.1:${port}/
  Staff console:   http://127.0.0.1:${port}/medewerker/
  Demo logins (DEMO ONLY), passphrase for all: "${demo.passphrase}"
${demo.staff.map((s) => `    ${s.username.padEnd(24)} ${s.role.padEnd(12)} ${s.team ?? 'all teams'}`).join('\n')}
  Data is kept in ${statePath}; \`npm run reset\` wipes it.
`);

// Test servers may lower the proof-of-work cost and raise rate limits (never in production).
const bindings = ['POW_MAX_COUNTER', 'RATE_LIMIT_SCALE'].flatMap((name) => (process.env[name] ? ['--binding', `${name}=${process.env[name]}`] : []));
const server = serve('wrangler', ['pages', 'dev', 'dist', '--ip', '127.0.0.1', '--port', port, '--persist-to', statePath, '--show-interactive-dev-session=false', ...bindings]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
