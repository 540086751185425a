// A resident's wait: on the question page, from pressing "Verstuur geheim" to the code on
// screen (libsodium, argon2id, the proof of work and the POST), in a real Chromium, at full
// speed and with the CPU slowed 4× through the DevTools protocol (a cheap phone).
// `typingMs` is how long the resident was busy with the form before pressing send.
import type { Browser } from '@playwright/test';

export async function measureSend(browser: Browser, base: string, cpuSlowdown: number, typingMs: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}/vraag/`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    const submit = page.getByRole('button', { name: 'Verstuur geheim' });
    await submit.waitFor();
    await page.waitForFunction(() => !document.querySelector('button[type="submit"][disabled]'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    await page.locator('#neighbourhood').selectOption('oost');
    await page.locator('#question').fill('Ik wil graag hulp bij mijn schulden, maar ik durf niet langs te komen.');
    await page.getByRole('radio', { name: /team mag/ }).check();
    if (typingMs) await page.waitForTimeout(typingMs);
    const t0 = performance.now();
    await submit.click();
    await page.getByTestId('case-code').waitFor({ state: 'visible', timeout: 60_000 });
    return performance.now() - t0;
  } finally {
    await context.close();
  }
}
