// WCAG 2.2 AA checks that hold for every resident page in every language: axe finds
// nothing, `lang` and `dir` are right, 320 px wide needs no horizontal scrolling, 200% zoom
// keeps everything reachable, every page has a title of its own, and every page offers
// the same page in the other languages.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LANGUAGES, RESIDENT_SLUGS, STAFF_PAGES, pathFor } from './pages';
import { languageNames, t } from '../../src/lib/i18n';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const lang of LANGUAGES) {
  for (const slug of RESIDENT_SLUGS) {
    const path = pathFor(lang, slug);
    test(`${path}: axe, lang, 320 px and 200% zoom`, async ({ page }) => {
      await page.goto(path);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
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

test('Arabic pages are right to left, all others left to right', async ({ request }) => {
  for (const lang of LANGUAGES) {
    for (const slug of RESIDENT_SLUGS) {
      const path = pathFor(lang, slug);
      const html = await (await request.get(path)).text();
      const tag = /<html[^>]*>/.exec(html)?.[0] ?? '';
      expect(tag, path).toContain(`lang="${lang}"`);
      expect(tag, path).toContain(`dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
    }
  }
});

test('every resident page has a language switch to the same page in the other four languages', async ({ page }) => {
  for (const lang of LANGUAGES) {
    for (const slug of RESIDENT_SLUGS) {
      const path = pathFor(lang, slug);
      await page.goto(path);
      const nav = page.getByRole('navigation', { name: t(lang, 'layout.languageNav'), exact: true });
      await expect(nav, path).toHaveCount(1);
      const links = nav.getByRole('link');
      await expect(links, path).toHaveCount(LANGUAGES.length - 1);
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        const link = nav.locator(`a[hreflang="${other}"]`);
        await expect(link, `${path} → ${other}`).toHaveAttribute('href', pathFor(other, slug));
        await expect(link).toHaveAttribute('lang', other);
        await expect(link).toHaveText(languageNames[other]);
        await expect(link).not.toHaveAttribute('aria-current');
      }
      // The current language is marked in text for everyone, not by colour only.
      const current = nav.locator('[aria-current="true"]');
      await expect(current, path).toHaveCount(1);
      await expect(current).toHaveText(languageNames[lang]);
      await expect(current).toHaveAttribute('lang', lang);
      // hreflang alternates in the head name all five.
      const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((els) =>
        els.map((el) => [el.getAttribute('hreflang'), new URL(el.getAttribute('href') ?? '').pathname]),
      );
      expect(alternates, path).toEqual(LANGUAGES.map((l) => [l, pathFor(l, slug)]));
    }
  }
});

test('the quick exit stays the first control after the skip link, and the language switch wraps at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const lang of LANGUAGES) {
    await page.goto(pathFor(lang, 'vraag/'));
    await page.keyboard.press('Tab');
    await expect(page.locator('.achterom-skip-link')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('[data-quick-exit]')).toBeFocused();
    await expect(page.locator('[data-quick-exit]')).toBeInViewport();
    // Every language link is inside the 320 px viewport, none cut off.
    const boxes = await page.locator('.achterom-lang-switch a, .achterom-lang-switch [aria-current]').evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })),
    );
    expect(boxes).toHaveLength(LANGUAGES.length);
    for (const box of boxes) {
      expect(box.left, lang).toBeGreaterThanOrEqual(0);
      expect(box.right, lang).toBeLessThanOrEqual(320);
    }
  }
});

test('forms use the NL Design System (Utrecht) components, themed by theme.css', async ({ page }) => {
  await page.goto('/vraag/');
  // Wait until the form island has hydrated (Astro drops the ssr attribute then).
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const submit = page.locator('form.achterom-form button[type="submit"]');
  await expect(submit).toHaveClass(/\butrecht-button\b/);
  await expect(submit).toHaveClass(/\butrecht-button--primary-action\b/);
  const button = await submit.evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      background: style.backgroundColor,
      token: style.getPropertyValue('--utrecht-button-primary-action-background-color').trim(),
      minHeight: el.getBoundingClientRect().height,
    };
  });
  // theme.css maps the Utrecht token to the municipality's primary colour.
  expect(button.token).toBe('#005a6e');
  expect(button.background).toBe('rgb(0, 90, 110)');
  expect(button.minHeight).toBeGreaterThanOrEqual(44);

  // Radios are drawn by the Utrecht CSS (not the browser), in the theme's colours:
  // border colour when unchecked, primary colour when checked.
  const radios = page.locator('input[type="radio"]');
  await expect(radios.first()).toHaveClass(/\butrecht-radio-button--html-input\b/);
  const radioStyles = () =>
    radios.evaluateAll((els) =>
      els.map((el) => ({ checked: (el as HTMLInputElement).checked, appearance: getComputedStyle(el).appearance, border: getComputedStyle(el).borderTopColor })),
    );
  await expect.poll(async () => (await radioStyles()).every((s) => s.appearance === 'none')).toBe(true);
  await expect.poll(async () => (await radioStyles()).find((s) => !s.checked)?.border).toBe('rgb(77, 77, 77)');
  await expect.poll(async () => (await radioStyles()).find((s) => s.checked)?.border).toBe('rgb(0, 90, 110)');
  await expect(page.locator('textarea')).toHaveClass(/\butrecht-textarea\b/);
  await expect(page.locator('select').first()).toHaveClass(/\butrecht-select--html-select\b/);
});
