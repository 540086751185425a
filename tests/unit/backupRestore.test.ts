// npm run backup / npm run restore, as a municipality runs them: a case asked on one
// database is backed up (ciphertext only), restored into a fresh one, and read back there
// by the resident with the code and by the intake worker with their login.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/_app/app';
import { openCase, openCasePayload } from '../../src/lib/crypto/caseEnvelope';
import { QuestionPayload } from '../../src/lib/schemas/questionPayload';
import { startLocalD1 } from '../helpers/localD1';
import { askQuestion, openMailbox, type AskedCase } from '../helpers/resident';
import { loadSodium, signIn, type Sodium } from '../helpers/sodiumNode';

const root = path.resolve(import.meta.dirname, '../..');
const SENTINEL = 'BACKUP-SENTINEL huurachterstand 5521';
const scratch = mkdtempSync(path.join(tmpdir(), 'achterom-backup-'));
const live = path.join(scratch, 'live');
const fresh = path.join(scratch, 'fresh');
const backupFile = path.join(scratch, 'backup.sql');
const app = createApp();
let sodium: Sodium;
let asked: AskedCase;

function npmScript(script: string, args: string[], state: string) {
  const run = spawnSync(process.execPath, [path.join(root, `src/scripts/${script}.mjs`), ...args], {
    cwd: root,
    env: { ...process.env, ACHTEROM_STATE: state },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

beforeAll(async () => {
  sodium = await loadSodium();
  const d1 = await startLocalD1({ stateDir: live });
  try {
    asked = await askQuestion((p, init) => app.request(p, init, d1.env), sodium, { text: SENTINEL, consent: 'team' });
  } finally {
    await d1.dispose();
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('writes a backup that holds the case as ciphertext only', () => {
    const run = npmScript('backup', ['--out', backupFile], live);
    expect(run.output).toContain(`Backup written to ${backupFile}`);
    expect(run.status).toBe(0);
    const sql = readFileSync(backupFile, 'utf8');
    expect(sql).toContain('CREATE TABLE');
    expect(sql).toContain(asked.id);
    expect(sql).not.toContain(SENTINEL);
    expect(sql).not.toContain(asked.code);
  });

  it('restores into an empty database only', () => {
    expect(npmScript('restore', ['--from', backupFile], fresh).status).toBe(0);
    const again = npmScript('restore', ['--from', backupFile], fresh);
    expect(again.status).toBe(1);
    expect(again.output).toContain('is not empty');
    const missing = npmScript('restore', [], path.join(scratch, 'other'));
    expect(missing.status).toBe(2);
    expect(missing.output).toContain('npm run restore -- --from');
  });

  it('the restored database gives the case back to the code and to the intake worker', async () => {
    const d1 = await startLocalD1({ stateDir: fresh, migrate: [], seed: false });
    const request = (p: string, init?: RequestInit) => app.request(p, init, d1.env);
    try {
      const mailbox = await openMailbox(request, asked.mailboxId);
      expect(mailbox.status).toBe(200);
      const { case: stored } = (await mailbox.json()) as { case: { teamId: string; kind: 'question'; consent: 'team'; protocol: number; keyId: number; nonce: string; ciphertext: string } };
      const byCode = openCasePayload(sodium, stored, asked.caseKey);
      expect(byCode.ok && v.parse(QuestionPayload, byCode.value).question).toBe(SENTINEL);

      const { cookie, teamKeys } = await signIn(request, 'intake.centrum');
      const opened = await request(`/api/staff/cases/${asked.id}`, { headers: { cookie } });
      expect(opened.status).toBe(200);
      const byStaff = openCase(sodium, ((await opened.json()) as { case: Parameters<typeof openCase>[1] }).case, teamKeys!);
      expect(byStaff.ok && v.parse(QuestionPayload, byStaff.value).question).toBe(SENTINEL);
    } finally {
      await d1.dispose();
    }
  });
});
