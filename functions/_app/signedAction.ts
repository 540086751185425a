// Staff actions arrive signed by the member's own Ed25519 key (made in their browser,
// never seen by the server). The server checks the signature before it writes, so a
// stolen session cookie without the member's keys can do nothing, and it keeps the
// signature in the audit row, where the privacy officer's browser checks it again.
import type { Context } from 'hono';
import type { AppEnv } from './env';
import { apiError } from './errors';
import { base64ToBytes } from './bytes';
import { dayOf } from './storage';
import { actionStatement } from '../../src/lib/audit/auditRecord';
import type { SignedAction } from '../../src/lib/schemas/signedAction';
import type { AuditAction, SignedFacts } from './audit';

/** Ed25519 on Web Crypto (Workers, Node 22): false for any malformed key or signature. */
export async function ed25519Verify(publicKeyBase64: string, signatureBase64: string, text: string): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', new Uint8Array(base64ToBytes(publicKeyBase64)), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(base64ToBytes(signatureBase64)), new TextEncoder().encode(text));
  } catch {
    return false;
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Checks a signature by the signed-in member over a statement; 400 bad_signature otherwise. */
export async function requireSignature(c: Context<AppEnv>, text: string, signature: string): Promise<void> {
  if (!(await ed25519Verify(c.var.staff.sign_public_key, signature, text))) {
    throw apiError(400, 'bad_signature', 'The signature does not match this action or your key; reload the console and try again');
  }
}

/**
 * Checks the member's signature over one audit-worthy action and returns what the
 * audit row keeps. The signed day may differ from the server's by one (time zones,
 * midnight), not more, so an old signature cannot be replayed later.
 */
export async function checkSignedAction(
  c: Context<AppEnv>,
  facts: { action: AuditAction; caseId?: string | null; subjectId?: string | null; detail: string },
  signed: SignedAction,
): Promise<SignedFacts> {
  const now = c.var.now();
  const near = [dayOf(new Date(now.getTime() - DAY_MS)), dayOf(now), dayOf(new Date(now.getTime() + DAY_MS))];
  if (!near.includes(signed.day)) throw apiError(400, 'bad_signature', 'signed.day is not today; check the computer’s date and try again');
  const staff = c.var.staff;
  const text = actionStatement({
    action: facts.action,
    staffId: staff.id,
    role: staff.role,
    teamId: staff.team_id,
    caseId: facts.caseId ?? null,
    subjectId: facts.subjectId ?? null,
    day: signed.day,
    detail: facts.detail,
  });
  await requireSignature(c, text, signed.signature);
  return { day: signed.day, detail: facts.detail, signature: signed.signature };
}
