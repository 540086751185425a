// The audit log as an investigation tool: more than 1,000 rows (appended to the e2e
// server's database as properly chained server rows), paging to the very first row,
// filters on action, member and day, and a CSV export that is itself logged.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { e2eDatabase } from '../helpers/e2eDatabase';
import { signInPage } from '../helpers/consoleSignIn';
import { AUDIT_GENESIS, auditHash } from '../../src/lib/audit/auditRecord';

const EXTRA_ROWS = 1100;


/** Appends reads by the Centrum intake worker, chained exactly as the server chains them. */
async function appendServerRows(count: number) {
  const db = e2eDatabase();
  try {
    const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    let id = head?.id ?? 0;
    let prev = head?.hash ?? AUDIT_GENESIS;
    const insert = db.prepare(
      "INSERT INTO audit_log (id, v, day, staff_id, role, team_id, action, case_id, subject_id, detail, signature, prev_hash, hash) VALUES (?, 2, ?, 'demo-intake-centrum', 'intake', 'centrum-oost', 'case.read', ?, NULL, NULL, NULL, ?, ?)",
    );
    db.exec('BEGIN');
    for (let i = 0; i < count; i++) {
      id++;
      const row = { id, v: 2, day: '2026-10-01', staffId: 'demo-intake-centrum', role: 'intake', teamId: 'centrum-oost', action: 'case.read', caseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, subjectId: null, detail: null, signature: null, prevHash: prev };
      const hash = await auditHash(row);
      insert.run(id, row.day, row.caseId, prev, hash);
      prev = hash;
    }
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

test('the privacy officer pages past 1,000 rows, filters, and exports a logged CSV', async ({ page }) => {
  await appendServerRows(EXTRA_ROWS);
  await signInPage(page, 'privacy');
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-chain')).toContainText(/Keten klopt: \d+ regels/, { timeout: 30_000 });
  const found = page.getByTestId('audit-found');
  const total = Number(/^(\d+) regels/.exec((await found.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThanOrEqual(EXTRA_ROWS);
  await expect(page.getByTestId('audit-row')).toHaveCount(100);

  // The last page holds the very first row of the log.
  const pages = Math.ceil(total / 100);
  await expect(found).toContainText(`Pagina 1 van ${pages}`);
  for (let p = 1; p < pages; p++) await page.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(found).toContainText(`Pagina ${pages} van ${pages}`);
  await expect(page.locator('[data-testid="audit-row"][data-row-id="1"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Volgende pagina' })).toBeDisabled();
  await expectNoAxe();

  // Filters: one day of reads by one member.
  await page.locator('#audit-action').selectOption('case.read');
  await page.locator('#audit-member').selectOption('demo-intake-centrum');
  await page.locator('#audit-day').fill('2026-10-01');
  await expect(found).toContainText(`${EXTRA_ROWS} regels gevonden`);
  await page.locator('#audit-case').fill('00000000-0000-4000-8000-000000001099');
  await expect(found).toContainText('1 regels gevonden');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  await expectNoAxe();

  // Export: written to the log first, then downloaded.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download als CSV \(1 regels\)/ }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8').trimEnd().split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[0]).toContain('"handeling"');
  expect(csv[1]).toContain('"00000000-0000-4000-8000-000000001099"');
  expect(csv[1]).toContain('Vraag gelezen');
  const db = e2eDatabase();
  try {
    const logged = db.prepare("SELECT role, detail, signature FROM audit_log WHERE action = 'audit.export' ORDER BY id DESC LIMIT 1").get() as { role: string; detail: string; signature: string };
    expect(logged).toMatchObject({ role: 'privacy', detail: 'rows=1;filter=staffid,caseid,action,day' });
    expect(logged.signature).toBeTruthy();
  } finally {
    db.close();
  }

  async function expectNoAxe() {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
