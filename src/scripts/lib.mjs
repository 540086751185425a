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
};

/** Where `wrangler pages dev` keeps the local D1 (SQLite files). */
export const statePath = path.resolve(root, process.env.ACHTEROM_STATE ?? '.wrangler/state');
export const port = process.env.PORT ?? '8788';

export function run(tool, args) {
  const result = spawnSync(path.join(bin, tool), args, { cwd: root, env: toolEnv, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${tool} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

export function serve(tool, args) {
  return spawn(path.join(bin, tool), args, { cwd: root, env: { ...toolEnv, CI: process.env.CI ?? '' }, stdio: 'inherit' });
}
