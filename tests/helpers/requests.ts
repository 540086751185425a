// Hush Line's rule in a browser test: record every request a browser context sends, so the
// test can show that nothing readable (a sentinel, a code, a passphrase) ever left it.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { DEMO_PASSPHRASE, signInPage } from './consoleSignIn';

export interface Captured {
  /** Whose browser sent it ('' for a test with one context). */
  context: string;
  url: string;
  method: string;
  body: string;
}

/** Records the requests of one context into `into` (a new list unless given). */
export function capture(context: BrowserContext, label = '', into: Captured[] = []): Captured[] {
  context.on('request', (req) => into.push({ context: label, url: req.url(), method: req.method(), body: req.postData() ?? '' }));
  return into;
}

/**
 * Browser contexts for several people (a resident, each staff member), all recorded into
 * one list. A server-side failure explains a later UI failure, so 5xx and 429 answers are
 * printed (no bodies: they are ciphertext anyway).
 */
export function recordingContexts(options: BrowserContextOptions = {}) {
  const captured: Captured[] = [];

  async function newContext(browser: Browser, label: string): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    capture(context, label, captured);
    context.on('response', (res) => {
      if (res.status() >= 500 || res.status() === 429) console.log(`${label}: ${res.request().method()} ${new URL(res.url()).pathname} -> ${res.status()}`);
    });
    return context;
  }

  /** A staff member signed in to the console, in a context of their own. */
  async function signIn(browser: Browser, username: string, passphrase = DEMO_PASSPHRASE): Promise<Page> {
    const context = await newContext(browser, username);
    return signInPage(await context.newPage(), username, passphrase);
  }

  return { captured, newContext, signIn };
}
