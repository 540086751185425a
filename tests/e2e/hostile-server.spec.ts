// The server lies, seen in the browser: the test edits the e2e server's SQLite file
// directly (outside the API, as a database writer would) and checks what staff see.
// Each change is undone at the end, so the other specs find the demo data as it was.
import { test, expect } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { e2eDatabase } from '../helpers/e2eDatabase';
import { loadSodium, signIn as apiSignIn } from '../helpers/sodiumNode';
import { askQuestion } from '../helpers/resident';
import { signInPage } from '../helpers/consoleSignIn';
import { openCaseFromInbox } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { auditHash } from '../../src/lib/audit/auditRecord';
import { auditRecord, type AuditRow } from '../../functions/_app/audit';
import { findTeam, organisationKey, teams } from '../../src/lib/config/teams';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const request = (p: string, init?: RequestInit) => fetch(BASE + p, init);

/** The local D1 database file of the running e2e server. */

function tamper<T = unknown>(sql: string, ...params: (string | number | null)[]): T[] {
  const db = e2eDatabase();
  try {
    const statement = db.prepare(sql);
    return /^\s*select/i.test(sql) ? (statement.all(...params) as T[]) : (statement.run(...params), []);
  } finally {
    db.close();
  }
}

test('a swapped member key: the console refuses to assign, says why, and seals nothing', async ({ page }) => {
  const sodium = await loadSodium();
  const sentinel = `SLEUTELWISSEL-${Date.now().toString(36)}`;
  const asked = await askQuestion(request, sodium, { neighbourhood: 'weet-ik-niet', consent: 'team', text: sentinel });
  const attacker = sodium.crypto_box_keypair();
  const [original] = tamper<{ box_public_key: string }>("SELECT box_public_key FROM staff WHERE username = 'casemanager.centraal'");
  tamper("UPDATE staff SET box_public_key = ? WHERE username = 'casemanager.centraal'", toBase64(sodium, attacker.publicKey));
  try {
    await signInPage(page, 'intake.centraal');
    await openCaseFromInbox(page, asked.id, sentinel);
    await page.locator('#assign-member').selectOption('demo-casemanager-centraal');
    await page.getByRole('button', { name: 'Geef door' }).click();
    await expect(page.getByTestId('assign-error')).toContainText('De sleutel van deze medewerker is niet bevestigd door de teamleider');
    await expectNoAxeViolations(page, 'assign refused');
    expect(tamper("SELECT * FROM case_grants WHERE case_id = ?", asked.id)).toEqual([]);
  } finally {
    tamper("UPDATE staff SET box_public_key = ? WHERE username = 'casemanager.centraal'", original!.box_public_key);
  }
});

test('a rewritten audit row, chain recomputed: the privacy officer’s browser names the row', async ({ page }) => {
  // A signed staff action to forge: the Centraal team lead invites someone.
  const lead = await apiSignIn(request, 'teamlead.centraal');
  const invite = await request('/api/staff/members/invites', {
    method: 'POST',
    headers: { cookie: lead.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'intake', signed: lead.sign!({ action: 'member.invite', detail: 'role=intake' }) }),
  });
  expect(invite.status).toBe(201);
  type Row = Record<string, string | number | null>;
  const all = tamper<Row>('SELECT * FROM audit_log ORDER BY id');
  const target = [...all].reverse().find((r) => r['action'] === 'member.invite' && r['staff_id'] === lead.staff!.id)!;
  const intake = tamper<{ id: string }>("SELECT id FROM staff WHERE username = 'intake.centraal'")[0]!;
  // Blame the intake worker for the lead's invite, and recompute the chain from there.
  let prev = '';
  for (const r of all) {
    if ((r['id'] as number) < (target['id'] as number)) {
      prev = r['hash'] as string;
      continue;
    }
    const changed = r['id'] === target['id'];
    const record = { ...auditRecord(r as unknown as AuditRow), prevHash: prev, ...(changed ? { staffId: intake.id, role: 'intake' } : {}) };
    const hash = await auditHash(record);
    tamper('UPDATE audit_log SET staff_id = ?, role = ?, prev_hash = ?, hash = ? WHERE id = ?', record.staffId, record.role, prev, hash, record.id);
    prev = hash;
  }
  try {
    await signInPage(page, 'privacy');
    await page.getByTestId('nav-audit').click();
    const problem = page.getByTestId('audit-problem').filter({ hasText: `Regel ${target['id']}:` });
    await expect(problem).toContainText('de handtekening past niet bij de regel', { timeout: 30_000 });
    await expect(page.getByTestId('audit-chain')).toContainText('Het logboek klopt niet');
    await expectNoAxeViolations(page, 'audit with a forged row');
  } finally {
    for (const r of all) if ((r['id'] as number) >= (target['id'] as number)) {
      tamper('UPDATE audit_log SET staff_id = ?, role = ?, prev_hash = ?, hash = ? WHERE id = ?', r['staff_id'] as string | null, r['role'] as string, r['prev_hash'] as string, r['hash'] as string, r['id'] as number);
    }
  }
});

test('the keys page publishes every pinned signing key next to the team keys', async ({ page }) => {
  await page.goto('/sleutels/');
  for (const team of teams) {
    await expect(page.locator(`[data-team="${team.id}"]`)).toHaveText(team.fingerprint);
    await expect(page.locator(`[data-team-sign="${team.id}"]`)).toHaveText(findTeam(team.id)!.signFingerprint);
  }
  await expect(page.locator('[data-organisation]')).toHaveText(organisationKey!.fingerprint);
});

test('a team lead makes a new team key in the browser; only certified readers get it', async ({ page }) => {
  await signInPage(page, 'teamlead.nieuwland');
  await page.getByTestId('nav-members').click();
  const keys = page.getByTestId('team-keys');
  await expect(keys).toContainText(findTeam('nieuwland-groenoord')!.fingerprint);
  await expect(page.getByTestId('member-trust').first()).toHaveText('Bevestigd');
  await keys.getByRole('button', { name: 'Nieuwe teamsleutel maken' }).click();
  await keys.getByRole('button', { name: 'Ja, maak een nieuwe teamsleutel' }).click();
  await expect(page.getByTestId('team-key-made')).toContainText('Teamsleutel 2 is gemaakt');
  await expect(page.getByTestId('team-key-snippet')).toHaveValue(/"id": 2/);
  await expect(page.getByTestId('team-key-pending')).toContainText('Nog niet gepubliceerd');
  await expectNoAxeViolations(page, 'team keys after rotation');
  const holders = tamper<{ username: string }>(
    "SELECT s.username FROM team_key_grants g JOIN staff s ON s.id = g.staff_id WHERE g.team_id = 'nieuwland-groenoord' AND g.kind = 'box' AND g.key_id = 2 ORDER BY s.username",
  );
  expect(holders.map((h) => h.username)).toEqual(['intake.nieuwland', 'teamlead.nieuwland']);
  // The key fingerprints sit folded under one line; a reload wipes the keys and says so.
  await page.getByText('Sleutels controleren').click();
  await expect(page.getByTestId('team-fingerprint')).toHaveText(findTeam('nieuwland-groenoord')!.fingerprint);
  await page.reload();
  await expect(page.getByTestId('login-error')).toContainText('De pagina is opnieuw geladen');
});
