// Durability: a second local server takes a burst of new cases and is killed with
// SIGKILL in the middle. After a restart every case that was answered 201 is there
// and decrypts. The captured server log and the database hold neither the client's
// address nor its user agent.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { loadSodium, signIn } from '../helpers/sodiumNode';
import { powHeaders } from '../helpers/pow';
import { filesUnder } from '../helpers/files';
import { sealCase, openCase } from '../../src/lib/crypto/caseEnvelope';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';
import { findTeam } from '../../src/lib/config/teams';
import { QuestionPayload } from '../../src/lib/schemas/questionPayload';

const PORT = 8792;
const BASE = `http://127.0.0.1:${PORT}`;
const CLIENT_ADDRESS = '192.0.2.77';
const USER_AGENT = 'AchteromDurabilityProbe/1.0 (sentinel-ua-5521)';

test.setTimeout(240_000);

function startServer(state: string, log: string[]): ChildProcess {
  const child = spawn(process.execPath, ['src/scripts/start.mjs', '--no-build'], {
    // The full request log, so the test can show no client address or user agent is in it.
    env: { ...process.env, PORT: String(PORT), ACHTEROM_STATE: state, POW_MAX_COUNTER: '200', ACHTEROM_LOG_LEVEL: 'info' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  return child;
}

async function waitForHealth(timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

test('every case answered 201 survives a SIGKILL mid-burst', async () => {
  const state = mkdtempSync(path.join(tmpdir(), 'achterom-durability-'));
  const log: string[] = [];
  let server = startServer(state, log);
  try {
    await waitForHealth();
    const sodium = await loadSodium();
    const team = findTeam('centraal')!;
    const request = (p: string, init?: RequestInit) =>
      fetch(`${BASE}${p}`, { ...init, headers: { ...(init?.headers as Record<string, string>), 'user-agent': USER_AGENT, 'cf-connecting-ip': CLIENT_ADDRESS, 'x-forwarded-for': CLIENT_ADDRESS } });

    // Seal and solve first, then fire the burst.
    const prepared = [];
    for (let i = 0; i < 40; i++) {
      const payload = v.parse(QuestionPayload, {
        type: 'question', neighbourhood: 'weet-ik-niet', question: `Duurzaamheid ${i}`, contact: { method: 'portal' }, consent: 'team', submittedAt: new Date().toISOString(), language: 'nl',
      });
      const envelope = sealCase(sodium, { code: generateCaseCode(sodium), teamId: team.id, teamPublicKey: team.publicKey, teamKeyId: team.keyId, kind: 'question', consent: 'team', payloadJson: JSON.stringify(payload) });
      prepared.push({ envelope, headers: await powHeaders(request, 'case', CLIENT_ADDRESS) });
    }
    const accepted: string[] = [];
    const sends = prepared.map(async ({ envelope, headers }, i) => {
      await new Promise((r) => setTimeout(r, i * 15));
      try {
        const res = await request('/api/cases', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
        if (res.status === 201) accepted.push(((await res.json()) as { id: string }).id);
      } catch {
        // the server died under this request: not acknowledged, so no promise was made
      }
    });
    await new Promise((r) => setTimeout(r, 250));
    killGroup(server);
    await Promise.all(sends);
    console.log(`durability: ${accepted.length} of ${prepared.length} cases answered 201 before SIGKILL`);
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(prepared.length);

    server = startServer(state, log);
    await waitForHealth();
    const intake = await signIn((p, init) => request(p, init), 'intake.centraal');
    expect(intake.res.status).toBe(200);
    for (const id of accepted) {
      const res = await request(`/api/staff/cases/${id}`, { headers: { cookie: intake.cookie } });
      expect(res.status, `case ${id} answered 201 but missing after restart`).toBe(200);
      const stored = ((await res.json()) as { case: { id: string; teamId: string; kind: 'question'; consent: 'team'; protocol: number; nonce: string; ciphertext: string; sealedKey: string } }).case;
      const opened = openCase(sodium, stored!, intake.teamKeys!);
      expect(opened.ok && v.parse(QuestionPayload, opened.value).question).toMatch(/^Duurzaamheid \d+$/);
    }
  } finally {
    killGroup(server);
    const serverLog = log.join('');
    expect(serverLog).toContain('Ready on');
    expect(serverLog).not.toContain(CLIENT_ADDRESS);
    expect(serverLog).not.toContain('sentinel-ua-5521');
    for (const file of filesUnder(state)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(CLIENT_ADDRESS), file).toBe(false);
      expect(bytes.includes('sentinel-ua-5521'), file).toBe(false);
    }
    rmSync(state, { recursive: true, force: true });
  }
});
