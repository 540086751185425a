// npm start: build the static site, migrate and seed the local D1, serve site + API.
// Quiet on purpose: the steps say one line each (their output only on failure), and
// the server logs warnings and errors only, so the address and the logins stay in view.
//   ACHTEROM_STATE=dir  keep the database elsewhere (tests use their own)
//   PORT=8788           port on 127.0.0.1
//   --fresh             start with an empty database (fresh demo data)
//   --no-build          reuse dist/ as it is
//   --no-demo           no demo staff or slots: an empty database, as in production
//                       (the first team lead comes from npm run admin -- invite)
//   ACHTEROM_LOG_LEVEL=info  also show wrangler's request log (default: warn)
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { port, root, run, serve, statePath } from './lib.mjs';

const args = new Set(process.argv.slice(2));
const step = (text) => console.log(`  ${text}`);
if (args.has('--fresh')) rmSync(statePath, { recursive: true, force: true });
if (!args.has('--no-build')) {
  step('Building the site…');
  run('astro', ['build']);
}

const demoData = !args.has('--no-demo');
step(demoData ? 'Preparing the local database (demo teams, staff and appointment times)…' : 'Preparing the local database (no demo data)…');
const d1 = ['DB', '--local', '--persist-to', statePath];
run('wrangler', ['d1', 'migrations', 'apply', ...d1]);
if (demoData) seedDemo();
function seedDemo() {
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
}

// Test servers may lower the proof-of-work cost and raise rate limits (never in production).
const bindings = [
  // The local demo may use the published demo secrets; a deployment never has this.
  '--binding', 'ACHTEROM_LOCAL_DEMO=1',
  ...['POW_MAX_COUNTER', 'RATE_LIMIT_SCALE', 'TEAM_BUDGET_SCALE'].flatMap((name) => (process.env[name] ? ['--binding', `${name}=${process.env[name]}`] : [])),
];
step('Starting the server…');
const server = serve('wrangler', [
  'pages', 'dev', 'dist', '--ip', '127.0.0.1', '--port', port, '--persist-to', statePath, '--show-interactive-dev-session=false',
  '--log-level', process.env.ACHTEROM_LOG_LEVEL ?? 'warn', ...bindings,
]);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

// The address and logins once the API answers, as the last thing on screen.
for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
  } catch {
    // Not up yet.
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
const demo = JSON.parse(readFileSync(new URL('../../functions/_db/demo/demoStaff.json', import.meta.url), 'utf8'));
const logins = demoData
  ? `  Demo logins (DEMO ONLY), passphrase for all: "${demo.passphrase}"
${demo.staff.map((s) => `    ${s.username.padEnd(24)} ${s.role.padEnd(12)} ${s.team ?? 'all teams'}`).join('\n')}`
  : '  No accounts yet: npm run admin -- invite --team <id> --role teamlead';
console.log(`
  Achterom runs on http://127.0.0.1:${port}/
  Staff console:   http://127.0.0.1:${port}/medewerker/
${logins}
  Data is kept in ${statePath}; \`npm run reset\` or \`npm start -- --fresh\` wipes it.
  Stop with Ctrl+C.
`);

