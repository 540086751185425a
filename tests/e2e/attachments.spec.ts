// Attachments end to end in Chromium, against wrangler's local D1 and R2: a resident adds a
// phone photo with GPS EXIF and a PDF, sees the photo as the team will get it, and sends.
// No sentinel from the PDF and no EXIF bytes are in any request body, the database or the
// object store; the case manager sees the photo (decoded, no EXIF, turned upright) and the
// PDF; the resident deletes the case and the objects are gone. Files that are too large,
// too many or of the wrong type get a clear message in all five languages.
// Then a follow-up on Mijn vraag with two photos: stripped and sealed the same way, named
// in the resident's conversation; one object is changed on disk in the local R2, and the
// staff member sees the other photo and, for the changed one, AttachmentTampered only.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_STATE } from '../../playwright.config';
import { caseCard, caseIdOf } from '../helpers/caseIds';
import { expectNoAxeViolations } from '../helpers/axe';
import { signInPage } from '../helpers/consoleSignIn';
import { expectNotInDatabaseFiles } from '../helpers/e2eDatabase';
import { filesUnder } from '../helpers/files';
import { waitForHydration } from '../helpers/residentPages';
import { GPS_LATITUDE_BYTES, pdfWithText, withExif } from '../helpers/attachmentFixtures';
import { languages, localizedPath, pick } from '../../src/lib/i18n';
import { FILE_FIELD_KEYS, problemText } from '../../src/islands/shared/attachments/attachmentRules';
import { ATTACHMENT_ID_HEADER } from '../../src/lib/schemas/attachmentUpload';
import { SECRETSTREAM_HEADER_BYTES } from '../../src/lib/crypto/attachmentBuckets';
import { makeSay } from '../../src/islands/staff/strings';

const RUN = Date.now().toString(36);
const EXIF_SENTINEL = `EXIFSENTINEL-${RUN}-gps-camera`;
const PDF_SENTINEL = `PDFSENTINEL-${RUN}-aanmaning`;
const QUESTION_SENTINEL = `SENTINEL-${RUN}-brief-van-de-deurwaarder`;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

/** A 400×240 JPEG from a canvas in this browser, then EXIF (GPS, orientation 6 = turn 90°, a sentinel) written into it. */
async function phonePhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 400;
    canvas.height = 240;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#2a6fdb';
    g.fillRect(0, 0, 400, 240);
    g.fillStyle = '#ffcc00';
    g.fillRect(0, 0, 100, 240);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin);
  });
  return withExif(Buffer.from(base64, 'base64'), EXIF_SENTINEL, 6);
}

/** Bytes of every file in the local object store (wrangler's R2 under the state folder). */
function objectStoreFiles(): string[] {
  return filesUnder(path.resolve(E2E_STATE)).filter((f) => f.split(path.sep).includes('r2') && !f.endsWith('.sqlite') && !f.includes('.sqlite-'));
}

test('a photo with GPS EXIF and a PDF: sealed, stripped, read by the case manager, deleted with the case', async ({ browser }) => {
  test.setTimeout(120_000);
  const resident = await browser.newContext();
  const bodies: { url: string; body: Buffer }[] = [];
  resident.on('request', (r) => bodies.push({ url: r.url(), body: r.postDataBuffer() ?? Buffer.alloc(0) }));
  const page = await resident.newPage();
  const photo = await phonePhoto(page);
  const pdf = pdfWithText(PDF_SENTINEL);
  expect(photo.includes(EXIF_SENTINEL) && photo.includes(GPS_LATITUDE_BYTES)).toBe(true);

  // Wrong type, too large and too many, each named, in all five languages.
  const refused = [
    { name: 'brief.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK docx') },
    { name: 'groot.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) },
    ...[1, 2, 3, 4, 5, 6].map((n) => ({ name: `blad-${n}.pdf`, mimeType: 'application/pdf', buffer: pdfWithText(`blad ${n}`) })),
  ];
  for (const lang of languages) {
    await page.goto(localizedPath(lang, 'vraag/'));
    await waitForHydration(page, '#files');
    await page.locator('#files').setInputFiles(refused);
    const s = pick(lang, FILE_FIELD_KEYS);
    const errors = page.getByTestId('file-errors');
    for (const problem of [{ kind: 'wrongType', name: 'brief.docx' }, { kind: 'tooLarge', name: 'groot.pdf' }, { kind: 'tooMany', name: 'blad-6.pdf' }] as const) {
      await expect(errors, `${lang} ${problem.kind}`).toContainText(problemText(s, problem));
    }
    await expect(page.getByTestId('attachment-item')).toHaveCount(5);
    await expect(page.locator('#files')).toHaveAttribute('aria-invalid', 'true');
    // Five chosen: the picker takes no more.
    await expect(page.locator('#files')).toBeDisabled();
  }

  // The real question, in Dutch.
  await page.goto('/vraag/');
  await waitForHydration(page, '#files');
  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(`Ik heb een brief gekregen. ${QUESTION_SENTINEL}`);
  await page.locator('#files').setInputFiles([
    { name: 'IMG_20260112_093012.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'aanmaning.pdf', mimeType: 'application/pdf', buffer: pdf },
  ]);
  const items = page.getByTestId('attachment-item');
  await expect(items).toHaveCount(2);
  // The resident sees the photo as the team will get it: upright (EXIF orientation applied), a new JPEG without EXIF.
  const preview = page.getByTestId('attachment-preview');
  await expect(preview).toHaveAttribute('alt', 'Foto 1 zoals het team hem krijgt');
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 400]);
  await expect(page.getByTestId('pdf-warning')).toHaveText('Let op: een PDF sturen we zoals hij is. Er kan meer in staan dan u ziet, zoals uw naam of adres.');
  await expectNoAxeViolations(page, 'question form with a photo and a PDF');
  await page.getByRole('radio', { name: /team mag/ }).check();
  const caseId = await caseIdOf(page, () => page.getByRole('button', { name: 'Verstuur geheim' }).click());
  const code = (await page.getByTestId('case-code').textContent())!.replace(/\s/g, '');
  await expect(page.getByTestId('files-status')).toHaveAttribute('data-state', 'sent', { timeout: 45_000 });
  await expect(page.getByTestId('files-status')).toHaveText('Uw bestanden zijn aangekomen.');

  // Nothing readable left the browser: two uploads of sealed objects, no sentinel, no EXIF.
  const uploads = bodies.filter((b) => new URL(b.url).pathname === '/api/mailbox/attachments');
  expect(uploads).toHaveLength(2);
  for (const { url, body } of bodies) {
    for (const secret of [EXIF_SENTINEL, PDF_SENTINEL, QUESTION_SENTINEL, code]) expect(body.includes(secret), `${secret} in ${url}`).toBe(false);
    for (const bytes of [EXIF_HEADER, GPS_LATITUDE_BYTES, Buffer.from('%PDF-')]) expect(body.includes(bytes), `${bytes.toString('latin1')} in ${url}`).toBe(false);
  }
  // Nor in the database or the object store.
  const stored = objectStoreFiles();
  const objects = stored.filter((f) => uploads.some((u) => readFileSync(f).equals(u.body)));
  expect(objects, 'both sealed objects are in the local R2').toHaveLength(2);
  expectNotInDatabaseFiles([EXIF_SENTINEL, PDF_SENTINEL, QUESTION_SENTINEL, code]);
  for (const file of filesUnder(path.resolve(E2E_STATE))) {
    const bytes = readFileSync(file);
    expect(bytes.includes(GPS_LATITUDE_BYTES), `GPS bytes in ${file}`).toBe(false);
    expect(bytes.includes(EXIF_HEADER), `EXIF in ${file}`).toBe(false);
  }

  // Intake gives the case to a case manager.
  const intake = await signInPage(await (await browser.newContext()).newPage(), 'intake.centrum');
  await caseCard(intake, caseId).getByRole('button', { name: /^Open/ }).click();
  await expect(intake.getByTestId('case-question')).toContainText(QUESTION_SENTINEL, { timeout: 30_000 });
  // Under the console's real CSP: the photo shows (img-src blob:) and the PDF frame loads (frame-src blob:) without a violation.
  await intake.evaluate(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(e.violatedDirective));
  });
  await intake.getByRole('button', { name: 'Bekijk foto-1.jpg' }).click();
  await expect.poll(() => intake.getByTestId('attachment-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await intake.getByRole('button', { name: 'Bekijk aanmaning.pdf' }).click();
  await expect(intake.getByTestId('attachment-pdf')).toBeVisible();
  await intake.waitForTimeout(500);
  expect(await intake.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  await intake.getByRole('button', { name: 'Sluit aanmaning.pdf' }).click();
  await expect(intake.getByTestId('attachment-view')).toHaveCount(0);
  await intake.locator('#assign-member').selectOption({ label: 'Cor (casemanager, Centrum/Oost) (Casemanager)' });
  await intake.getByRole('button', { name: 'Geef door' }).click();
  await expect(intake.getByTestId('assign-done')).toBeVisible();
  await intake.context().close();

  // The case manager opens the photo and the PDF, decrypted in their browser. (This context
  // lets the test read the blob: URLs with fetch, which the console's CSP forbids; the
  // console itself never fetches them, and intake above showed both under the real CSP.)
  const cor = await signInPage(await (await browser.newContext({ acceptDownloads: false, bypassCSP: true })).newPage(), 'casemanager.centrum');
  await caseCard(cor, caseId).getByRole('button', { name: /^Open/ }).click();
  const files = cor.getByTestId('case-attachment');
  await expect(files).toHaveCount(2, { timeout: 30_000 });
  await expect(files.nth(0)).toContainText('foto-1.jpg');
  await expect(files.nth(1)).toContainText('aanmaning.pdf');
  await cor.getByRole('button', { name: 'Bekijk foto-1.jpg' }).click();
  const image = cor.getByTestId('attachment-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 400]);
  const imageUrl = (await image.getAttribute('src'))!;
  expect(imageUrl).toMatch(/^blob:/);
  const decoded = Buffer.from(await cor.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), imageUrl));
  expect([decoded[0], decoded[1]]).toEqual([0xff, 0xd8]);
  expect(decoded.includes(EXIF_HEADER)).toBe(false);
  expect(decoded.includes(GPS_LATITUDE_BYTES)).toBe(false);
  expect(decoded.includes(EXIF_SENTINEL)).toBe(false);
  await expectNoAxeViolations(cor, 'case page with a photo open');
  // Opening the PDF closes the photo: its URL is revoked.
  await cor.getByRole('button', { name: 'Bekijk aanmaning.pdf' }).click();
  const frame = cor.getByTestId('attachment-pdf');
  await expect(frame).toHaveAttribute('title', 'PDF van de inwoner: aanmaning.pdf');
  const pdfUrl = (await frame.getAttribute('src'))!;
  const pdfText = await cor.evaluate(async (url) => (await fetch(url)).text(), pdfUrl);
  expect(pdfText.startsWith('%PDF-')).toBe(true);
  expect(pdfText).toContain(PDF_SENTINEL);
  expect(await cor.evaluate(async (url) => fetch(url).then(() => 'open', () => 'revoked'), imageUrl)).toBe('revoked');
  await expect(cor.getByTestId('attachment-download')).toHaveAttribute('download', 'aanmaning.pdf');
  await cor.context().close();

  // The resident deletes the case with the code: the objects leave the store.
  await page.goto('/mijn-vraag/');
  await waitForHydration(page, '#code');
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: 'Open mijn vraag' }).click();
  await page.getByRole('button', { name: 'Verwijder mijn vraag' }).click();
  await page.getByRole('button', { name: 'Ja, verwijder alles' }).click();
  await expect(page.getByTestId('mailbox-deleted')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => objects.filter((f) => objectStoreFiles().includes(f))).toEqual([]);
  await resident.close();
});

test('a follow-up with photos: stripped, sealed, named for the resident; a changed object shows only AttachmentTampered', async ({ browser }) => {
  test.setTimeout(60_000);
  const FOLLOW_UP = `FOLLOWUP-${RUN}-hier-is-de-brief`;
  const resident = await browser.newContext();
  const bodies: { url: string; body: Buffer; id: string | undefined }[] = [];
  resident.on('request', (r) => bodies.push({ url: r.url(), body: r.postDataBuffer() ?? Buffer.alloc(0), id: r.headers()[ATTACHMENT_ID_HEADER] }));
  const page = await resident.newPage();
  const photo = await phonePhoto(page);

  // A question without files, readable by the team; then Mijn vraag with its code.
  await page.goto('/vraag/');
  await waitForHydration(page, '#question');
  await page.locator('#neighbourhood').selectOption('oost');
  await page.locator('#question').fill(`Ik stuur de brief straks. ${QUESTION_SENTINEL}`);
  await page.getByRole('radio', { name: /team mag/ }).check();
  const caseId = await caseIdOf(page, () => page.getByRole('button', { name: 'Verstuur geheim' }).click());
  const code = (await page.getByTestId('case-code').textContent())!.replace(/\s/g, '');
  await page.goto('/mijn-vraag/');
  await waitForHydration(page, '#code');
  await page.locator('#code').fill(code);
  await page.getByRole('button', { name: 'Open mijn vraag' }).click();
  await waitForHydration(page, '#followup-files');

  // The same file field and rules as the question: two phone photos, shown as the team gets them.
  await page.locator('#followup').fill(FOLLOW_UP);
  await page.locator('#followup-files').setInputFiles([
    { name: 'IMG_20260112_093012.jpg', mimeType: 'image/jpeg', buffer: photo },
    { name: 'IMG_20260112_093013.jpg', mimeType: 'image/jpeg', buffer: photo },
  ]);
  await expect(page.getByTestId('attachment-preview')).toHaveCount(2);
  await expect(page.getByTestId('attachment-preview').nth(1)).toHaveAttribute('alt', 'Foto 2 zoals het team hem krijgt');
  await expectNoAxeViolations(page, 'mailbox follow-up with two photos');
  await page.getByRole('button', { name: 'Verstuur geheim' }).click();
  await expect(page.getByTestId('followup-sent')).toHaveText('Uw bericht is verstuurd. U ziet het hierboven bij de berichten.', { timeout: 45_000 });
  const mine = page.getByTestId('mailbox-message').filter({ hasText: FOLLOW_UP });
  await expect(mine.getByTestId('mailbox-message-files')).toHaveText('Met 2 bestanden: foto-1.jpg, foto-2.jpg');
  await expect(page.getByTestId('attachment-item')).toHaveCount(0);
  await expectNoAxeViolations(page, 'mailbox with a follow-up that had files');

  // Only sealed bytes left the browser.
  const uploads = bodies.filter((b) => new URL(b.url).pathname === '/api/mailbox/attachments');
  expect(uploads).toHaveLength(2);
  for (const { url, body } of bodies) {
    for (const secret of [EXIF_SENTINEL, FOLLOW_UP, code]) expect(body.includes(secret), `${secret} in ${url}`).toBe(false);
    for (const bytes of [EXIF_HEADER, GPS_LATITUDE_BYTES]) expect(body.includes(bytes), `${bytes.toString('latin1')} in ${url}`).toBe(false);
  }

  // Someone with the store changes one byte inside the second photo's first chunk.
  const stored = objectStoreFiles();
  const [first, second] = uploads.map((u) => stored.filter((f) => readFileSync(f).equals(u.body)));
  expect([first, second].map((found) => found?.length)).toEqual([1, 1]);
  const changed = Buffer.from(readFileSync(second![0]!));
  const at = SECRETSTREAM_HEADER_BYTES + 100;
  changed[at] = changed[at]! ^ 0x01;
  writeFileSync(second![0]!, changed);

  // The team opens the conversation: the first photo decoded and upright, without EXIF
  // (bypassCSP only so the test can read the blob: URL, as in the test above).
  const intake = await signInPage(await (await browser.newContext({ acceptDownloads: false, bypassCSP: true })).newPage(), 'intake.centrum');
  await caseCard(intake, caseId).getByRole('button', { name: /^Open/ }).click();
  const message = intake.getByTestId('message').filter({ hasText: FOLLOW_UP });
  await expect(message.getByTestId('case-attachment')).toHaveCount(2, { timeout: 30_000 });
  await expect(message.getByRole('heading', { name: 'Bijlagen bij dit bericht' })).toBeVisible();
  await message.getByRole('button', { name: 'Bekijk foto-1.jpg' }).click();
  const image = message.getByTestId('attachment-image');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([240, 400]);
  const decoded = Buffer.from(await intake.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), (await image.getAttribute('src'))!));
  expect([decoded[0], decoded[1]]).toEqual([0xff, 0xd8]);
  for (const bytes of [EXIF_HEADER, GPS_LATITUDE_BYTES, Buffer.from(EXIF_SENTINEL)]) expect(decoded.includes(bytes)).toBe(false);
  await expectNoAxeViolations(intake, 'case page with a follow-up photo open');

  // The changed one: the named error, and no picture at all.
  await message.getByRole('button', { name: 'Bekijk foto-2.jpg' }).click();
  const problem = message.getByTestId('case-attachment').nth(1).getByTestId('attachment-problem');
  await expect(problem).toHaveText(makeSay({})('staff.attachments.tampered', { chunk: 1 }));
  await expect(problem).toContainText('AttachmentTampered');
  await expect(intake.getByTestId('attachment-image')).toHaveCount(0);
  await expect(intake.getByTestId('attachment-view')).toHaveCount(0);
  await expect(intake.locator('img[src^="blob:"]')).toHaveCount(0);
  await intake.context().close();
  await resident.close();
});
