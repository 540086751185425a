// The storage adapter: the only code that writes SQL. It refuses anything that is not
// a well-formed envelope, so plaintext cannot be stored by mistake (SecureDrop's rule).
import * as v from 'valibot';
import { CaseEnvelope } from '../../src/lib/schemas/caseEnvelope';
import { NotAnEnvelopeError } from './errors';
import { base64ToBytes, looksLikePlaintext, sha256Base64 } from './bytes';

export type Role = 'intake' | 'casemanager' | 'teamlead' | 'privacy';

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  team_id: string | null;
  role: Role;
  status: 'pending' | 'active' | 'revoked';
  salt: string;
  auth_hash: string;
  box_public_key: string;
  sign_public_key: string;
  key_blob: string;
  key_blob_nonce: string;
  certificate: string | null;
  certificate_signature: string | null;
}

export interface CaseRow {
  id: string;
  team_id: string;
  kind: 'question' | 'appointment';
  consent: 'handler' | 'team';
  protocol: number;
  nonce: string;
  ciphertext: string;
  sealed_key: string;
  sealed_note_key: string | null;
  key_id: number | null;
  note_key_by: string | null;
  note_key_signature: string | null;
  status: 'nieuw' | 'in_behandeling' | 'afgerond';
  created_day: string;
  last_activity_day: string | null;
  closed_day: string | null;
  opened: number;
}

export interface MessageRow {
  case_id: string;
  seq: number;
  direction: 'resident' | 'staff';
  nonce: string;
  ciphertext: string;
  created_day: string;
}

export interface CaseGrantRow {
  case_id: string;
  staff_id: string;
  sealed_case_key: string;
  sealed_note_key: string;
  granted_by: string;
  created_day: string;
  signature: string | null;
}

export interface TeamKeyGrantRow {
  staff_id: string;
  team_id: string;
  kind: 'box' | 'sign';
  key_id: number;
  sealed_secret_key: string;
  granted_by: string | null;
  signature: string | null;
}

export interface NoteRow {
  id: string;
  case_id: string;
  staff_id: string;
  nonce: string;
  ciphertext: string;
  created_day: string;
}

const CASE_COLUMNS = `id, team_id, kind, consent, protocol, key_id, nonce, ciphertext, sealed_key, sealed_note_key, note_key_by, note_key_signature, status,
  created_day, last_activity_day, closed_day, opened`;

export interface SessionRow {
  token_hash: string;
  staff_id: string;
  created_at: number;
  last_seen_at: number;
}

/** UTC calendar day: the only server-side time a case gets. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createStorage(db: D1Database) {
  /**
   * Checks a new case and returns the statement that stores it, for callers that put
   * it in a batch. Throws NotAnEnvelopeError for anything that is not one. With
   * whileSlotFree the row is written only while that slot is still free.
   */
  async function prepareCase(input: unknown, now: Date, options: { whileSlotFree?: string } = {}) {
    const parsed = v.safeParse(CaseEnvelope, input);
    if (!parsed.success) throw new NotAnEnvelopeError(`Refused to store: ${parsed.issues[0]?.message ?? 'not an envelope'}`);
    const envelope = parsed.output;
    if (looksLikePlaintext(base64ToBytes(envelope.ciphertext))) {
      throw new NotAnEnvelopeError('Refused to store: ciphertext looks like plaintext');
    }
    const id = crypto.randomUUID();
    const mailboxHash = await sha256Base64(base64ToBytes(envelope.mailboxId));
    const values = [
      id, envelope.teamId, envelope.kind, envelope.consent, mailboxHash, envelope.v, envelope.keyId, envelope.nonce, envelope.ciphertext, envelope.sealedKey, dayOf(now),
    ];
    const columns = 'INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, key_id, nonce, ciphertext, sealed_key, created_day)';
    const statement = options.whileSlotFree
      ? db
          .prepare(`${columns} SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM slots WHERE id = ? AND status = 'free')`)
          .bind(...values, options.whileSlotFree)
      : db.prepare(`${columns} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).bind(...values);
    return { id, statement };
  }

  return {
    prepareCase,

    async mailboxExists(mailboxId: string): Promise<boolean> {
      const hash = await sha256Base64(base64ToBytes(mailboxId));
      return (await db.prepare('SELECT 1 FROM cases WHERE mailbox_hash = ?').bind(hash).first()) !== null;
    },

    async findCase(id: string): Promise<CaseRow | null> {
      return db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = ?`).bind(id).first<CaseRow>();
    },

    async findCaseByMailbox(mailboxId: string): Promise<CaseRow | null> {
      const hash = await sha256Base64(base64ToBytes(mailboxId));
      return db.prepare(`SELECT ${CASE_COLUMNS} FROM cases WHERE mailbox_hash = ?`).bind(hash).first<CaseRow>();
    },

    async messages(caseId: string): Promise<MessageRow[]> {
      const { results } = await db.prepare('SELECT * FROM messages WHERE case_id = ? ORDER BY seq').bind(caseId).all<MessageRow>();
      return results;
    },

    async grants(caseId: string): Promise<CaseGrantRow[]> {
      const { results } = await db.prepare('SELECT * FROM case_grants WHERE case_id = ?').bind(caseId).all<CaseGrantRow>();
      return results;
    },

    async notes(caseId: string): Promise<NoteRow[]> {
      const { results } = await db.prepare('SELECT * FROM notes WHERE case_id = ? ORDER BY created_day, rowid').bind(caseId).all<NoteRow>();
      return results;
    },

    /**
     * Appends a message. The messages_in_sequence trigger aborts the whole batch with
     * 'seq_conflict' unless seq is the next one, so two writers cannot take one place.
     */
    /** A message; authorId is the member who wrote a staff message (never shown to the resident). */
    insertMessageStatement(caseId: string, direction: 'resident' | 'staff', seq: number, nonce: string, ciphertext: string, day: string, authorId: string | null = null) {
      return db
        .prepare('INSERT INTO messages (case_id, seq, direction, nonce, ciphertext, created_day, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .bind(caseId, seq, direction, nonce, ciphertext, day, authorId);
    },

    /** The conversation as staff see it: with the name of the colleague who wrote each staff message. */
    async messagesForStaff(caseId: string): Promise<(MessageRow & { author_id: string | null; author_name: string | null })[]> {
      const { results } = await db
        .prepare('SELECT m.*, s.display_name AS author_name FROM messages m LEFT JOIN staff s ON s.id = m.author_id WHERE m.case_id = ? ORDER BY m.seq')
        .bind(caseId)
        .all<MessageRow & { author_id: string | null; author_name: string | null }>();
      return results;
    },

    async nextSeq(caseId: string): Promise<number> {
      const row = await db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM messages WHERE case_id = ?').bind(caseId).first<{ next: number }>();
      return row?.next ?? 1;
    },

    touchCaseStatement(caseId: string, day: string) {
      return db.prepare('UPDATE cases SET last_activity_day = ? WHERE id = ?').bind(day, caseId);
    },

    /** Removes a case and everything hanging off it in one batch, and frees its slot; its objects go to the trash. */
    deleteCaseStatements(caseId: string) {
      return [
        db.prepare("UPDATE slots SET status = 'free', case_id = NULL, idempotency_hash = NULL WHERE case_id = ?").bind(caseId),
        db.prepare('DELETE FROM messages WHERE case_id = ?').bind(caseId),
        db.prepare('DELETE FROM case_grants WHERE case_id = ?').bind(caseId),
        db.prepare('DELETE FROM notes WHERE case_id = ?').bind(caseId),
        db.prepare('DELETE FROM case_views WHERE case_id = ?').bind(caseId),
        // The attachments_to_trash trigger puts their objects in object_trash; emptyTrash deletes them.
        db.prepare('DELETE FROM attachments WHERE case_id = ?').bind(caseId),
        db.prepare('DELETE FROM cases WHERE id = ?').bind(caseId),
      ];
    },

    async teamMembers(teamId: string): Promise<StaffRow[]> {
      const { results } = await db.prepare('SELECT * FROM staff WHERE team_id = ? ORDER BY role, display_name').bind(teamId).all<StaffRow>();
      return results;
    },

    async findStaffByUsername(username: string): Promise<StaffRow | null> {
      return db.prepare('SELECT * FROM staff WHERE username = ?').bind(username).first<StaffRow>();
    },

    async findStaffById(id: string): Promise<StaffRow | null> {
      return db.prepare('SELECT * FROM staff WHERE id = ?').bind(id).first<StaffRow>();
    },

    async teamKeyGrantsFor(staffId: string): Promise<TeamKeyGrantRow[]> {
      const { results } = await db.prepare('SELECT * FROM team_key_grants WHERE staff_id = ? ORDER BY kind, key_id').bind(staffId).all<TeamKeyGrantRow>();
      return results;
    },

    async createSession(tokenHash: string, staffId: string, nowSeconds: number): Promise<void> {
      await db
        .prepare('INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
        .bind(tokenHash, staffId, nowSeconds, nowSeconds)
        .run();
    },

    async findSession(tokenHash: string): Promise<SessionRow | null> {
      return db.prepare('SELECT * FROM sessions WHERE token_hash = ?').bind(tokenHash).first<SessionRow>();
    },

    async touchSession(tokenHash: string, nowSeconds: number): Promise<void> {
      await db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').bind(nowSeconds, tokenHash).run();
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.prepare('DELETE FROM sessions WHERE token_hash = ?').bind(tokenHash).run();
    },
  };
}

export type Storage = ReturnType<typeof createStorage>;
