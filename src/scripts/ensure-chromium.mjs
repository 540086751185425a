// Run by `npm run test:e2e` before Playwright: makes sure Debian's Chromium is there,
// installing it once when this user may (root on Debian), or stopping at once with
// the one command to run. `--dry-run` says what it would do without doing it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromiumPath, chromiumPlan } from './chromium.mjs';

const dryRun = process.argv.includes('--dry-run');
const path = chromiumPath(process.env);
const plan = chromiumPlan({
  path,
  exists: existsSync(path),
  isRoot: process.getuid?.() === 0,
  hasApt: existsSync('/usr/bin/apt-get'),
});

if (plan.action === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(`Chromium is missing: installing Debian's chromium package once (${plan.steps.map(([c, a]) => `${c} ${a.join(' ')}`).join(' && ')}).`);
  if (dryRun) process.exit(0);
  for (const [command, args] of plan.steps) {
    const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(`${command} ${args.join(' ')} failed; install Chromium by hand: apt-get install -y chromium`);
      process.exit(1);
    }
  }
  if (!existsSync(path)) {
    console.error(`Installed, but ${path} is still missing.`);
    process.exit(1);
  }
}
