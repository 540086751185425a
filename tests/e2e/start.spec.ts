// `npm start` is quiet: one line per step, then the address and the demo logins, and
// nothing that needs the network (no update check, no Request.cf download).
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const PORT = 8793;
const STATE = '.achterom/start-state';

test('npm start prints the address and the logins and little else', async () => {
  test.setTimeout(180_000);
  rmSync(STATE, { recursive: true, force: true });
  const child = spawn(process.execPath, ['src/scripts/start.mjs', '--no-build', '--fresh'], {
    env: { ...process.env, PORT: String(PORT), ACHTEROM_STATE: STATE },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  try {
    await expect.poll(() => output, { timeout: 150_000, intervals: [500] }).toContain('Stop with Ctrl+C.');
    // The server answers by then.
    expect((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const lines = output.trimEnd().split('\n');
    expect(lines.length, output).toBeLessThanOrEqual(30);
    expect(output).toContain(`Achterom runs on http://127.0.0.1:${PORT}/`);
    expect(output).toContain(`http://127.0.0.1:${PORT}/medewerker/`);
    expect(output).toMatch(/privacy\s+privacy\s+all teams/);
    expect(output).not.toMatch(/ENOTFOUND|Error|update available|\[\{|^\s*\{/m);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Gone already.
    }
    rmSync(STATE, { recursive: true, force: true });
  }
});
