// npm run admin -- invite, as a municipality's IT team runs it against a fresh database:
// the database starts with no accounts at all, the printed link activates exactly once,
// and the invite is in the audit chain, which still checks out.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { verifyAuditChain } from '../../functions/_app/audit';
import { enrolStaff } from '../../src/lib/crypto/staffKeys';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { loadSodium, type Sodium } from '../helpers/sodiumNode';

const root = path.resolve(import.meta.dirname, '../..');
const state = mkdtempSync(path.join(tmpdir(), 'achterom-admin-'));
const app = createApp();
let sodium: Sodium;

function admin(args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], { cwd: root, env: { ...process.env, ACHTEROM_STATE: state }, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function withDatabase<T>(work: (d1: LocalD1) => Promise<T>): Promise<T> {
  const d1 = await startLocalD1({ stateDir: state, migrate: [], seed: false });
  try {
    return await work(d1);
  } finally {
    await d1.dispose();
  }
}

beforeAll(async () => {
  sodium = await loadSodium();
  // A production database: the migrations only, never the demo staff.
  const d1 = await startLocalD1({ stateDir: state, seed: false });
  await d1.dispose();
});
afterAll(() => rmSync(state, { recursive: true, force: true }));

describe('npm run admin -- invite', () => {
  it('a migrated database has no accounts, so the first team lead needs this invite', async () => {
    await withDatabase(async ({ env }) => {
      expect(await env.DB.prepare('SELECT count(*) AS n FROM staff').first('n')).toBe(0);
    });
  });

  it('refuses an unknown team or role, and --remote without the site address', () => {
    for (const args of [['invite', '--team', 'wot-mars', '--role', 'teamlead'], ['invite', '--team', 'centraal', '--role', 'baas'], ['invite', '--team', 'centraal', '--role', 'teamlead', '--remote'], ['uitnodigen']]) {
      const run = admin(args);
      expect(run.status, args.join(' ')).toBe(2);
    }
    expect(admin(['invite', '--team', 'wot-mars', '--role', 'teamlead']).output).toContain('Unknown team "wot-mars"');
  });

  it('prints a one-time link that activates a pending team lead of that team, audited', async () => {
    const run = admin(['invite', '--team', 'nieuwland-groenoord', '--role', 'teamlead', '--site', 'https://wot.example.nl/']);
    expect(run.status, run.output).toBe(0);
    const link = /https:\/\/wot\.example\.nl\/medewerker\/activeren\/#([A-Za-z0-9_-]{43})/.exec(run.output);
    expect(link).not.toBeNull();
    const token = link![1]!;

    await withDatabase(async ({ env }) => {
      const chain = await verifyAuditChain(env.DB);
      expect(chain).toEqual({ ok: true, rows: 1 });
      expect(await env.DB.prepare('SELECT action, role, team_id, detail FROM audit_log').first()).toEqual({ action: 'admin.invite', role: 'system', team_id: 'nieuwland-groenoord', detail: 'teamlead' });

      const activate = (username: string) =>
        app.request(
          '/api/staff/activate',
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, username, displayName: 'Eerste teamleider', ...enrolStaff(sodium, `${username} kiest een lange zin`).enrolment }) },
          env,
        );
      const res = await activate('lead.nieuwland');
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ status: 'pending', role: 'teamlead', teamId: 'nieuwland-groenoord' });
      expect((await activate('iemand.anders')).status).toBe(410);
      expect(await verifyAuditChain(env.DB)).toEqual({ ok: true, rows: 2 });
    });
  });

  it('invites the privacy officer without a team, and refuses a team for that role', async () => {
    expect(admin(['invite', '--role', 'privacy', '--team', 'centraal']).status).toBe(2);
    const run = admin(['invite', '--role', 'privacy']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('Invite for the privacy officer');
    await withDatabase(async ({ env }) => {
      expect(await env.DB.prepare("SELECT team_id, role FROM invites WHERE role = 'privacy'").first()).toEqual({ team_id: null, role: 'privacy' });
      expect(await verifyAuditChain(env.DB)).toEqual({ ok: true, rows: 3 });
    });
  });
});
