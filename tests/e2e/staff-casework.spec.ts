// Staff casework end to end, with need to know enforced: a resident asks with consent
// "only the handler"; intake gives the case to one case manager; a second share is
// refused; the case manager replies and writes an internal note; another case manager
// sees nothing and gets a 403; the team lead invites and approves a new member; the
// privacy officer sees an intact audit chain; the resident reads the reply with the
// code, sees access by role, deletes, and the code finds nothing. Hush Line's rule throughout: no sentinel
// in any request body of any browser context, and none in the database files.
import { caseCard, caseIdOf, openCaseFromInbox } from '../helpers/caseIds';
import { test, expect } from '@playwright/test';
import path from 'node:path';
import { E2E_STATE } from '../../playwright.config';
import { expectNoAxeViolations } from '../helpers/axe';
import { recordingContexts } from '../helpers/requests';
import { expectNotInDatabaseFiles } from '../helpers/e2eDatabase';
import { loadSodium } from '../helpers/sodiumNode';
import { sendFollowUp } from '../helpers/resident';
import { deriveCaseKeys } from '../../src/lib/crypto/deriveCaseKeys';
import { toBase64 } from '../../src/lib/crypto/sodium';

/** Where the server under test keeps its data (override only to run against another server). */
const STATE = path.resolve(process.env['STAFF_E2E_STATE'] ?? E2E_STATE);
const PASSPHRASE = 'oefenen in achterom';
const run = Date.now().toString(36);
const QUESTION_SENTINEL = `VRAAG-SENTINEL-${run}-huurachterstand`;
const REPLY_SENTINEL = `ANTWOORD-SENTINEL-${run}-schuldhulp`;
const NOTE_SENTINEL = `NOTITIE-SENTINEL-${run}-intern`;
const FOLLOW_UP_SENTINEL = `AANVULLING-SENTINEL-${run}-inwoner`;
const SENTINELS = [QUESTION_SENTINEL, REPLY_SENTINEL, NOTE_SENTINEL, FOLLOW_UP_SENTINEL];
const NEW_MEMBER = { username: `nina.${run}`, displayName: 'Nina (casemanager, Centrum/Oost)', passphrase: 'paarse giraf fietst langs zeven molens' };

const { captured, newContext, signIn } = recordingContexts();

test('need to know: assign once, reply, note, refuse others, invite, approve, audit', async ({ browser, baseURL }) => {
  test.setTimeout(360_000);

  // 1. A resident asks, allowing only the handler to read the question.
  const resident = await newContext(browser, 'resident');
  const residentPage = await resident.newPage();
  await residentPage.goto('/vraag/');
  await residentPage.locator('#neighbourhood').selectOption('oost');
  await residentPage.locator('#question').fill(`Ik heb een vraag over geld. ${QUESTION_SENTINEL}`);
  await residentPage.getByRole('radio', { name: /Alleen via deze website/ }).check();
  await residentPage.getByRole('radio', { name: /Alleen de medewerker/ }).check();
  const send = residentPage.getByRole('button', { name: 'Verstuur geheim' });
  await expect(send).toBeEnabled();
  const caseId = await caseIdOf(residentPage, () => send.click());
  await expect(residentPage.getByTestId('case-code')).toBeVisible({ timeout: 30_000 });
  const code = (await residentPage.getByTestId('case-code').textContent())!.replace(/\D/g, '');
  await resident.close();

  // 2. The team lead sees the line, but may not open it: only intake and the handler read it.
  const lead = await signIn(browser, 'teamlead.centrum');
  const leadCard = caseCard(lead, caseId);
  await expect(leadCard.getByTestId('case-handler-only')).toContainText('alleen de medewerker die de vraag behandelt', { timeout: 30_000 });
  await expect(leadCard.getByRole('button', { name: /^Open/ })).toHaveCount(0);
  await expect(leadCard.getByTestId('case-new')).toHaveCount(0);
  await expect(lead.getByText(QUESTION_SENTINEL)).toHaveCount(0);
  await expectNoAxeViolations(lead, 'inbox (team lead, handler only)');

  // 3. Intake opens it in one tab (for the race in step 4), sees the consent before the
  // choice, and gives it to Cor in another.
  const intakeEarlier = await signIn(browser, 'intake.centrum');
  await openCaseFromInbox(intakeEarlier, caseId, QUESTION_SENTINEL);
  const intake = await signIn(browser, 'intake.centrum');
  const inboxCard = caseCard(intake, caseId);
  await expect(inboxCard).toBeVisible({ timeout: 30_000 });
  await expect(inboxCard.getByTestId('consent-badge')).toHaveText('Alleen behandelaar');
  await expect(inboxCard).not.toContainText(QUESTION_SENTINEL);
  await expectNoAxeViolations(intake, 'inbox');
  await openCaseFromInbox(intake, caseId, QUESTION_SENTINEL);
  await expect(intake.getByTestId('assign-current')).toHaveText('Deze vraag is nog aan niemand gegeven.');
  await expect(intake.getByTestId('assign-consent')).toHaveText(
    'De inwoner wil dat alleen de behandelaar de vraag leest: u kunt de vraag aan één collega geven.',
  );
  await expectNoAxeViolations(intake, 'case detail (intake)');
  const members = intake.locator('#assign-member');
  await expect(members.locator('option', { hasText: 'Ilse' })).toHaveCount(0); // not yourself
  await members.selectOption({ label: 'Cor (casemanager, Centrum/Oost) (Casemanager)' });
  await intake.getByRole('button', { name: 'Geef door' }).click();
  await expect(intake.getByTestId('assign-done')).toHaveText('De vraag is gegeven aan Cor (casemanager, Centrum/Oost).');
  await expect(intake.getByTestId('assign-done')).toBeFocused();
  await expect(intake.getByTestId('assign-current')).toContainText('Cor (casemanager, Centrum/Oost)');
  await expect(intake.getByTestId('assign-full')).toBeVisible();
  await intake.getByRole('link', { name: 'Terug naar de vragen' }).click();
  await expect(inboxCard.getByTestId('case-assigned')).toHaveText('Cor (casemanager, Centrum/Oost)');
  await expect(intake.locator(`#open-${caseId}`)).toBeFocused();

  // 4. The other tab, still on the old page, tries to share with a second colleague: refused.
  await intakeEarlier.locator('#assign-member').selectOption({ label: 'Rachid (casemanager, Centrum/Oost) (Casemanager)' });
  await intakeEarlier.getByRole('button', { name: 'Geef door' }).click();
  await expect(intakeEarlier.getByTestId('assign-error')).toHaveText(
    'Niet doorgegeven. De inwoner wil dat alleen de behandelaar de vraag leest, en de vraag is al aan een collega gegeven.',
  );
  await expect(intakeEarlier.getByTestId('assign-full')).toBeVisible();
  await expect(intakeEarlier.getByTestId('assign-current')).toContainText('Cor (casemanager, Centrum/Oost)');

  // The resident adds something (sealed in Node with the same library code as the mailbox page).
  const sodium = await loadSodium();
  const keys = deriveCaseKeys(sodium, code);
  const followUp = await sendFollowUp(
    (p, init) => fetch(new URL(p, baseURL), init),
    sodium,
    { id: caseId, code, mailboxId: toBase64(sodium, keys.mailboxId), caseKey: keys.caseKey, teamId: 'centrum-oost' },
    1,
    `Ik kan alleen overdag. ${FOLLOW_UP_SENTINEL}`,
  );
  expect(followUp.status).toBe(201);

  // 5. Cor signs in, opens it, reads the follow-up, replies and writes an internal note.
  const cor = await signIn(browser, 'casemanager.centrum');
  await expect(cor.getByRole('heading', { name: 'Vragen die aan u zijn toegewezen' })).toBeVisible();
  // New to Cor, with the resident's follow-up unread; the tab title counts it.
  await expect(caseCard(cor, caseId).getByTestId('case-new')).toHaveText('Nieuw voor u', { timeout: 30_000 });
  await expect(caseCard(cor, caseId).getByTestId('case-unread')).toHaveText('1 nieuw bericht');
  await expect(cor).toHaveTitle(/^\(\d+\) /);
  const waiting = Number((await cor.title()).match(/^\((\d+)\)/)![1]);
  await openCaseFromInbox(cor, caseId, QUESTION_SENTINEL);
  await expect(cor.getByTestId('assign')).toHaveCount(0);
  await expect(cor.getByTestId('message').first()).toContainText(`Inwoner`);
  await expect(cor.getByTestId('message').first()).toContainText(FOLLOW_UP_SENTINEL);
  await expect(cor.getByRole('button', { name: 'Vraag verwijderen' })).toHaveCount(0);
  await cor.locator('#reply').fill(`Goed dat u het vraagt. ${REPLY_SENTINEL}`);
  await cor.getByRole('button', { name: 'Versleutel en verstuur antwoord' }).click();
  await expect(cor.getByTestId('reply-sent')).toHaveText('Uw antwoord is versleuteld en verstuurd.');
  const reply = cor.getByTestId('message').filter({ hasText: REPLY_SENTINEL });
  await expect(reply).toContainText('Cor (casemanager, Centrum/Oost) (WOT)');
  await expect(cor.getByRole('heading', { name: 'Interne notities — de inwoner ziet deze nooit' })).toBeVisible();
  await cor.locator('#note').fill(`Bellen na het weekend. ${NOTE_SENTINEL}`);
  await cor.getByRole('button', { name: 'Versleutel en bewaar notitie' }).click();
  await expect(cor.getByTestId('note-sent')).toHaveText('Uw notitie is versleuteld en bewaard.');
  await cor.locator('#case-status-select').selectOption('in_behandeling');
  await cor.getByRole('button', { name: 'Status opslaan' }).click();
  await expect(cor.getByTestId('status-saved')).toHaveText('De status is opgeslagen: In behandeling.');
  await expectNoAxeViolations(cor, 'case detail (case manager)');
  // Reopen: everything comes back from the server and is decrypted again.
  await cor.getByRole('link', { name: 'Terug naar de vragen' }).click();
  await expect(caseCard(cor, caseId).getByTestId('case-new')).toHaveCount(0);
  await expect(caseCard(cor, caseId).getByTestId('case-unread')).toHaveCount(0);
  await expect(cor).toHaveTitle(waiting > 1 ? new RegExp(`^\\(${waiting - 1}\\) `) : /^[^(]/);
  await openCaseFromInbox(cor, caseId, QUESTION_SENTINEL);
  await expect(cor.getByTestId('message')).toHaveCount(2);
  await expect(cor.getByTestId('message').nth(1)).toContainText(REPLY_SENTINEL);
  await expect(cor.getByTestId('message').nth(1)).toContainText('Cor (casemanager, Centrum/Oost) (WOT)');
  await expect(cor.getByTestId('note').filter({ hasText: NOTE_SENTINEL })).toContainText('Cor (casemanager, Centrum/Oost)');
  await expect(cor.getByTestId('case-status')).toHaveText('In behandeling');

  // 6. Rachid (another case manager) sees nothing, and the API refuses him the case.
  const rachid = await signIn(browser, 'casemanager2.centrum');
  await expect(rachid.getByText('Er zijn geen vragen.')).toBeVisible({ timeout: 30_000 });
  await expect(rachid.getByText(QUESTION_SENTINEL)).toHaveCount(0);
  const status = await rachid.evaluate(
    async (id) => (await fetch(`/api/staff/cases/${id}`, { credentials: 'same-origin' })).status,
    caseId,
  );
  expect(status).toBe(403);
  await rachid.context().close();

  // 7. The team lead invites a case manager; the invite is activated in a fresh browser.
  await lead.getByTestId('nav-members').click();
  await expect(lead.getByTestId('members-table')).toBeVisible();
  await expectNoAxeViolations(lead, 'members');
  await lead.locator('#invite-role').selectOption('casemanager');
  await lead.getByRole('button', { name: 'Maak uitnodiging' }).click();
  const link = await lead.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/medewerker\/activeren\/#[A-Za-z0-9_-]{43}$/);
  await expect(lead.getByTestId('invite-link')).toBeFocused();

  const newcomer = await newContext(browser, 'newcomer');
  const activation = await newcomer.newPage();
  await activation.goto(link);
  const activate = activation.getByRole('button', { name: 'Maak mijn sleutels en activeer' });
  await expect(activate).toBeEnabled();
  expect(new URL(activation.url()).hash).toBe(''); // the token left the address bar
  await expectNoAxeViolations(activation, 'activation');
  // A weak passphrase is refused with Dutch feedback.
  await activation.locator('#new-username').fill(NEW_MEMBER.username);
  await activation.locator('#display-name').fill(NEW_MEMBER.displayName);
  await activation.locator('#activate-passphrase').fill('wachtwoord123');
  await activation.locator('#activate-passphrase-repeat').fill('wachtwoord123');
  await activate.click();
  await expect(activation.getByRole('heading', { name: 'Er is iets niet goed ingevuld' })).toBeVisible();
  await expect(activation.locator('#activate-passphrase-error')).toContainText('te makkelijk te raden');
  await expectNoAxeViolations(activation, 'activation with errors');
  await activation.locator('#activate-passphrase').fill(NEW_MEMBER.passphrase);
  await activation.locator('#activate-passphrase-repeat').fill(NEW_MEMBER.passphrase);
  await expect(activation.getByTestId('passphrase-strength')).toContainText('sterk genoeg');
  await activate.click();
  await expect(activation.getByTestId('activate-done')).toBeVisible({ timeout: 30_000 });
  await expect(activation.getByText('Uw teamleider moet uw account eerst goedkeuren.')).toBeVisible();
  const fingerprint = (await activation.getByTestId('activate-fingerprint').textContent())!.trim();
  await expectNoAxeViolations(activation, 'activation done');
  // The same link works only once.
  const again = await newcomer.newPage();
  await again.goto(link);
  await again.locator('#new-username').fill(`${NEW_MEMBER.username}.twee`);
  await again.locator('#display-name').fill('Nog een keer');
  await again.locator('#activate-passphrase').fill(NEW_MEMBER.passphrase);
  await again.locator('#activate-passphrase-repeat').fill(NEW_MEMBER.passphrase);
  await again.getByRole('button', { name: 'Maak mijn sleutels en activeer' }).click();
  await expect(again.getByTestId('activate-error')).toHaveText('Deze uitnodiging is verlopen of al gebruikt. Vraag uw teamleider om een nieuwe link.', {
    timeout: 30_000,
  });
  await newcomer.close();

  // 8. The lead compares the fingerprint and approves; the new member can sign in.
  await lead.getByRole('button', { name: 'Vernieuwen' }).click();
  const row = lead.locator(`[data-testid="member-row"][data-username="${NEW_MEMBER.username}"]`);
  await expect(row.getByTestId('member-status')).toHaveText('Wacht op goedkeuring');
  await expect(row).toContainText(fingerprint);
  await row.getByRole('button', { name: /^Goedkeuren/ }).click();
  await expect(lead.getByTestId('members-message')).toHaveText(`${NEW_MEMBER.displayName} is goedgekeurd en kan nu inloggen.`);
  await expect(row.getByTestId('member-status')).toHaveText('Actief');
  const nina = await signIn(browser, NEW_MEMBER.username, NEW_MEMBER.passphrase);
  await expect(nina.getByTestId('staff-name')).toHaveText(NEW_MEMBER.displayName);
  await expect(nina.getByText('Er zijn geen vragen.')).toBeVisible({ timeout: 30_000 });
  await nina.context().close();

  // 9. The privacy officer sees only the audit log, and the chain holds.
  const privacy = await signIn(browser, 'privacy');
  await expect(privacy.getByTestId('audit-chain')).toContainText(/Keten klopt: \d+ regels/, { timeout: 30_000 });
  await expect(privacy.getByTestId('nav-inbox')).toHaveCount(0);
  await expect(privacy.getByTestId('audit-row').filter({ hasText: caseId }).filter({ hasText: 'Vraag doorgegeven' })).toHaveCount(1);
  await expectNoAxeViolations(privacy, 'audit');
  await privacy.context().close();

  for (const page of [lead, intake, cor]) await page.context().close();
  // 10. The resident comes back with the code: reads the reply, sees who looked (by
  // role, never by name), deletes everything; the code then finds nothing.
  const back = await newContext(browser, 'resident-back');
  const mailbox = await back.newPage();
  await mailbox.goto('/mijn-vraag/');
  await expect(mailbox.getByRole('button', { name: 'Open mijn vraag' })).toBeEnabled();
  await mailbox.locator('#code').fill(code);
  await mailbox.getByRole('button', { name: 'Open mijn vraag' }).click();
  await expect(mailbox.getByTestId('mailbox-question')).toContainText(QUESTION_SENTINEL, { timeout: 30_000 });
  await expect(mailbox.getByTestId('mailbox-message').filter({ hasText: REPLY_SENTINEL })).toBeVisible();
  // Colleagues see who answered; the resident sees the team, never a name.
  await expect(mailbox.getByTestId('mailbox-message').filter({ hasText: REPLY_SENTINEL })).toContainText('Het WOT');
  await expect(mailbox.getByTestId('mailbox-message').filter({ hasText: REPLY_SENTINEL })).not.toContainText('Cor');
  await expect(mailbox.getByTestId('mailbox-messages')).not.toContainText(NOTE_SENTINEL);
  const access = mailbox.getByTestId('mailbox-access');
  await expect(access).toContainText('Intakemedewerker');
  await expect(access).toContainText('Casemanager');
  await expect(access).not.toContainText('Cor');
  await expect(access).not.toContainText('Ilse');
  await mailbox.getByTestId('delete-button').click();
  await mailbox.getByTestId('delete-confirm-yes').click();
  await expect(mailbox.getByTestId('mailbox-deleted')).toBeVisible({ timeout: 30_000 });
  await mailbox.goto('/mijn-vraag/');
  await expect(mailbox.getByRole('button', { name: 'Open mijn vraag' })).toBeEnabled();
  await mailbox.locator('#code').fill(code);
  await mailbox.getByRole('button', { name: 'Open mijn vraag' }).click();
  await expect(mailbox.getByTestId('mailbox-not-found')).toBeVisible({ timeout: 30_000 });
  await back.close();


  // Nothing readable left any browser.
  expect(captured.some((r) => r.method === 'POST' && r.url.endsWith(`/api/staff/cases/${caseId}/notes`))).toBe(true);
  for (const r of captured) {
    for (const sentinel of SENTINELS) {
      expect(r.body, `${r.context} ${r.method} ${r.url}`).not.toContain(sentinel);
      expect(r.url, `${r.context} ${r.method}`).not.toContain(sentinel);
    }
    expect(r.body, `${r.context} ${r.url}`).not.toContain(PASSPHRASE);
    expect(r.body, `${r.context} ${r.url}`).not.toContain(NEW_MEMBER.passphrase);
  }

  // And nothing readable is in the database files.
  expectNotInDatabaseFiles(SENTINELS, STATE);
});

test('a session that ends on the server sends the member back to sign in, keys wiped', async ({ browser }) => {
  const page = await signIn(browser, 'intake.centrum');
  await expect(page.getByTestId('case').first().or(page.getByText('Er zijn geen vragen.'))).toBeVisible({ timeout: 30_000 });
  // End the session behind the console's back, then act.
  await page.evaluate(() => fetch('/api/staff/logout', { method: 'POST', credentials: 'same-origin' }));
  await page.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Uw sessie is verlopen. Log opnieuw in.');
  await expect(page.getByTestId('login-error')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
  await page.context().close();
});
