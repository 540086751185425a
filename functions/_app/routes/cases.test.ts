// POST /api/cases against a real local D1 (workerd SQLite via getPlatformProxy).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { filesUnder } from '../../../tests/helpers/files';
import { loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { sealCase, type SealedCase } from '../../../src/lib/crypto/caseEnvelope';
import { toBase64 } from '../../../src/lib/crypto/sodium';
import { findTeam } from '../../../src/lib/config/teams';
import { CASE_BODY_LIMIT } from './cases';
import { powHeaders } from '../../../tests/helpers/pow';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp(() => new Date('2026-11-25T14:37:12Z'));
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const post = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  request('/api/cases', { method: 'POST', headers: { ...(await powHeaders(request, 'case')), ...headers }, body });

function envelope(text = 'Ik heb een vraag over schulden', teamId = 'centrum-oost'): SealedCase {
  return sealCase(sodium, {
    code: String(Date.now()).padStart(16, '7').slice(-16),
    teamId,
    teamPublicKey: findTeam(teamId)!.publicKey,
    teamKeyId: findTeam(teamId)!.keyId,
    kind: 'question',
    consent: 'handler',
    payloadJson: JSON.stringify({ question: text }),
  });
}

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

async function expectJsonError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toEqual(expect.any(String));
  expect(body.error.message.length).toBeGreaterThan(5);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

describe('POST /api/cases', () => {
  it('stores a valid envelope and answers 201 with an id, keeping only the day', async () => {
    const res = await post(JSON.stringify(envelope()));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const row = await d1.env.DB.prepare('SELECT * FROM cases WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ team_id: 'centrum-oost', kind: 'question', consent: 'handler', status: 'nieuw', created_day: '2026-11-25' });
    expect(JSON.stringify(row)).not.toContain('14:37');
  });

  it('stores only a hash of the mailbox id', async () => {
    const env = envelope();
    const res = await post(JSON.stringify(env));
    const { id } = (await res.json()) as { id: string };
    const row = await d1.env.DB.prepare('SELECT mailbox_hash FROM cases WHERE id = ?').bind(id).first<{ mailbox_hash: string }>();
    expect(row!.mailbox_hash).not.toBe(env.mailboxId);
    expect(row!.mailbox_hash).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('refuses malformed JSON', async () => {
    await expectJsonError(await post('{"v":1,'), 400, 'malformed_json');
  });

  it('refuses a body that is not JSON by content type', async () => {
    await expectJsonError(await post(JSON.stringify(envelope()), { 'content-type': 'text/plain' }), 415);
  });

  it.each(['v', 'teamId', 'kind', 'consent', 'mailboxId', 'nonce', 'ciphertext', 'sealedKey'] as const)('refuses an envelope without %s', async (field) => {
    const env: Record<string, unknown> = { ...envelope() };
    delete env[field];
    const body = await expectJsonError(await post(JSON.stringify(env)), 400, 'invalid_body');
    expect(body.error.message).toContain(field);
  });

  it('refuses extra fields, so plaintext cannot ride along', async () => {
    const body = await expectJsonError(await post(JSON.stringify({ ...envelope(), question: 'Ik heb schulden' })), 400, 'invalid_body');
    expect(body.error.message).toContain('question');
  });

  it('refuses an unknown team', async () => {
    const body = await expectJsonError(await post(JSON.stringify({ ...envelope(), teamId: 'rotterdam-zuid' })), 400);
    expect(body.error.message).toContain('teamId');
  });

  it('refuses an unknown kind, consent, protocol version or team key id', async () => {
    await expectJsonError(await post(JSON.stringify({ ...envelope(), kind: 'complaint' })), 400);
    await expectJsonError(await post(JSON.stringify({ ...envelope(), consent: 'everyone' })), 400);
    await expectJsonError(await post(JSON.stringify({ ...envelope(), v: 1 })), 400);
    await expectJsonError(await post(JSON.stringify({ ...envelope(), v: 3 })), 400);
    // A key id the bundle does not pin: nobody could open the case, so it is not stored.
    const unknown = await post(JSON.stringify({ ...envelope(), keyId: 9 }));
    await expectJsonError(unknown, 400);
    const { keyId: _dropped, ...withoutKeyId } = envelope();
    await expectJsonError(await post(JSON.stringify(withoutKeyId)), 400);
  });

  it('refuses non-base64 fields', async () => {
    await expectJsonError(await post(JSON.stringify({ ...envelope(), nonce: 'not base64 at all!!' })), 400);
    await expectJsonError(await post(JSON.stringify({ ...envelope(), ciphertext: 'Ik heb schulden en weet niet wat ik moet doen' })), 400);
  });

  it('refuses keys and nonces of the wrong size', async () => {
    const env = envelope();
    await expectJsonError(await post(JSON.stringify({ ...env, mailboxId: toBase64(sodium, new Uint8Array(16)) })), 400);
    await expectJsonError(await post(JSON.stringify({ ...env, sealedKey: env.mailboxId })), 400);
  });

  it('refuses unpadded ciphertext', async () => {
    const unpadded = toBase64(sodium, sodium.randombytes_buf(500));
    await expectJsonError(await post(JSON.stringify({ ...envelope(), ciphertext: unpadded })), 400);
  });

  it('refuses plaintext dressed up as base64 ciphertext of the right size', async () => {
    const text = 'Ik heb schulden. '.repeat(70).slice(0, 1040);
    const disguised = toBase64(sodium, sodium.from_string(text));
    await expectJsonError(await post(JSON.stringify({ ...envelope(), ciphertext: disguised })), 400, 'not_an_envelope');
  });

  it('refuses plaintext-looking bodies of every shape', async () => {
    for (const body of ['Ik heb schulden', '"Ik heb schulden"', '["Ik heb schulden"]', '{"question":"Ik heb schulden"}', 'null', '42']) {
      const res = await post(body);
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
      expect(((await res.json()) as { error: unknown }).error, body).toBeTruthy();
    }
  });

  it('refuses an oversize body with 413', async () => {
    const big = JSON.stringify({ ...envelope(), ciphertext: 'A'.repeat(CASE_BODY_LIMIT) });
    await expectJsonError(await post(big), 413, 'body_too_large');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    await expectJsonError(await app.request('/api/nope', {}, d1.env), 404, 'not_found');
  });

  it('leaves no plaintext in the database files', async () => {
    const sentinel = 'SENTINEL-db-9f3a2c';
    expect((await post(JSON.stringify(envelope(`Mijn vraag ${sentinel}`)))).status).toBe(201);
    // Force the proxy to flush by reading back through it.
    await d1.env.DB.prepare('SELECT count(*) FROM cases').first();
    const files = filesUnder(d1.persistDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(file).includes(sentinel), file).toBe(false);
  });
});
