// Performance budget: the JavaScript a cheap phone must fetch before anything is
// encrypted. Sizes are gzip-compressed (what a production host would send).
import { test, expect, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/** Budgets in bytes of gzip, stated in the README. */
export const BUDGET = {
  home: 15 * 1024,
  questionBeforeEncryption: 40 * 1024,
  /** The booking page shows its first step only; the wizard comes when the resident starts. */
  bookingFirstStep: 20 * 1024,
};

async function javascriptLoadedBy(page: Page, path: string) {
  const scripts: { url: string; body: Buffer }[] = [];
  page.on('response', async (res) => {
    const type = res.headers()['content-type'] ?? '';
    if (res.request().resourceType() === 'script' || type.includes('javascript')) {
      scripts.push({ url: res.url(), body: await res.body() });
    }
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const gzipBytes = scripts.reduce((sum, s) => sum + gzipSync(s.body).length, 0);
  return { scripts, gzipBytes };
}

// A symbol only libsodium itself contains (our own code names crypto_pwhash and the module path too).
const isLibsodium = (body: Buffer) => body.includes('sodium_version_string');

test('home page ships no JavaScript beyond its budget, and no libsodium', async ({ page }) => {
  const { scripts, gzipBytes } = await javascriptLoadedBy(page, '/');
  console.log(`home: ${scripts.length} scripts, ${gzipBytes} B gzip (budget ${BUDGET.home})`);
  expect(gzipBytes).toBeLessThanOrEqual(BUDGET.home);
  expect(scripts.filter((s) => isLibsodium(s.body)).map((s) => s.url)).toEqual([]);
});

for (const path of ['/vraag/', '/en/vraag/', '/mijn-vraag/', '/afspraak/', '/tr/afspraak/', '/afspraak/beheren/']) {
  test(`${path} loads no libsodium until encryption starts`, async ({ page }) => {
    const { scripts, gzipBytes } = await javascriptLoadedBy(page, path);
    const budget = path.endsWith('/afspraak/') ? BUDGET.bookingFirstStep : BUDGET.questionBeforeEncryption;
    console.log(`${path}: ${scripts.length} scripts, ${gzipBytes} B gzip (budget ${budget})`);
    expect(gzipBytes).toBeLessThanOrEqual(budget);
    expect(scripts.filter((s) => isLibsodium(s.body)).map((s) => s.url)).toEqual([]);
  });
}
