// docs/deploy.md, run as far as it can be without a Cloudflare account. Every command in
// the guide is listed here: run here in its local form (--local, --dry-run, the bundling
// half of a deploy), run by another named test, or marked as needing the account. A new
// command in the guide that is none of these fails the first test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalD1 } from '../helpers/localD1';

const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'achterom-deploy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ACCOUNT_ONLY = 'needs the Cloudflare account';
/** Commands another test runs (in their local form), or that only the account can run. */
const ELSEWHERE: Record<string, string> = {
  'npm install': '.ci/run (before every test run)',
  'npm ci': '.ci/run (before every test run)',
  'git pull': 'git itself',
  'npm run build': 'playwright.config.ts (its server, src/scripts/start.mjs, runs astro build first)',
  'npx wrangler login': ACCOUNT_ONLY,
  'npx wrangler d1 create achterom': ACCOUNT_ONLY,
  'npx wrangler r2 bucket create achterom-files': ACCOUNT_ONLY,
  'npx wrangler pages project create achterom --production-branch main': ACCOUNT_ONLY,
  'openssl rand -base64 32 | npx wrangler pages secret put POW_SECRET --project-name achterom': 'functions/_app/secrets.test.ts (what the API does without it)',
  'openssl rand -base64 32 | npx wrangler pages secret put SALT_PEPPER --project-name achterom': 'functions/_app/secrets.test.ts (what the API does without it)',
  'npm run admin -- invite --team centrum-oost --role teamlead --remote --site https://wot.example.nl': 'tests/unit/adminInvite.test.ts',
  'npm run admin -- invite --role privacy --remote --site https://wot.example.nl': 'tests/e2e/going-live.spec.ts (its local form)',
  'npm run backup -- --remote': 'tests/unit/backupRestore.test.ts',
  'npm run restore -- --from backups/achterom-remote-2026-12-01.sql --remote': 'tests/unit/backupRestore.test.ts',
  'npx wrangler pages deployment list --project-name achterom': ACCOUNT_ONLY,
};

/** Commands this file runs, each in the form that needs no account. */
const RUN_HERE: Record<string, string[]> = {
  'npx wrangler d1 migrations apply DB --remote': ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', path.join(scratch, 'state')],
  'npx wrangler deploy -c wrangler.purge.toml': ['wrangler', 'deploy', '-c', 'wrangler.purge.toml', '--dry-run', '--outdir', path.join(scratch, 'purge')],
  // The half of `pages deploy` that happens on this machine: bundling the API.
  'npx wrangler pages deploy dist --project-name achterom --branch main': ['wrangler', 'pages', 'functions', 'build', '--outdir', path.join(scratch, 'functions')],
  'ACHTEROM_DEPLOY=production npm run build': ['astro', 'build', '--outDir', path.join(scratch, 'dist')],
};

function guideCommands(): string[] {
  const text = readFileSync(path.join(root, 'docs/deploy.md'), 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
}

function run(command: string) {
  const [tool, ...args] = RUN_HERE[command]!;
  const env = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ASTRO_TELEMETRY_DISABLED: '1', ...(command.startsWith('ACHTEROM_DEPLOY=production') ? { ACHTEROM_DEPLOY: 'production' } : {}) };
  const result = spawnSync(path.join(root, 'node_modules/.bin', tool!), args, { cwd: root, env, encoding: 'utf8', timeout: 180_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('docs/deploy.md', () => {
  it('every command in the guide is run here, run by a named test, or needs the account', () => {
    const commands = guideCommands();
    expect(commands.length).toBeGreaterThan(10);
    const unknown = commands.filter((c) => !(c in RUN_HERE) && !(c in ELSEWHERE));
    expect(unknown).toEqual([]);
    for (const where of Object.values(ELSEWHERE)) {
      const file = /^(\S+\.(?:ts|mjs))/.exec(where)?.[1];
      if (file) expect(existsSync(path.join(root, file)), file).toBe(true);
    }
  });

  it('migrations make a database with empty tables and no accounts', async () => {
    const result = run('npx wrangler d1 migrations apply DB --remote');
    expect(result.status, result.output).toBe(0);
    const d1 = await startLocalD1({ stateDir: path.join(scratch, 'state'), migrate: [], seed: false });
    try {
      expect(await d1.env.DB.prepare('SELECT count(*) AS n FROM staff').first('n')).toBe(0);
      expect(await d1.env.DB.prepare('SELECT count(*) AS n FROM d1_migrations').first('n')).toBe(readdirSync(path.join(root, 'functions/_db/migrations')).length);
    } finally {
      await d1.dispose();
    }
  });

  it('the purge Worker and the API bundle without an account', () => {
    for (const command of ['npx wrangler deploy -c wrangler.purge.toml', 'npx wrangler pages deploy dist --project-name achterom --branch main']) {
      const result = run(command);
      expect(result.status, result.output).toBe(0);
    }
    expect(existsSync(path.join(scratch, 'purge', 'purge.js'))).toBe(true);
    expect(readFileSync(path.join(scratch, 'functions', 'index.js'), 'utf8')).toContain('/api/:route*');
  });

  it('the production build refuses this repository’s demo keys, naming the teams', () => {
    const result = run('ACHTEROM_DEPLOY=production npm run build');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('team "centrum-oost" still has a demo key pair');
  });
});
