// The hash-chained audit log. Each row's hash covers the previous row's hash and its
// own fields, so changing, removing or reordering a row breaks the chain from there.
// Rows hold ids, roles and days only, never content.
import { sha256Base64 } from './bytes';
import { dayOf } from './storage';
import { isConstraint } from './errors';

const randomFraction = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

export const AUDIT_GENESIS = 'achterom/audit/genesis';

export type AuditAction =
  | 'case.read'
  | 'case.reply'
  | 'case.status'
  | 'case.assign'
  | 'case.note'
  | 'case.delete'
  | 'case.delete_by_resident'
  | 'case.purge'
  | 'member.invite'
  | 'member.activate'
  | 'member.approve'
  | 'member.revoke'
  | 'member.passphrase';

export interface AuditEntry {
  staffId: string | null;
  /** intake, casemanager, teamlead, privacy; 'resident' or 'system' for the others */
  role: string;
  teamId: string | null;
  action: AuditAction;
  caseId?: string | null;
  subjectId?: string | null;
}

export interface AuditRow {
  id: number;
  day: string;
  staff_id: string | null;
  role: string;
  team_id: string | null;
  action: string;
  case_id: string | null;
  subject_id: string | null;
  prev_hash: string;
  hash: string;
}

function canonical(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([row.prev_hash, row.id, row.day, row.staff_id, row.role, row.team_id, row.action, row.case_id, row.subject_id]);
}

export async function auditHash(row: Omit<AuditRow, 'hash'>): Promise<string> {
  return sha256Base64(canonical(row));
}

/**
 * Runs the given statements and appends one audit row, all in one D1 batch (a
 * transaction). The row takes the next id explicitly: if another request appended
 * first, the primary key collides, the whole batch rolls back and we retry on the
 * new chain head.
 */
export async function runAudited(db: D1Database, entry: AuditEntry, now: Date, statements: D1PreparedStatement[] = []): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    // Jittered backoff after a collision, so racing appends spread out (timing only;
    // still drawn from the platform CSPRNG, as everything random in this project).
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, randomFraction() * 5 * Math.min(attempt, 10)));
    const head = await db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').first<{ id: number; hash: string }>();
    const row = {
      id: (head?.id ?? 0) + 1,
      day: dayOf(now),
      staff_id: entry.staffId,
      role: entry.role,
      team_id: entry.teamId,
      action: entry.action,
      case_id: entry.caseId ?? null,
      subject_id: entry.subjectId ?? null,
      prev_hash: head?.hash ?? AUDIT_GENESIS,
    };
    const hash = await auditHash(row);
    const insert = db
      .prepare(
        `INSERT INTO audit_log (id, day, staff_id, role, team_id, action, case_id, subject_id, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(row.id, row.day, row.staff_id, row.role, row.team_id, row.action, row.case_id, row.subject_id, row.prev_hash, hash);
    try {
      await db.batch([...statements, insert]);
      return;
    } catch (err) {
      // Retry only when our audit id was taken by a concurrent append.
      if (!isConstraint(err, 'unique') || !(await idTaken(db, row.id))) throw err;
    }
  }
  throw new Error('audit log busy');
}

async function idTaken(db: D1Database, id: number): Promise<boolean> {
  return (await db.prepare('SELECT 1 FROM audit_log WHERE id = ?').bind(id).first()) !== null;
}

/** missing: a row was removed; relinked: a row does not follow its predecessor; changed: a row's content no longer matches its hash. */
export type ChainBreak = 'missing' | 'relinked' | 'changed';
export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; code: ChainBreak; reason: string };

/** Recomputes the whole chain. Reports the first row where it breaks. */
export async function verifyAuditChain(db: D1Database): Promise<ChainCheck> {
  const { results } = await db.prepare('SELECT * FROM audit_log ORDER BY id').all<AuditRow>();
  let prev = AUDIT_GENESIS;
  let expectedId = 1;
  for (const row of results) {
    const broken = (code: ChainBreak, reason: string): ChainCheck => ({ ok: false, rows: results.length, brokenAt: row.id, code, reason });
    if (row.id !== expectedId) return broken('missing', `row ${expectedId} is missing`);
    if (row.prev_hash !== prev) return broken('relinked', 'does not follow the previous row');
    if ((await auditHash(row)) !== row.hash) return broken('changed', 'row was changed');
    prev = row.hash;
    expectedId++;
  }
  return { ok: true, rows: results.length };
}
