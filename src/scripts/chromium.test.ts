// The browser tests find Chromium themselves: both branches of the lookup, the plan and
// the real script (with the lookup pointed at a path that does not exist).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chromiumPath, chromiumPlan, DEFAULT_CHROMIUM } from './chromium.mjs';

const script = 'src/scripts/ensure-chromium.mjs';
const missing = '/nonexistent/chromium';

describe('finding Chromium for the browser tests', () => {
  it('uses CHROMIUM_PATH, else Debian’s path', () => {
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM);
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium' })).toBe('/opt/chromium');
  });

  it('plans: use it, install it (root with apt-get), or stop with the one command', () => {
    expect(chromiumPlan({ path: DEFAULT_CHROMIUM, exists: true, isRoot: false, hasApt: false })).toEqual({ action: 'use', path: DEFAULT_CHROMIUM });
    expect(chromiumPlan({ path: DEFAULT_CHROMIUM, exists: false, isRoot: true, hasApt: true })).toMatchObject({
      action: 'install',
      steps: [['apt-get', ['update', '-qq']], ['apt-get', ['install', '-y', '-qq', 'chromium']]],
    });
    const notRoot = chromiumPlan({ path: DEFAULT_CHROMIUM, exists: false, isRoot: false, hasApt: true });
    expect(notRoot).toMatchObject({ action: 'stop' });
    expect(notRoot.action === 'stop' && notRoot.message).toContain('sudo apt-get install -y chromium');
    // Installing would not help a path the package does not provide.
    expect(chromiumPlan({ path: missing, exists: false, isRoot: true, hasApt: true })).toMatchObject({ action: 'stop' });
  });

  it('the script stops at once with the command when the lookup points at a missing path', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, CHROMIUM_PATH: missing }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apt-get install -y chromium');
    expect(run.stderr).toContain(missing);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('the script passes when Chromium is there', () => {
    const fake = process.execPath; // any file that exists stands in for the browser
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, CHROMIUM_PATH: fake }, encoding: 'utf8' });
    expect(run.status).toBe(0);
  });
});
