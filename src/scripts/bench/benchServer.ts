// A server of the bench's own: `npm start`'s script on a free port with a fresh state
// folder (demo teams, staff and times), so the figures come from the same wrangler pages
// dev + local D1 a resident's browser talks to. Stopped at the end of the bench.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { filesUnder } from '../../../tests/helpers/files';

export interface BenchServer {
  base: string;
  /** The server's D1 file, opened as a database writer would (to seed cases in bulk). */
  database(): DatabaseSync;
  stop(): Promise<void>;
}

export async function startBenchServer(root: string, port: number, env: Record<string, string> = {}): Promise<BenchServer> {
  const state = path.join(root, '.achterom', `bench-state-${port}`);
  rmSync(state, { recursive: true, force: true });
  const child = spawn(process.execPath, [path.join(root, 'src/scripts/start.mjs'), '--no-build'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ACHTEROM_STATE: state, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`bench server did not start:\n${errors}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('bench server did not answer within 2 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    database() {
      const file = filesUnder(state).find((f) => f.endsWith('.sqlite') && f.includes('D1'));
      if (!file) throw new Error(`no D1 file under ${state}`);
      const db = new DatabaseSync(file);
      db.exec('PRAGMA busy_timeout = 5000');
      return db;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      rmSync(state, { recursive: true, force: true });
    },
  };
}
