// A fresh proof-of-work challenge for one purpose.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { powPurpose } from '../../../src/lib/pow/powPurpose';
import { newChallenge } from '../pow';

export const pow = new Hono<AppEnv>().get('/', async (c) => {
  const parsed = v.safeParse(v.strictObject({ purpose: powPurpose }, 'query must be ?purpose=case|booking|lookup|change'), c.req.query());
  if (!parsed.success) throw apiError(400, 'invalid_query', parsed.issues[0].message);
  return c.json(await newChallenge(c.env, parsed.output.purpose));
});
