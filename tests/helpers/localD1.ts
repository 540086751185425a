// A real local D1 (workerd + SQLite through wrangler's getPlatformProxy), migrated and
// seeded with the demo staff, in a fresh temporary folder per call.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getPlatformProxy } from 'wrangler';
import type { Bindings } from '../../functions/_app/env';

const root = path.resolve(import.meta.dirname, '../..');

/** Splits a migration or seed file into statements (our SQL never has ';' inside values). */
export function sqlStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
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

export async function startLocalD1(options: { seed?: boolean } = {}): Promise<LocalD1> {
  const persistDir = mkdtempSync(path.join(tmpdir(), 'achterom-d1-'));
  const proxy = await getPlatformProxy<Bindings>({
    configPath: path.join(root, 'wrangler.toml'),
    persist: { path: persistDir },
  });
  for (const file of readdirSync(path.join(root, 'migrations')).sort()) {
    await applySql(proxy.env.DB, path.join('migrations', file));
  }
  if (options.seed !== false) await applySql(proxy.env.DB, 'seed/demo.sql');
  return {
    env: proxy.env,
    persistDir,
    async dispose() {
      await proxy.dispose();
      rmSync(persistDir, { recursive: true, force: true });
    },
  };
}
