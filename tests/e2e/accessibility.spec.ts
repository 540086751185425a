// WCAG 2.2 AA checks that hold for every resident page in every language: axe finds
// nothing, `lang` is right, 320 px wide needs no horizontal scrolling, 200% zoom keeps
// everything reachable, and every page has a title of its own.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LANGUAGES, RESIDENT_SLUGS, STAFF_PAGES, pathFor } from './pages';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const lang of LANGUAGES) {
  for (const slug of RESIDENT_SLUGS) {
    const path = pathFor(lang, slug);
    test(`${path}: axe, lang, 320 px and 200% zoom`, async ({ page }) => {
      await page.goto(path);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);

      // 200% zoom of a 1280 px window is a 640 px layout viewport at double size.
      await page.setViewportSize({ width: 640, height: 400 });
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const zoomOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(zoomOverflow, 'horizontal scroll with 200% text').toBeLessThanOrEqual(0);
    });
  }
}

test('every page has a title of its own', async ({ page }) => {
  const titles = new Map<string, string>();
  for (const path of [...LANGUAGES.flatMap((lang) => RESIDENT_SLUGS.map((slug) => pathFor(lang, slug))), ...STAFF_PAGES]) {
    await page.goto(path);
    const title = await page.title();
    expect(title.length, path).toBeGreaterThan(3);
    titles.set(path, title);
  }
  const nl = RESIDENT_SLUGS.map((slug) => titles.get(pathFor('nl', slug)));
  expect(new Set(nl).size).toBe(nl.length);
});
