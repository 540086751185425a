// Residents: create a case. Accepts only a sealed envelope.
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { apiError } from '../errors';
import { readJson } from '../validate';
import { CaseEnvelope } from '../../../src/lib/schemas/caseEnvelope';
import { createStorage } from '../storage';
import { admitAnonymous, countStatement } from '../teamBudget';

import { CIPHERTEXT_BODY_LIMIT, limitBody } from '../limits';

/** 16 blocks of ciphertext in base64 is about 22 KiB; anything much larger is not an envelope. */
export const CASE_BODY_LIMIT = CIPHERTEXT_BODY_LIMIT;

export const cases = new Hono<AppEnv>().post(
  '/',
  limitBody(CASE_BODY_LIMIT),
  async (c) => {
    const envelope = await readJson(c, CaseEnvelope);
    const storage = createStorage(c.env.DB);
    if (await storage.mailboxExists(envelope.mailboxId)) {
      // Astronomically unlikely for a random code; refuse rather than overwrite.
      throw apiError(409, 'mailbox_taken', 'This code is already in use; make a new one');
    }
    await admitAnonymous(c, envelope.teamId, 'case');
    const now = c.var.now();
    const { id, statement } = await storage.prepareCase(envelope, now);
    await c.env.DB.batch([statement, countStatement(c.env.DB, envelope.teamId, 'case', now)]);
    return c.json({ id }, 201);
  },
);
