// The resident's mailbox (/mijn-vraag/) end to end: ask, open with the code, read a team
// reply, send a follow-up (with a sequence race), see who looked, delete, and check that
// the code then answers exactly like a wrong code. Hush Line's rule again: every request
// body is captured and neither the typed text nor the code ever leaves the browser.
import { actionDetail } from '../../src/lib/audit/auditRecord';
import { test, expect, type Page } from '@playwright/test';
import { E2E_PORT } from '../../playwright.config';
import { signIn, loadSodium } from '../helpers/sodiumNode';
import { openCaseKey, openCasePayload } from '../../src/lib/crypto/caseEnvelope';
import { sealMessage } from '../../src/lib/crypto/caseMessages';
import { caseIdOf } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';
import { capture } from '../helpers/requests';
import { focusedId } from '../helpers/residentPages';

const BASE = `http://127.0.0.1:${E2E_PORT}`;
const stamp = Date.now().toString(36);
const SENTINEL = `SENTINEL-${stamp}-huurachterstand`;
const FOLLOW_UP = `FOLLOWUP-${stamp}-dinsdag-past`;
const REPLY = `Dank voor uw vraag. We bellen u deze week. ${stamp}`;
const NOT_FOUND = 'We vinden geen vraag bij deze code. Controleer de code. Is uw vraag verwijderd? Dan kunt u een nieuwe vraag stellen.';

async function expectNoHorizontalScroll(page: Page, label: string) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal scroll at 320px on ${label}`).toBe(0);
  if (size) await page.setViewportSize(size);
}

/** Staff side through the API (the console is tested elsewhere): sign in, open the case, act on it. */
async function asIntake(caseId: string) {
  const sodium = await loadSodium();
  const request = (path: string, init?: RequestInit) => fetch(BASE + path, init);
  const staff = await signIn(request, 'intake.centrum');
  expect(staff.teamKeys, 'intake.centrum holds the team key').toBeTruthy();
  const headers = { 'content-type': 'application/json', cookie: staff.cookie };
  const opened = (await (await request(`/api/staff/cases/${caseId}`, { headers })).json()) as {
    case: { id: string; teamId: string; kind: 'question'; consent: 'handler' | 'team'; protocol: number; keyId: number | null; nonce: string; ciphertext: string; sealedKey: string };
  };
  const c = opened.case;
  const key = openCaseKey(sodium, c.sealedKey, staff.teamKeys!);
  if (!key.ok) throw new Error('the team key does not open the case');
  // (The schema module imports the team config JSON, which Playwright's loader cannot; the sentinel is enough.)
  const payload = openCasePayload(sodium, c, key.value);
  if (!payload.ok || !JSON.stringify(payload.value).includes(SENTINEL)) throw new Error('not the resident’s question');
  const caseKey = key.value;
  return {
    read: () => request(`/api/staff/cases/${caseId}`, { headers }),
    setStatus: (status: string) =>
      request(`/api/staff/cases/${caseId}/status`, { method: 'POST', headers, body: JSON.stringify({ status, signed: staff.sign!({ action: 'case.status', caseId, detail: `status=${status}` }) }) }),
    reply: async (seq: number, text: string, key: Uint8Array = caseKey) => {
      const sealed = sealMessage(sodium, key, { caseId, direction: 'staff', seq }, JSON.stringify({ text, sentAt: new Date().toISOString() }));
      const signed = staff.sign!({ action: 'case.reply', caseId, detail: await actionDetail.reply(seq, sealed.nonce, sealed.ciphertext) });
      return request(`/api/staff/cases/${caseId}/messages`, { method: 'POST', headers, body: JSON.stringify({ seq, ...sealed, signed }) });
    },
    /** A well-formed message under a key that is not the case key: the resident's page cannot open it. */
    replyUnreadable: async (seq: number) => {
      const wrongKey = sodium.crypto_aead_xchacha20poly1305_ietf_keygen();
      const sealed = sealMessage(sodium, wrongKey, { caseId, direction: 'staff', seq }, JSON.stringify({ text: 'x', sentAt: new Date().toISOString() }));
      const signed = staff.sign!({ action: 'case.reply', caseId, detail: await actionDetail.reply(seq, sealed.nonce, sealed.ciphertext) });
      return request(`/api/staff/cases/${caseId}/messages`, { method: 'POST', headers, body: JSON.stringify({ seq, ...sealed, signed }) });
    },
  };
}

async function openWithCode(page: Page, code: string) {
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: 'Open mijn vraag' }).click();
}

test('a resident opens the question with the code, reads the answer, follows up and deletes it', async ({ browser }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  const requests = capture(context);
  // Every lookup carries a spent-once proof of work for the purpose 'lookup' (a brake on guessing codes).
  const lookupProofs: string[] = [];
  context.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/mailbox/open') lookupProofs.push(req.headers()['x-achterom-pow'] ?? '');
  });
  const page = await context.newPage();

  // Ask a question.
  await page.goto('/vraag/');
  const submit = page.getByRole('button', { name: 'Verstuur geheim' });
  await expect(submit).toBeEnabled();
  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(`Ik heb een huurachterstand en schaam me. ${SENTINEL}`);
  await page.getByRole('radio', { name: /team mag/ }).check();
  const caseId = await caseIdOf(page, () => submit.click());
  const codeText = (await page.getByTestId('case-code').textContent({ timeout: 30_000 }))!.trim();
  const code = codeText.replace(/ /g, '');
  expect(code).toMatch(/^\d{16}$/);

  // The confirmation tells where to come back; the home page links there too.
  const scriptUrls: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scriptUrls.push(req.url());
  });
  await page.getByRole('link', { name: 'Mijn vraag' }).click();
  await expect(page).toHaveURL(/\/mijn-vraag\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn vraag' })).toBeVisible();
  const codeField = page.getByLabel('Uw code');
  await expect(codeField).toBeEnabled();
  await expect(codeField).toHaveAttribute('inputmode', 'numeric');
  await expect(codeField).toHaveAttribute('autocomplete', 'off');
  await expect(codeField).toHaveAttribute('spellcheck', 'false');
  await expect(page).toHaveTitle('Mijn vraag – Achterom');
  // libsodium is not loaded until the resident opens the mailbox.
  await page.waitForLoadState('networkidle');
  expect(scriptUrls.length).toBeGreaterThan(0);
  expect(scriptUrls.filter((u) => /sodium/i.test(u))).toEqual([]);
  await expectNoAxeViolations(page, 'mailbox, empty');
  await expectNoHorizontalScroll(page, 'mailbox, empty');

  // Nothing typed: an error summary that takes focus, and "Fout: " in the title.
  const open = page.getByRole('button', { name: 'Open mijn vraag' });
  await open.click();
  await expect(page.getByRole('heading', { name: 'Er is iets niet goed ingevuld' })).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('mailbox-error-summary');
  await expect(page).toHaveTitle('Fout: Mijn vraag – Achterom');
  await expect(codeField).toHaveAttribute('aria-invalid', 'true');
  await expect(codeField).toHaveAttribute('aria-describedby', 'code-hint code-error');
  await expectNoAxeViolations(page, 'mailbox, empty code');

  // Too few digits.
  await openWithCode(page, '1234 5678');
  await expect(page.locator('#code-error')).toContainText('Een code heeft 16 cijfers. Controleer de code.');
  await expectNoAxeViolations(page, 'mailbox, bad format');

  // A well-formed but wrong code: the neutral message, focused, with a way to ask again.
  const wrongCode = code === '1234123412341234' ? '4321432143214321' : '1234123412341234';
  await openWithCode(page, wrongCode);
  const notFound = page.getByTestId('mailbox-not-found');
  await expect(notFound).toBeVisible({ timeout: 30_000 });
  await expect(notFound.locator('.achterom-alert__text')).toHaveText(NOT_FOUND);
  await expect(notFound.getByRole('link', { name: 'Stel een nieuwe vraag' })).toHaveAttribute('href', '/vraag/');
  await expect.poll(() => focusedId(page)).toBe('mailbox-open-error');
  await expect(page).toHaveTitle('Fout: Mijn vraag – Achterom');
  await expect(codeField).toHaveValue(wrongCode);
  await expectNoAxeViolations(page, 'mailbox, not found');
  await expectNoHorizontalScroll(page, 'mailbox, not found');

  // The right code, typed with spaces as written down.
  await openWithCode(page, codeText);
  const mailbox = page.getByTestId('mailbox');
  await expect(mailbox).toBeVisible({ timeout: 30_000 });
  expect(scriptUrls.filter((u) => /sodium/i.test(u)).length).toBeGreaterThan(0);
  await expect(page.getByTestId('mailbox-question')).toContainText(SENTINEL);
  await expect(page.getByTestId('mailbox-status')).toHaveText('Nieuw');
  await expect(page.getByTestId('mailbox-no-messages')).toBeVisible();
  await expect(page.getByTestId('mailbox-access-empty')).toHaveText('Nog niemand heeft uw vraag geopend.');
  await expect(mailbox).toContainText('Het team mag mijn vraag bespreken als dat nodig is');
  await expect(mailbox).toContainText('Alleen via deze website, met mijn code');
  await expect.poll(() => focusedId(page)).toBe('mailbox-state-heading');
  await expect(page).toHaveTitle('Uw vraag en de antwoorden – Achterom');
  const headings = await page.locator('main h2').allTextContents();
  expect(headings).toEqual([
    'Status van uw vraag',
    'Uw vraag',
    'Berichten',
    'Nog iets vragen of vertellen?',
    'Wie heeft uw vraag bekeken?',
    'Klaar met lezen?',
    'Uw vraag verwijderen',
  ]);
  await expectNoAxeViolations(page, 'mailbox, opened without answers');
  await expectNoHorizontalScroll(page, 'mailbox, opened without answers');

  // The team reads it, takes it on, answers, and one message is not readable with the case key.
  const intake = await asIntake(caseId);
  expect((await intake.read()).status).toBe(200);
  expect((await intake.setStatus('in_behandeling')).status).toBe(200);
  expect((await intake.reply(1, REPLY)).status).toBe(201);
  expect((await intake.replyUnreadable(2)).status).toBe(201);

  // Close clears the screen; opening again shows the answer.
  await page.getByRole('button', { name: 'Sluiten' }).click();
  const closed = page.getByTestId('mailbox-closed');
  await expect(closed).toBeVisible();
  await expect(mailbox).toHaveCount(0);
  await expect(page.getByText(SENTINEL)).toHaveCount(0);
  await expect(codeField).toHaveValue('');
  await expect.poll(() => focusedId(page)).toBe('mailbox-closed');
  await expectNoAxeViolations(page, 'mailbox, closed');

  await openWithCode(page, code);
  await expect(mailbox).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('mailbox-status')).toHaveText('In behandeling');
  const messages = page.getByTestId('mailbox-message');
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(0).getByRole('heading')).toHaveText('Het WOT');
  await expect(messages.nth(0)).toContainText(REPLY);
  await expect(messages.nth(1)).toContainText('Dit bericht kan niet worden geopend');
  const access = page.getByTestId('mailbox-access');
  await expect(access).toContainText('Intakemedewerker heeft uw vraag gelezen');
  await expect(access).toContainText('Intakemedewerker heeft geantwoord');
  await expect(access).toContainText('Intakemedewerker heeft de status veranderd');
  await expect(mailbox).not.toContainText('Ilse');
  await expectNoAxeViolations(page, 'mailbox, opened with answers');
  await expectNoHorizontalScroll(page, 'mailbox, opened with answers');

  // An empty follow-up is refused with an error summary.
  const send = page.getByRole('button', { name: 'Verstuur geheim' });
  await send.click();
  await expect.poll(() => focusedId(page)).toBe('followup-error-summary');
  await expect(page.locator('#followup-error')).toContainText('Schrijf uw bericht.');
  await expect(page).toHaveTitle('Fout: Uw vraag en de antwoorden – Achterom');
  await expectNoAxeViolations(page, 'mailbox, empty follow-up');

  // The team writes seq 3 while the page still expects to write 3: the page re-opens and retries with 4.
  expect((await intake.reply(3, 'Past dinsdag om 10 uur?')).status).toBe(201);
  await page.getByLabel('Nog iets vragen of vertellen?').fill(FOLLOW_UP);
  await send.click();
  await expect(page.getByTestId('followup-sent')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => focusedId(page)).toBe('followup-sent');
  await expect(page.locator('#followup')).toHaveValue('');
  await expect(messages).toHaveCount(4);
  await expect(messages.nth(2)).toContainText('Past dinsdag om 10 uur?');
  await expect(messages.nth(3).getByRole('heading')).toHaveText('U');
  await expect(messages.nth(3)).toContainText(FOLLOW_UP);
  const followUpPosts = requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/mailbox/messages');
  expect(followUpPosts.map((r) => (JSON.parse(r.body) as { seq: number }).seq)).toEqual([3, 4]);
  await expect(page).toHaveTitle('Uw vraag en de antwoorden – Achterom');
  await expectNoAxeViolations(page, 'mailbox, follow-up sent');

  // Delete: an inline confirmation; "No" goes back to the button.
  await page.getByRole('button', { name: 'Verwijder mijn vraag' }).click();
  const confirm = page.getByTestId('delete-confirm');
  await expect(confirm).toContainText('voorgoed verwijderd');
  await expect.poll(() => focusedId(page)).toBe('delete-confirm-heading');
  await expectNoAxeViolations(page, 'mailbox, delete confirmation');
  await expectNoHorizontalScroll(page, 'mailbox, delete confirmation');
  await page.getByRole('button', { name: 'Nee, terug' }).click();
  await expect(confirm).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe('delete-button');
  await page.getByRole('button', { name: 'Verwijder mijn vraag' }).click();
  await page.getByRole('button', { name: 'Ja, verwijder alles' }).click();
  const deleted = page.getByTestId('mailbox-deleted');
  await expect(deleted).toBeVisible({ timeout: 30_000 });
  await expect(deleted.getByRole('heading')).toHaveText('Uw vraag is verwijderd');
  await expect.poll(() => focusedId(page)).toBe('mailbox-deleted-heading');
  await expect(page).toHaveTitle('Uw vraag is verwijderd – Achterom');
  await expect(page.getByText(SENTINEL)).toHaveCount(0);
  await expect(page.getByText(FOLLOW_UP)).toHaveCount(0);
  await expectNoAxeViolations(page, 'mailbox, deleted');

  // The deleted code now answers exactly as a wrong code does.
  await page.goto('/mijn-vraag/');
  await expect(codeField).toBeEnabled();
  await openWithCode(page, codeText);
  await expect(notFound).toBeVisible({ timeout: 30_000 });
  await expect(notFound.locator('.achterom-alert__text')).toHaveText(NOT_FOUND);

  // Nothing readable left the browser, only to our own origin, and nothing was stored.
  for (const r of requests) {
    expect(new URL(r.url).host, r.url).toBe(`127.0.0.1:${E2E_PORT}`);
    for (const secret of [SENTINEL, FOLLOW_UP, code, codeText, wrongCode]) expect(r.body, r.url).not.toContain(secret);
  }
  const mailboxPosts = requests.filter((r) => r.method === 'POST' && r.url.includes('/api/mailbox/'));
  expect(mailboxPosts.length).toBeGreaterThanOrEqual(7);
  // wrong code, right code, after close, the re-open on 409, after delete
  expect(lookupProofs).toHaveLength(5);
  for (const header of lookupProofs) {
    const proof = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as {
      challenge: { parameters: { data?: { purpose?: string } } };
      solution: { counter: number };
    };
    expect(proof.challenge.parameters.data?.purpose).toBe('lookup');
    expect(typeof proof.solution.counter).toBe('number');
  }
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  await context.close();
});

test('the home page links to the mailbox, and the English page gives the same neutral answer for a wrong code', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Lees het antwoord' }).click();
  await expect(page).toHaveURL(/\/mijn-vraag\/$/);

  await page.goto('/en/mijn-vraag/');
  await expect(page).toHaveTitle('My question – Achterom');
  const codeField = page.getByLabel('Your code');
  await expect(codeField).toBeEnabled();
  await expectNoAxeViolations(page, 'mailbox (en), empty');
  await codeField.fill('0000 1111 2222 3333');
  await page.getByRole('button', { name: 'Open my question' }).click();
  const notFound = page.getByTestId('mailbox-not-found');
  await expect(notFound).toBeVisible({ timeout: 30_000 });
  await expect(notFound.locator('.achterom-alert__text')).toHaveText(
    'We cannot find a question with this code. Check the code. Was your question deleted? Then you can ask a new question.',
  );
  await expect(notFound.getByRole('link', { name: 'Ask a new question' })).toHaveAttribute('href', '/en/vraag/');
  await expect(page).toHaveTitle('Error: My question – Achterom');
  await expectNoAxeViolations(page, 'mailbox (en), not found');
});
