// A case whose ciphertext does not open (tampered, or sealed to another key) shows a
// clear message in the staff console when opened, and the rest of the inbox keeps working.
import { test, expect } from '@playwright/test';
import * as v from 'valibot';
import { loadSodium } from '../helpers/sodiumNode';
import { powHeaders } from '../helpers/pow';
import { sealCase } from '../../src/lib/crypto/caseEnvelope';
import { generateCaseCode } from '../../src/lib/crypto/caseCode';
import { toBase64 } from '../../src/lib/crypto/sodium';
import { findTeam } from '../../src/lib/config/teams';
import { QuestionPayload } from '../../src/lib/schemas/questionPayload';
import { caseCard, openCaseFromInbox } from '../helpers/caseIds';

test('one broken case does not break the inbox', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const sodium = await loadSodium();
  const team = findTeam('centrum-oost')!;
  const request = (path: string, init?: RequestInit) => fetch(`${baseURL}${path}`, init);
  const readable = `LEESBAAR-${Date.now().toString(36)}`;
  const send = async (body: unknown) => {
    const res = await request('/api/cases', { method: 'POST', headers: { 'content-type': 'application/json', ...(await powHeaders(request, 'case')) }, body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const payload = v.parse(QuestionPayload, {
    type: 'question', neighbourhood: 'oost', question: readable, contact: { method: 'portal' }, consent: 'team', submittedAt: new Date().toISOString(), language: 'nl',
  });
  const readableId = await send(sealCase(sodium, { code: generateCaseCode(sodium), teamId: team.id, teamPublicKey: team.publicKey, teamKeyId: team.keyId, kind: 'question', consent: 'team', payloadJson: JSON.stringify(payload) }));
  // Well-formed for the API, but sealed to a key nobody in the team holds.
  const stranger = sodium.crypto_box_keypair();
  const brokenId = await send(sealCase(sodium, { code: generateCaseCode(sodium), teamId: team.id, teamPublicKey: toBase64(sodium, stranger.publicKey), teamKeyId: team.keyId, kind: 'question', consent: 'team', payloadJson: JSON.stringify(payload) }));

  await page.goto('/medewerker/');
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeEnabled();
  await page.locator('#username').fill('intake.centrum');
  await page.locator('#passphrase').fill('oefenen in achterom');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(caseCard(page, readableId)).toBeVisible({ timeout: 30_000 });
  await caseCard(page, brokenId).getByRole('button', { name: /^Open/ }).click();
  await expect(page.getByTestId('case-detail').getByTestId('case-unreadable')).toContainText('kan niet worden ontsleuteld', { timeout: 30_000 });
  await page.getByRole('link', { name: 'Terug naar de vragen' }).click();
  await openCaseFromInbox(page, readableId, readable);
});
