// Attachments through the API with real libsodium, a real local D1 and wrangler's local
// R2: the store takes only sealed objects of a size class, bound to a case by the code;
// staff read them under the case's rules; deleting the case (resident, staff, junk,
// retention) deletes the objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { loadSodium, signIn, type Sodium } from '../../../tests/helpers/sodiumNode';
import { askQuestion, uploadAttachment, uploadObject, type AskedCase } from '../../../tests/helpers/resident';
import { postWithPow } from '../../../tests/helpers/pow';
import { staffClient } from '../../../tests/helpers/staffConsole';
import { openAttachment } from '../../../src/lib/crypto/attachmentCipher';
import { objectBytesFor } from '../../../src/lib/crypto/attachmentBuckets';
import { ATTACHMENT_ID_HEADER, ATTACHMENT_MAILBOX_HEADER } from '../../../src/lib/schemas/attachmentUpload';
import { ATTACHMENTS_PER_CASE } from './attachments';
import { purgeIfDue } from '../retention';

let d1: LocalD1;
let sodium: Sodium;
let now = new Date();
const app = createApp({ clock: () => now, purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

const bucket = () => d1.env.FILES!;
const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
const PDF = new TextEncoder().encode(`%PDF-1.4\n% SENTINEL-in-a-pdf\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(40)}%%EOF\n`);

async function objectKeysOf(caseId: string): Promise<string[]> {
  const { results } = await d1.env.DB.prepare('SELECT object_key FROM attachments WHERE case_id = ?').bind(caseId).all<{ object_key: string }>();
  return results.map((r) => r.object_key);
}

async function storedKeys(): Promise<string[]> {
  return (await bucket().list()).objects.map((o) => o.key);
}

async function withTwoFiles(): Promise<{ asked: AskedCase; keys: string[] }> {
  const asked = await askQuestion(request, sodium, { neighbourhood: 'oost', consent: 'team' });
  for (const file of [PDF, sodium.randombytes_buf(70_000)]) expect((await uploadAttachment(request, sodium, asked, file)).res.status).toBe(201);
  const keys = await objectKeysOf(asked.id);
  expect(keys).toHaveLength(2);
  return { asked, keys };
}

describe('attachment uploads', () => {
  it('stores a sealed file under a random key, linked to the case; the object holds no plaintext', async () => {
    const asked = await askQuestion(request, sodium);
    const up = await uploadAttachment(request, sodium, asked, PDF);
    expect(up.res.status).toBe(201);
    expect(await up.res.json()).toEqual({ id: up.id });
    const row = await d1.env.DB.prepare('SELECT * FROM attachments WHERE case_id = ?').bind(asked.id).first<{ id: string; object_key: string; size: number }>();
    expect(row?.id).toBe(up.id);
    // Random, not the browser's id and not derived from the content.
    expect(row?.object_key).not.toBe(up.id);
    expect(row?.size).toBe(objectBytesFor(1));
    const stored = new Uint8Array(await (await bucket().get(row!.object_key))!.arrayBuffer());
    expect(Buffer.from(stored).equals(Buffer.from(up.object))).toBe(true);
    expect(Buffer.from(stored).includes('SENTINEL')).toBe(false);
    expect(Buffer.from(stored).includes('%PDF')).toBe(false);
    // Nothing left pending in the trash once the row exists.
    expect(await d1.env.DB.prepare('SELECT COUNT(*) AS n FROM object_trash').first('n')).toBe(0);
  });

  it('refuses anything that is not a sealed object of a size class, without a code, proof of work or the right headers', async () => {
    const asked = await askQuestion(request, sodium);
    const before = (await storedKeys()).length;
    // The file itself, as it is: plaintext of no size class.
    let res = await uploadObject(request, asked.mailboxId, PDF);
    expect([res.status, await errorCode(res)]).toEqual([400, 'not_an_envelope']);
    // Padded to a size class, but readable.
    const padded = new Uint8Array(objectBytesFor(1)).fill(0x41);
    res = await uploadObject(request, asked.mailboxId, padded);
    expect([res.status, await errorCode(res)]).toEqual([400, 'not_an_envelope']);
    // Random bytes one byte short of a size class.
    res = await uploadObject(request, asked.mailboxId, sodium.randombytes_buf(objectBytesFor(1) - 1));
    expect([res.status, await errorCode(res)]).toEqual([400, 'not_an_envelope']);
    // A code that opens no case.
    res = await uploadObject(request, sodium.to_base64(sodium.randombytes_buf(32), sodium.base64_variants.ORIGINAL), sodium.randombytes_buf(objectBytesFor(1)));
    expect(res.status).toBe(404);
    // JSON instead of the object; headers missing or wrong.
    res = await uploadObject(request, asked.mailboxId, sodium.randombytes_buf(objectBytesFor(1)), crypto.randomUUID(), undefined, 'application/json');
    expect(res.status).toBe(415);
    res = await uploadObject(request, asked.mailboxId, sodium.randombytes_buf(objectBytesFor(1)), 'not-a-uuid');
    expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_headers']);
    res = await request('/api/mailbox/attachments', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', [ATTACHMENT_MAILBOX_HEADER]: asked.mailboxId, [ATTACHMENT_ID_HEADER]: crypto.randomUUID() },
      body: sodium.randombytes_buf(objectBytesFor(1)).slice(),
    });
    expect(res.status).toBe(428);
    // Larger than the largest size class.
    res = await uploadObject(request, asked.mailboxId, new Uint8Array(objectBytesFor(160) + 1));
    expect([res.status, await errorCode(res)]).toEqual([413, 'body_too_large']);
    expect((await storedKeys()).length).toBe(before);
  });

  it('refuses a repeated id and a case past its count, and leaves no object behind', async () => {
    const asked = await askQuestion(request, sodium);
    const first = await uploadAttachment(request, sodium, asked, PDF);
    const before = await storedKeys();
    const again = await uploadAttachment(request, sodium, asked, PDF, first.id);
    expect([again.res.status, await errorCode(again.res)]).toEqual([409, 'attachment_exists']);
    const fill = Array.from({ length: ATTACHMENTS_PER_CASE - 1 }, (_, i) =>
      d1.env.DB.prepare('INSERT INTO attachments (case_id, id, object_key, size, created_day) VALUES (?, ?, ?, ?, ?)').bind(asked.id, crypto.randomUUID(), `fake-${asked.id}-${i}`, 1, '2026-01-01'),
    );
    await d1.env.DB.batch(fill);
    const over = await uploadAttachment(request, sodium, asked, PDF);
    expect([over.res.status, await errorCode(over.res)]).toEqual([409, 'attachment_limit']);
    expect((await storedKeys()).sort()).toEqual(before.sort());
  });
});

describe('staff read attachments as they read the case', () => {
  it('intake fetches the object and opens it; a case manager without a grant and another team cannot', async () => {
    const { asked } = await withTwoFiles();
    const up = await uploadAttachment(request, sodium, asked, PDF);
    const intake = await signIn(request, 'intake.centrum');
    const res = await request(`/api/staff/cases/${asked.id}/attachments/${up.id}`, { headers: { cookie: intake.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const opened = openAttachment(sodium, new Uint8Array(await res.arrayBuffer()), up.key, PDF.length);
    expect(opened.ok && new TextDecoder().decode(opened.bytes)).toContain('SENTINEL-in-a-pdf');

    const manager = await signIn(request, 'casemanager.centrum');
    expect((await request(`/api/staff/cases/${asked.id}/attachments/${up.id}`, { headers: { cookie: manager.cookie } })).status).toBe(403);
    const other = await signIn(request, 'intake.nieuwland');
    expect((await request(`/api/staff/cases/${asked.id}/attachments/${up.id}`, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect((await request(`/api/staff/cases/${asked.id}/attachments/${up.id}`)).status).toBe(401);
    expect((await request(`/api/staff/cases/${asked.id}/attachments/${crypto.randomUUID()}`, { headers: { cookie: intake.cookie } })).status).toBe(404);

    // Once assigned, the case manager may.
    const { res: assigned } = await staffClient(request, intake).assign(asked.id, 'casemanager.centrum');
    expect(assigned?.status).toBe(201);
    expect((await request(`/api/staff/cases/${asked.id}/attachments/${up.id}`, { headers: { cookie: manager.cookie } })).status).toBe(200);
  });
});

describe('attachments follow the case when it is deleted', () => {
  it('the resident deletes the case: its objects leave the bucket at once', async () => {
    const { asked, keys } = await withTwoFiles();
    const other = await withTwoFiles();
    expect(await storedKeys()).toEqual(expect.arrayContaining([...keys, ...other.keys]));
    expect((await postWithPow(request, '/api/mailbox/delete', 'change', { mailboxId: asked.mailboxId })).status).toBe(204);
    const left = await storedKeys();
    for (const key of keys) expect(left).not.toContain(key);
    expect(left).toEqual(expect.arrayContaining(other.keys));
    expect(await d1.env.DB.prepare('SELECT COUNT(*) AS n FROM object_trash').first('n')).toBe(0);
  });

  it('a team lead deletes a case, or removes junk: the objects go too', async () => {
    const lead = await signIn(request, 'teamlead.centrum');
    const one = await withTwoFiles();
    expect((await staffClient(request, lead).remove(one.asked.id)).status).toBe(204);
    const junk = await withTwoFiles();
    const selection = { kind: 'ids', ids: [junk.asked.id] };
    const { actionDetail } = await import('../../../src/lib/audit/auditRecord');
    const res = await request('/api/staff/junk', {
      method: 'POST',
      headers: { cookie: lead.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ selection, signed: lead.sign!({ action: 'case.junk', detail: await actionDetail.junk(selection as never) }) }),
    });
    expect(res.status).toBe(200);
    const left = await storedKeys();
    for (const key of [...one.keys, ...junk.keys]) expect(left).not.toContain(key);
  });

  it('retention: the purge deletes an expired case and its objects, and uploads that died halfway after their day', async () => {
    now = new Date('2026-01-10T12:00:00Z');
    const { asked, keys } = await withTwoFiles();
    // An upload that stopped between the bucket and the database: pending until the day is over.
    await d1.env.DB.prepare('INSERT INTO object_trash (object_key, pending_until) VALUES (?, ?)').bind('stray-upload', Date.UTC(2026, 0, 11) / 1000).run();
    await bucket().put('stray-upload', sodium.randombytes_buf(100));
    now = new Date('2026-01-10T13:00:00Z');
    await d1.env.DB.prepare("DELETE FROM maintenance WHERE task = 'purge'").run();
    await purgeIfDue(d1.env, now);
    expect(await storedKeys()).toEqual(expect.arrayContaining([...keys, 'stray-upload']));
    // 91 days later the never-opened case is past retention.
    now = new Date('2026-04-12T13:00:00Z');
    await d1.env.DB.prepare("DELETE FROM maintenance WHERE task = 'purge'").run();
    await purgeIfDue(d1.env, now);
    expect(await d1.env.DB.prepare('SELECT 1 FROM cases WHERE id = ?').bind(asked.id).first()).toBeNull();
    const left = await storedKeys();
    for (const key of [...keys, 'stray-upload']) expect(left).not.toContain(key);
    now = new Date();
  });
});
