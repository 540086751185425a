// A real local D1 (workerd + SQLite through wrangler's getPlatformProxy), migrated and
// seeded with the demo staff, in a fresh temporary folder per call.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import type { Bindings } from '../../functions/_app/env';

const root = path.resolve(import.meta.dirname, '../..');

/** Splits a migration or seed file into statements; trigger bodies (BEGIN … END;) stay whole. */
export function sqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  for (const line of sql.split('\n')) {
    if (line.trimStart().startsWith('--') || (!current.length && !line.trim())) continue;
    current.push(line);
    const text = current.join('\n').trim();
    const inTrigger = /^CREATE\s+TRIGGER/i.test(text);
    if (line.trimEnd().endsWith(';') && (!inTrigger || /^END;$/i.test(line.trim()))) {
      statements.push(text.replace(/;$/, ''));
      current = [];
    }
  }
  if (current.join('').trim()) statements.push(current.join('\n').trim());
  return statements;
}

export async function applySql(db: D1Database, file: string): Promise<void> {
  const statements = sqlStatements(readFileSync(path.join(root, file), 'utf8'));
  await db.batch(statements.map((s) => db.prepare(s)));
}

export interface LocalD1 {
  env: Bindings;
  persistDir: string;
  dispose(): Promise<void>;
}

/**
 * migrate: which migration files to apply (default all); a version-1 fixture stops before 0005.
 * env: settings on top of the test defaults (team budgets are raised unless a test sets them).
 * stateDir: a state folder as `wrangler --persist-to` and the npm scripts use it (ACHTEROM_STATE),
 * kept after dispose; by default a temporary folder that dispose removes.
 */
export async function startLocalD1(options: { seed?: boolean; migrate?: string[]; env?: Partial<Bindings>; stateDir?: string } = {}): Promise<LocalD1> {
  const persistDir = options.stateDir ?? mkdtempSync(path.join(tmpdir(), 'achterom-d1-'));
  const proxy = await getPlatformProxy<Bindings>({
    configPath: path.join(root, 'wrangler.toml'),
    // wrangler's CLI keeps its files in <persist-to>/v3; the proxy takes that folder itself.
    persist: { path: options.stateDir ? path.join(options.stateDir, 'v3') : persistDir },
  });
  for (const file of options.migrate ?? readdirSync(path.join(root, 'functions/_db/migrations')).sort()) {
    await applySql(proxy.env.DB, path.join('functions/_db/migrations', file));
  }
  if (options.seed !== false) await applySql(proxy.env.DB, 'functions/_db/demo/demo.sql');
  return {
    // Real proof of work, at a cost that keeps hundreds of test requests fast.
    env: { ...proxy.env, POW_MAX_COUNTER: '20', ACHTEROM_LOCAL_DEMO: '1', TEAM_BUDGET_SCALE: '1000', ...options.env },
    persistDir,
    async dispose() {
      await proxy.dispose();
      if (!options.stateDir) rmSync(persistDir, { recursive: true, force: true });
    },
  };
}
