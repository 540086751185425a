// The two-way mailbox end to end through the API with real crypto: intake opens and
// assigns, the case manager replies, the resident reads with the code and deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createApp } from '../app';
import { startLocalD1, type LocalD1 } from '../../../tests/helpers/localD1';
import { signIn, loadSodium, type Sodium } from '../../../tests/helpers/sodiumNode';
import { askQuestion, openMailbox, sendFollowUp } from '../../../tests/helpers/resident';
import { postWithPow } from '../../../tests/helpers/pow';
import { openCasePayload } from '../../../src/lib/crypto/caseEnvelope';
import { makeNoteKey, openMessage, openSealedKey } from '../../../src/lib/crypto/caseMessages';
import { prepareNoteKey } from '../../../src/islands/staff/trust';
import { staffClient } from '../../../tests/helpers/staffConsole';
import { FOLLOW_UPS_PER_DAY } from './mailbox';
import type { CaseDetailJson } from '../../../src/islands/staff/types';
import { findTeam } from '../../../src/lib/config/teams';
import { MessagePayload } from '../../../src/lib/schemas/messagePayload';
import { QuestionPayload } from '../../../src/lib/schemas/questionPayload';

let d1: LocalD1;
let sodium: Sodium;
const app = createApp({ purge: false });
const request = (path: string, init?: RequestInit) => app.request(path, init, d1.env);
const post = (path: string, cookie: string, body: unknown) =>
  request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const get = (path: string, cookie: string) => request(path, { headers: { cookie } });

beforeAll(async () => {
  [d1, sodium] = await Promise.all([startLocalD1(), loadSodium()]);
});
afterAll(() => d1?.dispose());

/** Intake opens (audited) and assigns by re-sealing the case key in "the console". */
async function assign(intake: Awaited<ReturnType<typeof signIn>>, caseId: string, username: string) {
  const { prepared, res } = await staffClient(request, intake).assign(caseId, username);
  if (!prepared.ok || !res) throw new Error(`not assigned: ${prepared.ok ? 'no answer' : prepared.refusal}`);
  return res;
}

describe('two-way mailbox', () => {
  it('carries a question, an assignment, a reply, a follow-up and a deletion', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'centrum', consent: 'handler', text: 'Ik heb schulden' });
    const intake = await signIn(request, 'intake.centrum');

    // Intake opens (audited) and assigns to a case manager by re-sealing the case key.
    expect((await assign(intake, asked.id, 'casemanager.centrum')).status).toBe(201);
    // Consent "handler": a second grant is refused, by the API and by the database.
    const second = await assign(intake, asked.id, 'casemanager2.centrum');
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('consent_refuses');

    // The case manager sees it, opens the key from their grant, and replies.
    const manager = await signIn(request, 'casemanager.centrum');
    const console = staffClient(request, manager);
    const { detail, caseKey } = await console.open(asked.id);
    // The grant is signed by the certified intake worker: the console uses it.
    expect(caseKey.ok).toBe(true);
    if (!caseKey.ok) return;
    const question = openCasePayload(sodium, detail.case, caseKey.key);
    expect(question.ok && v.parse(QuestionPayload, question.value).question).toBe('Ik heb schulden');
    const replied = await console.reply(asked.id, caseKey.key, 1, 'Wij bellen u morgen');
    expect(replied.status).toBe(201);
    // The answer moves a new case on: the resident never sees "nieuw" above a reply.
    expect(((await replied.json()) as { status: string }).status).toBe('in_behandeling');
    // The same place twice is refused.
    expect((await console.reply(asked.id, caseKey.key, 1, 'Wij bellen u morgen')).status).toBe(409);

    // The other case manager: the API refuses and no key is sealed to them.
    const other = await signIn(request, 'casemanager2.centrum');
    expect((await get(`/api/staff/cases/${asked.id}`, other.cookie)).status).toBe(403);
    expect(openSealedKey(sodium, detail.case.grant!.sealedCaseKey, other.boxKeys!).ok).toBe(false);

    // The resident reads the reply with the code and sees access by role and day.
    const opened = await openMailbox(request, asked.mailboxId);
    expect(opened.status).toBe(200);
    const mailbox = (await opened.json()) as { messages: CaseDetailJson['messages']; access: { role: string; action: string; day: string }[]; case: CaseDetailJson['case'] };
    // The resident's browser opens the question itself: the key id bound in it comes along.
    expect(mailbox.case.keyId).toBe(1);
    expect(openCasePayload(sodium, mailbox.case, asked.caseKey)).toMatchObject({ ok: true, value: { question: 'Ik heb schulden' } });
    const m = mailbox.messages[0]!;
    const text = openMessage(sodium, asked.caseKey, { caseId: asked.id, direction: m.direction, seq: m.seq }, m);
    expect(text.ok && v.parse(MessagePayload, text.value).text).toBe('Wij bellen u morgen');
    expect(mailbox.case.status).toBe('in_behandeling');
    const roles = new Set(mailbox.access.map((a) => a.role));
    expect(roles).toEqual(new Set(['intake', 'casemanager']));
    // Who answered is for colleagues: the staff view names them, the resident's has no name or id.
    expect(JSON.stringify(mailbox)).not.toMatch(/demo-|Ilse|Cor|author/);
    const staffView = (await console.open(asked.id)).detail;
    expect(staffView.messages[0]).toMatchObject({ authorId: expect.stringMatching(/^demo-/), authorName: expect.stringContaining('Cor') });

    // Follow-up in sequence; a repeat of the same seq is refused.
    expect((await sendFollowUp(request, sodium, asked, 2, 'Dank u, morgen na 10 uur')).status).toBe(201);
    expect((await sendFollowUp(request, sodium, asked, 2, 'dubbel')).status).toBe(409);

    // Delete with the code; afterwards the code finds nothing, like a wrong code.
    // Without a proof of work nothing is deleted; with one, it is.
    expect((await request('/api/mailbox/delete', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mailboxId: asked.mailboxId }) })).status).toBe(428);
    const del = await postWithPow(request, '/api/mailbox/delete', 'change', { mailboxId: asked.mailboxId });
    expect(del.status).toBe(204);
    const gone = await openMailbox(request, asked.mailboxId);
    expect(gone.status).toBe(404);
    const wrong = await openMailbox(request, sodium.to_base64(sodium.randombytes_buf(32), sodium.base64_variants.ORIGINAL));
    expect(wrong.status).toBe(404);
    expect(await gone.json()).toEqual(await wrong.json());
    for (const table of ['messages', 'case_grants', 'notes']) {
      const row = await d1.env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE case_id = ?`).bind(asked.id).first<{ n: number }>();
      expect(row!.n, table).toBe(0);
    }
    expect((await get(`/api/staff/cases/${asked.id}`, manager.cookie)).status).toBe(404);
  });

  it('lets the team discuss a case when the resident allowed it', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'zuid', consent: 'team' });
    const intake = await signIn(request, 'intake.centrum');
    expect((await assign(intake, asked.id, 'casemanager.centrum')).status).toBe(201);
    expect((await assign(intake, asked.id, 'casemanager2.centrum')).status).toBe(201);
  });

  it('keeps internal notes from the resident and from the code', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    const intake = await signIn(request, 'intake.centrum');
    const console = staffClient(request, intake);
    const made = await console.ensureNoteKey(asked.id);
    if (!made.ok) throw new Error('no note key');
    const noteKey = made.key;
    // Only once: a second note key would split the notes.
    const second = prepareNoteKey(intake.vault!, intake.staff!, { id: asked.id, teamId: 'centrum-oost', protocol: 2, keyId: 1 }, findTeam('centrum-oost')!, makeNoteKey(sodium))!;
    expect((await post(`/api/staff/cases/${asked.id}/note-key`, intake.cookie, second)).status).toBe(409);
    const { sealed: note, res } = await console.note(asked.id, noteKey, 'Intern: eerst schuldhulp bellen');
    expect(res.status).toBe(201);
    // The same note id again: a conflict with a JSON error, never a 500.
    const noteId = (await d1.env.DB.prepare('SELECT id FROM notes WHERE case_id = ?').bind(asked.id).first<{ id: string }>())!.id;
    const again = await console.note(asked.id, noteKey, 'nog een keer', noteId);
    expect(again.res.status).toBe(409);
    expect(((await again.res.json()) as { error: { code: string } }).error.code).toBe('duplicate_id');
    const mailbox = await (await openMailbox(request, asked.mailboxId)).text();
    expect(mailbox).not.toContain(note.ciphertext);
    expect(mailbox).not.toContain('notes');
    // The case key from the code does not open the note.
    expect(sodium.to_base64(asked.caseKey)).not.toBe(sodium.to_base64(noteKey));
  });

  it('takes at most a day’s worth of follow-ups per case, then 429 with Retry-After', async () => {
    const asked = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    for (let seq = 1; seq <= FOLLOW_UPS_PER_DAY; seq++) expect((await sendFollowUp(request, sodium, asked, seq, `bericht ${seq}`)).status).toBe(201);
    const over = await sendFollowUp(request, sodium, asked, FOLLOW_UPS_PER_DAY + 1, 'nog een');
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('too_many_messages');
    const wait = Number(over.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(24 * 3600);
    // Another case of the same day is not affected.
    const other = await askQuestion(request, sodium, { neighbourhood: 'oost' });
    expect((await sendFollowUp(request, sodium, other, 1, 'andere vraag')).status).toBe(201);
  });

  it('refuses malformed mailbox requests with a JSON error', async () => {
    for (const body of [{}, { mailboxId: 'kort' }, { mailboxId: 'A'.repeat(43) + '=', extra: 1 }]) {
      const res = await postWithPow(request, '/api/mailbox/open', 'lookup', body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_body');
    }
  });
});
