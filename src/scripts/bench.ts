// npm run bench: the figures that matter for a cheap phone and a busy intake day, each
// beside its budget and an anchor measured in the same run on the same machine (so a slow
// machine shows as a slow anchor, not as a failed budget). A benchmark, not a test: it
// prints, it does not fail. Medians of several runs. (Bundled two folders deep in
// .achterom/bench/, so the test helpers it reuses find the project root.)
//   --no-build   measure dist/ as it is
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import * as openpgp from 'openpgp';
import { createApp } from '../../functions/_app/app';
import { loadSodium } from '../lib/crypto/sodium';
import { decryptPadded, encryptPadded, sealCase } from '../lib/crypto/caseEnvelope';
import { deriveCaseKeys } from '../lib/crypto/deriveCaseKeys';
import { generateCaseCode } from '../lib/crypto/caseCode';
import { teamForNeighbourhood } from '../lib/config/teams';
import { QuestionPayload } from '../lib/schemas/questionPayload';
import { startLocalD1 } from '../../tests/helpers/localD1';
import { powHeaders } from '../../tests/helpers/pow';

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
const key = sodium.randombytes_buf(32);
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

// ---------------------------------------------------------------- API
const d1 = await startLocalD1({ env: { RATE_LIMIT_SCALE: '100000', TEAM_BUDGET_SCALE: '100000' } });
try {
  const app = createApp();
  const request = (p: string, init?: RequestInit) => app.request(p, init, d1.env);
  const team = teamForNeighbourhood('oost')!;
  const envelope = () => {
    const payload = v.parse(QuestionPayload, { type: 'question', neighbourhood: 'oost', question: 'bench', contact: { method: 'portal' }, consent: 'team', submittedAt: new Date().toISOString(), language: 'nl' });
    return sealCase(sodium, { code: generateCaseCode(sodium), teamId: team.id, teamPublicKey: team.publicKey, teamKeyId: team.keyId, kind: 'question', consent: 'team', payloadJson: JSON.stringify(payload) });
  };
  // Envelopes and proofs are made first: the figure is the server's work per request.
  const ready = await Promise.all(Array.from({ length: 160 }, async () => ({ body: JSON.stringify(envelope()), headers: await powHeaders(request, 'case') })));
  const rate = async (send: (i: number) => Response | Promise<Response>, total: number) => {
    const t0 = performance.now();
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < total) {
        const res = await send(next++);
        if (res.status >= 300) throw new Error(`bench request failed: ${res.status} ${await res.text()}`);
      }
    }));
    return total / ((performance.now() - t0) / 1000);
  };
  const health = await rate(() => request('/api/health'), 400);
  const cases = await rate((i) => request('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json', ...ready[i]!.headers }, body: ready[i]!.body }), ready.length);
  rows.push({ figure: 'POST /api/cases, requests per second (16 at once)', value: cases.toFixed(0), budget: `≥ 0.5 × health (${(health / 2).toFixed(0)})`, anchor: `GET /api/health ${health.toFixed(0)}/s`, ok: cases >= health / 2 });
} finally {
  await d1.dispose();
}

// ---------------------------------------------------------------- report
for (const r of rows) if (r.ok === false) r.value += ' (over)';
const width = (k: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => String(r[k]).length), k.length);
const line = (r: { figure: string; value: string; budget: string; anchor: string }) => `| ${(['figure', 'value', 'budget', 'anchor'] as const).map((k) => String(r[k]).padEnd(width(k))).join(' | ')} |`;
console.log(line({ figure: 'figure', value: 'value', budget: 'budget', anchor: 'anchor (same run)' }));
console.log(`|${(['figure', 'value', 'budget', 'anchor'] as const).map((k) => '-'.repeat(width(k) + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
