// The only Cloudflare Pages Functions entry: every /api/* request goes to the Hono app.
import { handle } from 'hono/cloudflare-pages';
import { app } from '../_app/app';

export const onRequest = handle(app);
