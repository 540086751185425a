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
  status: 'active' | 'revoked';
  salt: string;
  auth_hash: string;
  box_public_key: string;
  sign_public_key: string;
  key_blob: string;
  key_blob_nonce: string;
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
  status: 'nieuw' | 'in_behandeling' | 'afgerond';
  created_day: string;
}

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
  return {
    /** Stores a new case. Throws NotAnEnvelopeError for anything that is not one. */
    async insertCase(input: unknown, now: Date): Promise<{ id: string }> {
      const parsed = v.safeParse(CaseEnvelope, input);
      if (!parsed.success) throw new NotAnEnvelopeError(`Refused to store: ${parsed.issues[0]?.message ?? 'not an envelope'}`);
      const envelope = parsed.output;
      if (looksLikePlaintext(base64ToBytes(envelope.ciphertext))) {
        throw new NotAnEnvelopeError('Refused to store: ciphertext looks like plaintext');
      }
      const id = crypto.randomUUID();
      const mailboxHash = await sha256Base64(base64ToBytes(envelope.mailboxId));
      await db
        .prepare(
          `INSERT INTO cases (id, team_id, kind, consent, mailbox_hash, protocol, nonce, ciphertext, sealed_key, created_day)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(id, envelope.teamId, envelope.kind, envelope.consent, mailboxHash, envelope.v, envelope.nonce, envelope.ciphertext, envelope.sealedKey, dayOf(now))
        .run();
      return { id };
    },

    async mailboxExists(mailboxId: string): Promise<boolean> {
      const hash = await sha256Base64(base64ToBytes(mailboxId));
      return (await db.prepare('SELECT 1 FROM cases WHERE mailbox_hash = ?').bind(hash).first()) !== null;
    },

    /** Newest first: by day, then by insertion order within the day. */
    async listTeamCases(teamId: string): Promise<CaseRow[]> {
      const { results } = await db
        .prepare(
          `SELECT id, team_id, kind, consent, protocol, nonce, ciphertext, sealed_key, status, created_day
           FROM cases WHERE team_id = ? ORDER BY created_day DESC, rowid DESC LIMIT 500`,
        )
        .bind(teamId)
        .all<CaseRow>();
      return results;
    },

    async findStaffByUsername(username: string): Promise<StaffRow | null> {
      return db.prepare('SELECT * FROM staff WHERE username = ?').bind(username).first<StaffRow>();
    },

    async findStaffById(id: string): Promise<StaffRow | null> {
      return db.prepare('SELECT * FROM staff WHERE id = ?').bind(id).first<StaffRow>();
    },

    async teamKeyGrantsFor(staffId: string): Promise<{ team_id: string; sealed_secret_key: string }[]> {
      const { results } = await db
        .prepare('SELECT team_id, sealed_secret_key FROM team_key_grants WHERE staff_id = ?')
        .bind(staffId)
        .all<{ team_id: string; sealed_secret_key: string }>();
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
