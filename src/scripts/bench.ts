// npm run bench: the figures that matter for a cheap phone and a busy intake day, each
// beside its budget and an anchor measured in the same run on the same machine (so a slow
// machine shows as a slow anchor, not as a failed budget). A benchmark, not a test: it
// prints, it does not fail. Medians of several runs. (Bundled two folders deep in
// .achterom/bench/, so the test helpers it reuses find the project root.)
//   --no-build   measure dist/ as it is
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as openpgp from 'openpgp';
import { loadSodium } from '../lib/crypto/sodium';
import { decryptPadded, encryptPadded } from '../lib/crypto/caseEnvelope';
import { deriveCaseKeys } from '../lib/crypto/deriveCaseKeys';
import { generateCaseCode } from '../lib/crypto/caseCode';
import { chromium } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../../playwright.config';
import { startBenchServer } from './bench/benchServer';
import { measureSubmitRate } from './bench/apiRate';
import { measureInbox } from './bench/inboxTiming';
import { measureSend } from './bench/sendTiming';

const root = process.cwd();
const rows: { figure: string; value: string; budget: string; anchor: string; ok: boolean | null }[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// ---------------------------------------------------------------- page weight
if (!process.argv.includes('--no-build')) {
  const build = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}${build.stderr}`);
}
const assets = path.join(root, 'dist/_astro');
/** gzip bytes of the scripts a page loads before any button is pressed (static imports only). */
function pageScripts(page: string): number {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file) || !existsSync(path.join(assets, file))) return;
    seen.add(file);
    const code = readFileSync(path.join(assets, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) walk(m[1]!);
  };
  const html = readFileSync(path.join(root, 'dist', page, 'index.html'), 'utf8');
  for (const m of html.matchAll(/(?:component-url|renderer-url|src)="\/_astro\/([^"]+\.js)"/g)) walk(m[1]!);
  return [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f))).length, 0);
}
const pageCss = (page: string) =>
  [...readFileSync(path.join(root, 'dist', page, 'index.html'), 'utf8').matchAll(/href="\/_astro\/([^"]+\.css)"/g)].reduce((sum, m) => sum + gzipSync(readFileSync(path.join(assets, m[1]!))).length, 0);
const home = pageScripts('') + pageCss('') + gzipSync(readFileSync(path.join(root, 'dist/index.html'))).length;
rows.push({ figure: 'home page, everything (HTML, CSS, JS)', value: kb(home), budget: '15.0 KB', anchor: '', ok: home <= 15 * 1024 });
for (const [page, budget] of [['vraag', 40], ['mijn-vraag', 40], ['afspraak', 20], ['afspraak/beheren', 40]] as const) {
  const js = pageScripts(page);
  rows.push({ figure: `/${page}/ JavaScript before the first press`, value: kb(js), budget: `${budget}.0 KB`, anchor: `home ${kb(home)}`, ok: js <= budget * 1024 });
}
const sodiumFile = readdirSync(assets).find((f) => f.startsWith('libsodium') && f.endsWith('.js'));
if (sodiumFile) rows.push({ figure: 'libsodium (loaded on the first send only)', value: kb(gzipSync(readFileSync(path.join(assets, sodiumFile))).length), budget: 'not before send', anchor: '', ok: null });

// ---------------------------------------------------------------- crypto
const sodium = await loadSodium();
const text = 'x'.repeat(10 * 1024);
const timeIt = async (n: number, work: () => unknown) => {
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await work();
    runs.push((performance.now() - t0) / n);
  }
  return median(runs);
};
// What a resident's browser and a staff member's do per case, without argon2id: the
// padded payload under a fresh case key, that key sealed to the team key, and back.
const team = sodium.crypto_box_keypair();
const seal = await timeIt(200, () => {
  const caseKey = sodium.randombytes_buf(32);
  const { nonce, ciphertext } = encryptPadded(sodium, text, caseKey, 'bench');
  const sealedKey = sodium.crypto_box_seal(caseKey, team.publicKey);
  const opened = sodium.crypto_box_seal_open(sealedKey, team.publicKey, team.privateKey);
  decryptPadded(sodium, ciphertext, nonce, opened, 'bench');
});
// The anchor: OpenPGP (openpgp.js, a dev dependency of this benchmark only) encrypting the
// same text to an x25519 key and decrypting it, the usual way to do the same job.
const pgpKey = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ name: 'bench' }], format: 'object' });
const pgp = await timeIt(50, async () => {
  const message = await openpgp.createMessage({ text });
  const armored = await openpgp.encrypt({ message, encryptionKeys: pgpKey.publicKey, format: 'binary' });
  const read = await openpgp.readMessage({ binaryMessage: armored as Uint8Array });
  await openpgp.decrypt({ message: read, decryptionKeys: pgpKey.privateKey });
});
rows.push({ figure: 'seal + open 10 KB to a team key (no argon2id)', value: `${seal.toFixed(3)} ms`, budget: `≤ 0.5 × OpenPGP (${(pgp / 2).toFixed(3)} ms)`, anchor: `openpgp.js x25519 ${pgp.toFixed(3)} ms`, ok: seal <= pgp / 2 });
const derive = await timeIt(1, () => deriveCaseKeys(sodium, generateCaseCode(sodium)));
rows.push({ figure: 'argon2id from the case code (per send or lookup)', value: `${derive.toFixed(0)} ms`, budget: '1000 ms', anchor: `seal above ×${(derive / seal).toFixed(0)}`, ok: derive <= 1000 });

// ---------------------------------------------------------------- browser: send and inbox
// A server with the default proof of work for what a resident and a worker see.
const ms = (x: number) => `${x.toFixed(0)} ms`;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
let server = await startBenchServer(root, 8796, { RATE_LIMIT_SCALE: '100000', TEAM_BUDGET_SCALE: '100000' });
try {
  const sends = async (slowdown: number, typingMs: number) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push(await measureSend(browser, server.base, slowdown, typingMs));
    return median(runs);
  };
  const fast = await sends(1, 0);
  const slow = await sends(4, 0);
  const slowTyped = await sends(4, 5000);
  rows.push({ figure: 'send → code, full speed (median of 3)', value: ms(fast), budget: '', anchor: '', ok: null });
  rows.push({ figure: 'send → code, CPU 4× slower', value: ms(slow), budget: '1500 ms', anchor: `full speed ${ms(fast)}`, ok: slow <= 1500 });
  rows.push({ figure: 'send → code, CPU 4× slower, 5 s after typing', value: ms(slowTyped), budget: '1000 ms', anchor: `full speed ${ms(fast)}`, ok: slowTyped <= 1000 });
  for (const total of [1_000, 10_000]) {
    const inbox = await measureInbox(browser, server, total);
    const later = median(inbox.firstScreen.slice(1));
    rows.push({ figure: `inbox of ${total.toLocaleString('en')}: first screen after sign-in (first / later)`, value: `${ms(inbox.firstScreen[0]!)} / ${ms(later)}`, budget: '1000 ms', anchor: '', ok: Math.max(inbox.firstScreen[0]!, later) <= 1000 });
    rows.push({ figure: `inbox of ${total.toLocaleString('en')}: "Toon meer" to the oldest case`, value: `${(inbox.toOldest / 1000).toFixed(1)} s, ${inbox.shown} of ${inbox.total} shown`, budget: 'every case reachable', anchor: '', ok: inbox.shown === inbox.total && inbox.total >= total });
  }
} finally {
  await server.stop();
  await browser.close();
}

// ---------------------------------------------------------------- API
// A second server with the proof of work lowered (as for tests), so the proofs are cheap
// to make beforehand; the figure is the server's own work per request, over HTTP.
server = await startBenchServer(root, 8797, { RATE_LIMIT_SCALE: '100000', TEAM_BUDGET_SCALE: '100000', POW_MAX_COUNTER: '20' });
try {
  const { health, cases } = await measureSubmitRate(server.base);
  const h = median(health);
  const c = median(cases);
  rows.push({ figure: 'POST /api/cases, requests per second (16 at once)', value: c.toFixed(0), budget: `≥ 0.5 × health (${(h / 2).toFixed(0)})`, anchor: `GET /api/health ${h.toFixed(0)}/s`, ok: c >= h / 2 });
} finally {
  await server.stop();
}

// ---------------------------------------------------------------- report
for (const r of rows) if (r.ok === false) r.value += ' (over)';
const width = (k: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const line = (r: { figure: string; value: string; budget: string; anchor: string }) => `| ${(['figure', 'value', 'budget', 'anchor'] as const).map((k) => String(r[k]).padEnd(width(k))).join(' | ')} |`;
console.log(line({ figure: 'figure', value: 'value', budget: 'budget', anchor: 'anchor (same run)' }));
console.log(`|${(['figure', 'value', 'budget', 'anchor'] as const).map((k) => '-'.repeat(width(k) + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
// The same figures as JSON, for tools and for the README's table.
const report = { date: new Date().toISOString().slice(0, 10), machine: `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`, rows };
writeFileSync(path.join(root, '.achterom/bench/last.json'), JSON.stringify(report, null, 2));
console.log(`\n${report.date}, ${report.machine}; JSON in .achterom/bench/last.json`);
