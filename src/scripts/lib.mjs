// Shared by start.mjs and reset.mjs: run the project's own tool binaries with Node 22
// first on PATH and telemetry off, and know where the local database lives.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = path.join(root, 'node_modules', '.bin');

export const toolEnv = {
  ...process.env,
  PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  // wrangler asks before applying migrations when it sees a terminal
  CI: 'true',
  // Nothing here needs the network: no banner with its update check, and no download
  // of Cloudflare's Request.cf sample (workerd falls back to a local placeholder).
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
};

/** Where `wrangler pages dev` keeps the local D1 (SQLite files). */
export const statePath = path.resolve(root, process.env.ACHTEROM_STATE ?? '.wrangler/state');
export const port = process.env.PORT ?? '8788';

/** Runs a set-up step quietly: its output is shown only when it fails. */
export function run(tool, args) {
  const result = spawnSync(path.join(bin, tool), args, { cwd: root, env: toolEnv, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`\n${tool} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

export function serve(tool, args) {
  return spawn(path.join(bin, tool), args, { cwd: root, env: { ...toolEnv, CI: process.env.CI ?? '' }, stdio: 'inherit' });
}
