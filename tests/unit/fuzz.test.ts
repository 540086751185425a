// Property-based fuzzing (fast-check) of every API endpoint on a real local D1:
// 10,000 malformed requests per run, signed in and not. No answer may be a 5xx, and
// every error must be JSON that says what is wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../functions/_app/app';
import { startLocalD1, type LocalD1 } from '../helpers/localD1';
import { signIn } from '../helpers/sodiumNode';
import { randomClientAddress } from '../helpers/pow';

let d1: LocalD1;
let cookie = '';
// Proof of work off so the malformed bodies reach the validators behind it (abuse.test.ts covers it).
const app = createApp({ purge: false, requirePow: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

const CASE_ID = '00000000-0000-4000-8000-000000000000';
const ENDPOINTS: [string, string][] = [
  ['POST', '/api/cases'],
  ['POST', '/api/appointments'],
  ['GET', '/api/slots'],
  ['GET', '/api/pow'],
  ['POST', '/api/mailbox/open'],
  ['POST', '/api/mailbox/messages'],
  ['POST', '/api/mailbox/delete'],
  ['POST', '/api/mailbox/attachments'],
  ['POST', '/api/mailbox/appointment/cancel'],
  ['POST', '/api/mailbox/appointment/reschedule'],
  ['POST', '/api/staff/salt'],
  ['POST', '/api/staff/login'],
  ['POST', '/api/staff/logout'],
  ['GET', '/api/staff/me'],
  ['GET', '/api/staff/session'],
  ['GET', '/api/staff/cases'],
  ['GET', '/api/staff/cases/:id'],
  ['POST', '/api/staff/cases/:id/note-key'],
  ['POST', '/api/staff/cases/:id/messages'],
  ['POST', '/api/staff/cases/:id/status'],
  ['POST', '/api/staff/cases/:id/grants'],
  ['POST', '/api/staff/cases/:id/notes'],
  ['GET', '/api/staff/cases/:id/attachments/:id'],
  ['DELETE', '/api/staff/cases/:id'],
  ['GET', '/api/staff/members'],
  ['POST', '/api/staff/members/invites'],
  ['POST', '/api/staff/members/:id/approve'],
  ['POST', '/api/staff/members/:id/revoke'],
  ['POST', '/api/staff/members/:id/certify'],
  ['GET', '/api/staff/team-keys'],
  ['POST', '/api/staff/team-keys'],
  ['POST', '/api/staff/audit/checkpoints'],
  ['POST', '/api/staff/audit/exports'],
  ['POST', '/api/staff/activate'],
  ['POST', '/api/staff/passphrase'],
  ['GET', '/api/staff/audit'],
  ['GET', '/api/staff/slots'],
  ['POST', '/api/staff/slots'],
  ['POST', '/api/staff/slots/pattern'],
  ['POST', '/api/staff/slots/:id/block'],
  ['DELETE', '/api/staff/slots/:id'],
];

const FIELD_NAMES = ['v', 'teamId', 'kind', 'consent', 'mailboxId', 'nonce', 'ciphertext', 'sealedKey', 'envelope', 'slotId', 'idempotencyKey', 'seq', 'status', 'staffId', 'sealedCaseKey', 'sealedNoteKey', 'id', 'username', 'authKey', 'token', 'displayName', 'salt', 'keyBlob', 'keyBlobNonce', 'boxPublicKey', 'signPublicKey', 'role', 'sealedTeamKey', 'currentAuthKey', 'signed', 'signature', 'grantSignature', 'keyId', 'certificate', 'certificateSignature', 'teamKeyGrants', 'grants', 'publicKey', 'keySignature', 'headId', 'headHash', 'rows', 'filter', 'type', 'locationId', 'fromDate', 'weeks', 'weekdays', 'startTime', 'endTime', 'durationMinutes', 'date', 'time', 'purpose', 'team', 'from', 'days'];

const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'null', '\u0000', "' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', 'A'.repeat(5000), '=', '====', '%00', '\ud800', CASE_ID, 'centrum-oost', 'question', 'handler'),
  fc.base64String(),
  fc.integer(),
  fc.double(),
);
const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(nasty, fc.jsonValue()), { maxKeys: 10 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.dictionary(fc.constantFrom(...FIELD_NAMES), nasty), { maxKeys: 4 }),
);
const body = fc.oneof(
  jsonish.map((j) => JSON.stringify(j) ?? 'null'),
  fc.string(),
  fc.constantFrom('{', '[', '{"a":', '\u0000\u0001', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}'),
);
const request_ = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  param: fc.oneof(fc.constant(CASE_ID), fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s) || 'x'), fc.uuid()),
  query: fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 30 }), { maxKeys: 5 }),
  body,
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream', ''),
  // The upload's headers (harmless elsewhere): a mailbox id and an attachment id, or junk.
  uploadHeaders: fc.record({
    mailbox: fc.option(fc.oneof(fc.base64String(), fc.constantFrom('', '====', "' OR 1=1 --", 'A'.repeat(44)))),
    attachment: fc.option(fc.oneof(fc.uuid(), fc.constantFrom('', CASE_ID, '../x', 'x'.repeat(300)))),
  }),
  signedIn: fc.boolean(),
});

beforeAll(async () => {
  d1 = await startLocalD1();
  cookie = (await signIn(request, 'teamlead.centrum')).cookie;
});
afterAll(() => d1?.dispose());

describe('API fuzzing', () => {
  it('answers 10,000 malformed requests with no 5xx and a JSON error for every refusal', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(request_, async (r) => {
        const [method, template] = r.endpoint;
        const qs = new URLSearchParams(r.query).toString();
        const path = template.replaceAll(':id', r.param) + (qs ? `?${qs}` : '');
        const headers: Record<string, string> = { 'cf-connecting-ip': randomClientAddress() };
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.uploadHeaders.mailbox !== null) headers['x-achterom-mailbox'] = r.uploadHeaders.mailbox;
        if (r.uploadHeaders.attachment !== null) headers['x-achterom-attachment'] = r.uploadHeaders.attachment;
        // Logging out would end the shared session; that endpoint is fuzzed signed out.
        if (r.signedIn && template !== '/api/staff/logout') headers['cookie'] = cookie;
        const res = await request(path, { method, headers, ...(method === 'GET' ? {} : { body: r.body }) });
        const text = await res.text();
        if (res.status >= 500) failures.push(`${method} ${path} -> ${res.status}: ${text.slice(0, 200)}`);
        if (res.status >= 400) {
          let message: unknown;
          try {
            message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
          } catch {
            message = undefined;
          }
          if (typeof message !== 'string' || message.length < 5) failures.push(`${method} ${path} -> ${res.status} without a JSON error: ${text.slice(0, 120)}`);
        }
        return failures.length === 0;
      }),
      { numRuns: 10_000, verbose: false },
    );
    expect(failures).toEqual([]);
  }, 600_000);
});
