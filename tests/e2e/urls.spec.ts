// The site's addresses are a promise (bookmarks, printed leaflets, links in letters): the
// build makes exactly the pages listed in pages.ts, no more and no fewer, and each one
// answers 200. A refactor of the page files that renames or drops a route fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { RESIDENT_PAGES, STAFF_PAGES } from './pages';

function builtPages(dir: string, prefix = '/'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return builtPages(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    if (entry.name === 'index.html') return [prefix];
    return entry.name.endsWith('.html') ? [`${prefix}${entry.name}`] : [];
  });
}

test('the build makes exactly the listed pages, and every one answers', async ({ request }) => {
  const expected = [...RESIDENT_PAGES, ...STAFF_PAGES, '/404.html'].sort();
  expect(builtPages('dist').sort()).toEqual(expected);
  for (const url of [...RESIDENT_PAGES, ...STAFF_PAGES]) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(200);
  }
});

test('the privacy page states the retention days of achterom.config.json, in every language', async ({ request }) => {
  const { retention } = JSON.parse(readFileSync('achterom.config.json', 'utf8')) as { retention: { closedDays: number; abandonedDays: number } };
  for (const url of RESIDENT_PAGES.filter((p) => p.endsWith('privacy/'))) {
    const html = await (await request.get(url)).text();
    expect(html, url).toContain(String(retention.closedDays));
    expect(html, url).not.toMatch(/\{(closedDays|abandonedDays)\}/);
  }
});
