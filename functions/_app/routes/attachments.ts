// Attachments: a resident uploads sealed files with their code (the mailbox id proves it,
// as for follow-ups); staff fetch them under the same rules as reading the case. The
// body of an upload is the sealed object itself; the API checks that it is one (a size
// class, random-looking bytes), links it to the case by a random object key and never
// sees a name, type or exact size: those are inside the message that carries the key.
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { apiError, isConstraint } from '../errors';
import { limitBody } from '../limits';
import { requireStaff } from '../session';
import { loadCase } from '../staffCase';
import { createStorage, dayOf } from '../storage';
import { assertSealedObject, emptyTrashAfterDelete, pendingUntil } from '../objectStore';
import { ATTACHMENT_MAX_OBJECT_BYTES } from '../../../src/lib/crypto/attachmentBuckets';
import { attachmentId } from '../../../src/lib/schemas/attachmentRef';
import { ATTACHMENT_ID_HEADER, ATTACHMENT_MAILBOX_HEADER, AttachmentUpload } from '../../../src/lib/schemas/attachmentUpload';
import { MAX_ATTACHMENTS } from '../../../src/lib/schemas/attachmentList';

/** Per case: at most five files in each of five messages, and 100 MiB of sealed objects. */
export const ATTACHMENTS_PER_CASE = 5 * MAX_ATTACHMENTS;
export const ATTACHMENT_BYTES_PER_CASE = 100 * 1024 * 1024;

function bucketOf(c: { env: AppEnv['Bindings'] }): R2Bucket {
  if (!c.env.FILES) throw apiError(503, 'no_file_store', 'Attachments cannot be stored here');
  return c.env.FILES;
}

export const residentAttachments = new Hono<AppEnv>().post('/', limitBody(ATTACHMENT_MAX_OBJECT_BYTES), async (c) => {
  const bucket = bucketOf(c);
  if (!/^application\/octet-stream\b/i.test(c.req.header('content-type') ?? '')) {
    throw apiError(415, 'unsupported_media_type', 'Send the sealed file as application/octet-stream');
  }
  const parsed = v.safeParse(AttachmentUpload, { mailboxId: c.req.header(ATTACHMENT_MAILBOX_HEADER), attachmentId: c.req.header(ATTACHMENT_ID_HEADER) });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw apiError(400, 'invalid_headers', `${v.getDotPath(issue) ?? 'headers'}: ${issue.message}`);
  }
  const found = await createStorage(c.env.DB).findCaseByMailbox(parsed.output.mailboxId);
  if (!found) throw apiError(404, 'not_found', 'No case found for this code');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  assertSealedObject(bytes);
  const db = c.env.DB;
  const used = await db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM attachments WHERE case_id = ?').bind(found.id).first<{ n: number; bytes: number }>();
  if ((used?.n ?? 0) >= ATTACHMENTS_PER_CASE || (used?.bytes ?? 0) + bytes.length > ATTACHMENT_BYTES_PER_CASE) {
    throw apiError(409, 'attachment_limit', `A case holds at most ${ATTACHMENTS_PER_CASE} files and ${ATTACHMENT_BYTES_PER_CASE / 1024 / 1024} MiB`);
  }
  const now = c.var.now();
  const objectKey = crypto.randomUUID();
  // Pending in the trash until its row exists: an upload that dies halfway leaves nothing for long.
  await db.prepare('INSERT INTO object_trash (object_key, pending_until) VALUES (?, ?)').bind(objectKey, pendingUntil(now)).run();
  await bucket.put(objectKey, bytes);
  let stored = false;
  try {
    const [insert] = await db.batch([
      // Only while the case exists and is under its count (two uploads at once cannot both pass).
      db.prepare(
        `INSERT INTO attachments (case_id, id, object_key, size, created_day)
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM cases WHERE id = ?1) AND (SELECT COUNT(*) FROM attachments WHERE case_id = ?1) < ?6`,
      ).bind(found.id, parsed.output.attachmentId, objectKey, bytes.length, dayOf(now), ATTACHMENTS_PER_CASE),
      db.prepare('DELETE FROM object_trash WHERE object_key = ?1 AND EXISTS (SELECT 1 FROM attachments WHERE object_key = ?1)').bind(objectKey),
    ]);
    stored = (insert?.meta.changes ?? 0) > 0;
  } catch (err) {
    if (!isConstraint(err, 'unique')) throw err;
    await discard(c.env, objectKey, now);
    throw apiError(409, 'attachment_exists', 'This case already has a file with this id');
  }
  if (!stored) {
    await discard(c.env, objectKey, now);
    throw apiError(409, 'attachment_limit', 'The case is gone or holds as many files as it may');
  }
  return c.json({ id: parsed.output.attachmentId }, 201);
});

/** An object whose row was refused: into the trash for deletion now. */
async function discard(env: AppEnv['Bindings'], objectKey: string, now: Date) {
  await env.DB.prepare('UPDATE object_trash SET pending_until = NULL WHERE object_key = ?').bind(objectKey).run();
  await emptyTrashAfterDelete(env, now);
}

/**
 * Staff fetch a sealed file of a case they may read (loadCase: team, grant, consent).
 * The key is in the case's message, whose opening is audited as a read; the object
 * alone is ciphertext, so fetching it writes no audit row of its own.
 */
export const staffAttachments = new Hono<AppEnv>().use(requireStaff).get('/:id/attachments/:attachmentId', async (c) => {
  const { row } = await loadCase(c);
  const id = v.safeParse(attachmentId, c.req.param('attachmentId'));
  if (!id.success) throw apiError(404, 'not_found', 'No such attachment');
  const found = await c.env.DB.prepare('SELECT object_key FROM attachments WHERE case_id = ? AND id = ?').bind(row.id, id.output).first<{ object_key: string }>();
  if (!found) throw apiError(404, 'not_found', 'No such attachment');
  const object = await bucketOf(c).get(found.object_key);
  if (!object) throw apiError(404, 'attachment_missing', 'The stored file is missing');
  return new Response(object.body, {
    status: 200,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(object.size), 'cache-control': 'no-store' },
  });
});
