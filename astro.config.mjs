// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { productionProblems } from './src/scripts/productionChecks.mjs';
import { configFileProblems } from './src/lib/config/checkConfigFile.ts';

// The municipality's configuration (achterom.config.json) must be complete and every
// team's key pinned before anything is built; each problem names the field or team.
const configProblems = configFileProblems(fileURLToPath(new URL('.', import.meta.url)), { production: process.env.ACHTEROM_DEPLOY === 'production' });
if (configProblems.length) throw new Error(`achterom.config.json is not ready:\n  - ${configProblems.join('\n  - ')}`);

// A production build refuses the demo keys (their secrets were made with a published
// passphrase) and secrets written into wrangler.toml. Set ACHTEROM_DEPLOY=production in
// the deploy pipeline.
if (process.env.ACHTEROM_DEPLOY === 'production') {
  const problems = productionProblems({
    teamKeys: JSON.parse(readFileSync(new URL('./src/lib/config/teamKeys.json', import.meta.url), 'utf8')),
    wranglerToml: readFileSync(new URL('./wrangler.toml', import.meta.url), 'utf8'),
  });
  if (problems.length) throw new Error(`Refusing production build: ${problems.join('; ')}`);
}

export default defineConfig({
  site: 'http://127.0.0.1:8788',
  output: 'static',
  trailingSlash: 'always',
  integrations: [preact()],
  build: { inlineStylesheets: 'never' },
  // A strict CSP in a <meta> tag on every page: scripts and styles only from this
  // origin or by hash, no inline code, no third parties. Pages that encrypt add
  // 'wasm-unsafe-eval' through their layout. frame-ancestors cannot live in a meta
  // tag; public/_headers sends it as a header.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "worker-src 'none'",
        "manifest-src 'self'",
      ],
    },
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
