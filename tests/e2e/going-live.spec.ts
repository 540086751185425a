// Issue 12's whole path for a municipality, as the README and docs/deploy.md tell it, on a
// scratch copy of the project with its own empty database and server: a config with one
// new team (not live yet) → npm run admin -- invite → activation → key ceremony in the
// browser → the fragment pinned in teamKeys.json and the team set live → build → a
// resident asks that team a question → its new team lead reads it; the privacy officer
// makes the organisation key the same way and finds the audit log intact.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { caseIdOf, openCaseFromInbox } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';

const root = process.cwd();
const PORT = 8796;
const BASE = `http://127.0.0.1:${PORT}`;
const SENTINEL = 'GOING-LIVE-SENTINEL huur Haven 8841';
const LEAD = { username: 'lead.haven', displayName: 'Hanna (teamleider Haven)', passphrase: 'rivier brug avondlicht zeilboot' };
const OFFICER = { username: 'fg.gemeente', displayName: 'Femke (functionaris gegevensbescherming)', passphrase: 'molen dijk ochtendmist fietsbel' };

/** npm run admin -- invite …, in the scratch project; returns the one-time link. */
function adminInvite(dir: string, args: string[]): string {
  const invite = spawnSync('npm', ['run', '--silent', 'admin', '--', 'invite', ...args, '--site', BASE], {
    cwd: dir,
    env: { ...process.env, ACHTEROM_STATE: path.join(dir, 'state') },
    encoding: 'utf8',
  });
  expect(invite.status, invite.stderr).toBe(0);
  const link = /http:\/\/127\.0\.0\.1:\d+\/medewerker\/activeren\/#[A-Za-z0-9_-]{43}/.exec(invite.stdout)?.[0];
  expect(link).toBeTruthy();
  return link!;
}

/** Opens the link, activates with these details and makes the keys; returns the fragment to pin. */
async function activateWithCeremony(page: Page, link: string, who: typeof LEAD, heading: string, button: string): Promise<string> {
  await page.goto(link);
  await page.locator('#new-username').fill(who.username);
  await page.locator('#display-name').fill(who.displayName);
  await page.locator('#activate-passphrase').fill(who.passphrase);
  await page.locator('#activate-passphrase-repeat').fill(who.passphrase);
  await page.getByRole('button', { name: 'Maak mijn sleutels en activeer' }).click();
  await expect(page.getByRole('heading', { name: heading })).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, `key ceremony: ${heading}`);
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('ceremony-done').getByRole('heading', { level: 2 })).toBeFocused({ timeout: 30_000 });
  await expectNoAxeViolations(page, `key ceremony done: ${heading}`);
  return (await page.getByTestId('ceremony-fragment').textContent())!;
}

async function signInAs(page: Page, who: typeof LEAD) {
  await page.goto('/medewerker/');
  await page.locator('#username').fill(who.username);
  await page.locator('#passphrase').fill(who.passphrase);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible({ timeout: 30_000 });
}

function scratchProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'achterom-live-'));
  for (const file of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'wrangler.toml']) cpSync(path.join(root, file), path.join(dir, file));
  // src and functions are copied: the pin is written into this copy's teamKeys.json.
  for (const folder of ['src', 'functions']) cpSync(path.join(root, folder), path.join(dir, folder), { recursive: true });
  for (const folder of ['public', 'node_modules']) symlinkSync(path.join(root, folder), path.join(dir, folder));
  const config = JSON.parse(readFileSync(path.join(root, 'achterom.config.json'), 'utf8'));
  config.teams.push({
    id: 'wot-haven',
    name: 'WOT Haven',
    live: false,
    neighbourhoods: [{ id: 'haven', name: 'Haven' }],
  });
  config.locations.push({ ...config.locations[0], team: 'wot-haven', id: 'haven-achterom', name: 'Wijkpunt Haven' });
  writeFileSync(path.join(dir, 'achterom.config.json'), JSON.stringify(config, null, 2));
  // A real municipality has no organisation key until its privacy officer makes one.
  const keysFile = path.join(dir, 'src/lib/config/teamKeys.json');
  writeFileSync(keysFile, JSON.stringify({ ...JSON.parse(readFileSync(keysFile, 'utf8')), organisation: null }, null, 2));
  return dir;
}

async function startServer(dir: string, args: string[]): Promise<ChildProcess> {
  const server = spawn(process.execPath, [path.join(dir, 'src/scripts/start.mjs'), ...args], {
    cwd: dir,
    env: { ...process.env, PORT: String(PORT), ACHTEROM_STATE: path.join(dir, 'state'), RATE_LIMIT_SCALE: '20' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let errors = '';
  server.stderr?.on('data', (d) => (errors += String(d)));
  for (let i = 0; i < 900; i++) {
    if (server.exitCode !== null) throw new Error(`server stopped: ${errors}`);
    const up = await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false);
    if (up) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${errors}`);
}

function stopServer(server: ChildProcess | undefined) {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

test('a municipality goes live: team lead and privacy officer invited, both key ceremonies, pin, build, a question read by the lead, the audit log intact', async ({ browser }) => {
  test.setTimeout(600_000);
  const dir = scratchProject();
  let server: ChildProcess | undefined;
  try {
    server = await startServer(dir, ['--fresh', '--no-demo']);

    // The municipality's IT team invites the first team lead from the command line; they
    // activate and make the team's keys in their browser.
    const leadContext = await browser.newContext({ baseURL: BASE });
    const page = await leadContext.newPage();
    const fragment = await activateWithCeremony(page, adminInvite(dir, ['--team', 'wot-haven', '--role', 'teamlead']), LEAD, 'Maak de sleutels van WOT Haven', 'Maak de teamsleutels');
    await expect(page.getByRole('heading', { name: 'De sleutels van WOT Haven zijn gemaakt' })).toBeFocused();
    // The privacy officer does the same for the organisation key.
    const officerContext = await browser.newContext({ baseURL: BASE });
    const officer = await officerContext.newPage();
    const organisation = await activateWithCeremony(officer, adminInvite(dir, ['--role', 'privacy']), OFFICER, 'Maak de organisatiesleutel', 'Maak de organisatiesleutel');
    const boxFingerprint = (await page.getByTestId('ceremony-box-fingerprint').textContent())!.trim();
    expect(boxFingerprint).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);

    // The administrator pins the fragment, sets the team live, and builds and starts again.
    stopServer(server);
    const keysFile = path.join(dir, 'src/lib/config/teamKeys.json');
    const keys = JSON.parse(readFileSync(keysFile, 'utf8'));
    Object.assign(keys.teams, JSON.parse(`{${fragment}}`));
    Object.assign(keys, JSON.parse(`{${organisation}}`));
    expect(keys.organisation.demo).toBe(false);
    expect(keys.teams['wot-haven'].boxKeys[0].fingerprint).toBe(boxFingerprint);
    writeFileSync(keysFile, JSON.stringify(keys, null, 2));
    const configFile = path.join(dir, 'achterom.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    config.teams.find((t: { id: string }) => t.id === 'wot-haven').live = true;
    writeFileSync(configFile, JSON.stringify(config, null, 2));
    server = await startServer(dir, ['--no-demo']);

    // A resident in Haven asks a question.
    const residentContext = await browser.newContext({ baseURL: BASE });
    const resident = await residentContext.newPage();
    await resident.goto('/vraag/');
    await expect(resident.getByRole('button', { name: 'Verstuur geheim' })).toBeEnabled();
    await resident.locator('#neighbourhood').selectOption('haven');
    await resident.locator('#question').fill(`Ik heb een huurachterstand. ${SENTINEL}`);
    await resident.getByRole('radio', { name: /team mag/ }).check();
    const caseId = await caseIdOf(resident, () => resident.getByRole('button', { name: 'Verstuur geheim' }).click());
    await expect(resident.getByTestId('case-code')).toBeVisible();

    // The new team lead signs in and reads it.
    await signInAs(page, LEAD);
    await openCaseFromInbox(page, caseId, SENTINEL);
    // The privacy officer signs in; the audit log, checked in their browser against the
    // keys pinned today, holds: the invites, the activations and both ceremonies.
    await signInAs(officer, OFFICER);
    await officer.getByTestId('nav-audit').click();
    await expect(officer.getByTestId('audit-chain')).toContainText(/Keten klopt: \d+ regels/, { timeout: 30_000 });
    await officerContext.close();
    await leadContext.close();
    await residentContext.close();
  } finally {
    stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
});
