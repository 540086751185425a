// Where the browser tests find Chromium, and what to do when it is missing. Playwright
// cannot download its own browser on this network, so the tests use Debian's package.
// Pure: the caller passes the facts, so both branches are tested without a machine
// that lacks Chromium.

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get install -y chromium';

/** The path the tests will launch (CHROMIUM_PATH overrides, as in playwright.config.ts). */
export function chromiumPath(env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/**
 * use: it is there. install: missing, and this user may install Debian's package (root
 * with apt-get) and the path is the one the package provides. stop: missing and we
 * may not (or it would not help): say the one command to run.
 */
export function chromiumPlan({ path, exists, isRoot, hasApt }) {
  if (exists) return { action: 'use', path };
  if (isRoot && hasApt && path === DEFAULT_CHROMIUM) {
    return { action: 'install', path, steps: [['apt-get', ['update', '-qq']], ['apt-get', ['install', '-y', '-qq', 'chromium']]] };
  }
  const command = path === DEFAULT_CHROMIUM ? `sudo ${INSTALL_COMMAND}` : `sudo ${INSTALL_COMMAND}   (or set CHROMIUM_PATH to a Chromium that exists; ${path} does not)`;
  return { action: 'stop', path, message: `Chromium is missing, and the browser tests need it. Run once:\n  ${command}\nthen npm test again.` };
}
