// Security headers on every static page and API answer, and a browser run over every
// page that records CSP violations, console errors, third-party requests, cookies and
// storage: all must be zero.
import { test, expect, type Page } from '@playwright/test';

import { CRYPTO_PAGES, RESIDENT_PAGES, STAFF_PAGES } from './pages';

const ALL_PAGES = [...RESIDENT_PAGES, ...STAFF_PAGES];

function expectCommonHeaders(h: Record<string, string>, where: string) {
  const hsts = h['strict-transport-security'] ?? '';
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), `${where} HSTS`).toBeGreaterThanOrEqual(31_536_000);
  expect(hsts, `${where} HSTS`).toContain('includeSubDomains');
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['referrer-policy'], where).toBe('no-referrer');
  expect(h['cross-origin-opener-policy'], where).toBe('same-origin');
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()']) expect(h['permissions-policy'], where).toContain(feature);
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${where} CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${where} CSP`).not.toContain('unsafe-inline');
  expect(csp, `${where} CSP`).not.toContain("'unsafe-eval'");
}

for (const path of ALL_PAGES) {
  test(`static page ${path} sends the security headers and a strict CSP`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const h = res.headers();
    expectCommonHeaders(h, path);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "connect-src 'self'"]) expect(h['content-security-policy']).toContain(directive);
    const html = await res.text();
    const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(meta)?.[1] ?? '';
    expect(scriptSrc, `${path} script-src`).toContain("'self'");
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc.includes("'wasm-unsafe-eval'"), `${path} wasm only where libsodium runs`).toBe(CRYPTO_PAGES.includes(path));
    expect(meta).toContain("object-src 'none'");
    expect(meta).toContain("connect-src 'self'");
    // Pages that hold typed or decrypted text are never cached; the others may be.
    if (CRYPTO_PAGES.includes(path)) expect(h['cache-control'], path).toBe('no-store');
    else expect(h['cache-control'] ?? '', path).not.toContain('no-store');
  });
}

test('API answers send the security headers and Cache-Control: no-store', async ({ request }) => {
  const answers = [
    await request.get('/api/health'),
    await request.get('/api/pow?purpose=case'),
    await request.get('/api/staff/me'),
    await request.post('/api/cases', { data: { hello: 'world' } }),
    await request.get('/api/does-not-exist'),
  ];
  for (const res of answers) {
    const h = res.headers();
    expectCommonHeaders(h, res.url());
    expect(h['cache-control'], res.url()).toBe('no-store');
    expect(h['content-security-policy']).toContain("default-src 'none'");
    expect(h['content-type']).toContain('application/json');
  }
});

async function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http') && url.origin !== origin) problems.push(`third-party request: ${req.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return problems;
}

test('every page loads with zero CSP violations, console errors and third-party requests; resident pages leave nothing behind', async ({ browser, baseURL }) => {
  // 47 pages one after another, each until the network is quiet: about 45 s, so the
  // default 90 s left too little room on a busy two-core machine.
  test.setTimeout(180_000);
  for (const path of ALL_PAGES) {
    const context = await browser.newContext({ baseURL: baseURL! });
    const page = await context.newPage();
    const problems = await watch(page, new URL(baseURL!).origin);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(problems, path).toEqual([]);
    if (RESIDENT_PAGES.includes(path)) {
      expect(await context.cookies(), path).toEqual([]);
      const stored = await page.evaluate(async () => ({
        local: localStorage.length,
        session: sessionStorage.length,
        idb: (await indexedDB.databases()).length,
      }));
      expect(stored, path).toEqual({ local: 0, session: 0, idb: 0 });
    }
    await context.close();
  }
});
