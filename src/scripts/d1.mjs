// The database as the backup, restore and admin scripts see it: the local D1 of `npm start`
// (or ACHTEROM_STATE), or with --remote the deployed one. Every call goes through wrangler.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, statePath, toolEnv } from './lib.mjs';

const wranglerBin = path.join(root, 'node_modules', '.bin', 'wrangler');

/** @param {boolean} remote */
export function target(remote) {
  return remote ? ['DB', '--remote'] : ['DB', '--local', '--persist-to', statePath];
}

/** Runs wrangler; returns stdout, or stops the script with wrangler's own words. */
export function wrangler(args, { cwd = root } = {}) {
  const result = spawnSync(wranglerBin, args, { cwd, env: toolEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}\nwrangler ${args.join(' ')} failed\n`);
    process.exit(1);
  }
  return result.stdout;
}

/** Rows of one SQL query, through `wrangler d1 execute --json`. */
export function query(remote, sql) {
  const out = wrangler(['d1', 'execute', ...target(remote), '--json', '--command', sql]);
  const parsed = JSON.parse(out.slice(out.indexOf('[')));
  return parsed[0]?.results ?? [];
}

/** Our tables (not SQLite's or Cloudflare's own). */
export function userTables(remote) {
  return query(remote, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").map((r) => r.name);
}

/**
 * `wrangler d1 export --local` reads only the default state folder (.wrangler/state) of the
 * folder it runs in, so a local export runs in a scratch folder whose .wrangler/state is
 * the state folder in use.
 */
export function exportTo(remote, file) {
  mkdirSync(path.dirname(file), { recursive: true });
  if (remote) return void wrangler(['d1', 'export', 'DB', '--remote', '--output', file]);
  const scratch = mkdtempSync(path.join(tmpdir(), 'achterom-export-'));
  try {
    copyFileSync(path.join(root, 'wrangler.toml'), path.join(scratch, 'wrangler.toml'));
    mkdirSync(path.join(scratch, '.wrangler'));
    symlinkSync(statePath, path.join(scratch, '.wrangler', 'state'));
    wrangler(['d1', 'export', 'DB', '--local', '--output', file], { cwd: scratch });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
