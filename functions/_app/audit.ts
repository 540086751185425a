// The hash-chained audit log. Each row's hash covers the previous row's hash and its
// own fields, so changing, removing or reordering a row breaks the chain from there.
// Rows hold ids, roles and days only, never content.
import { dayOf } from './storage';
import { isConstraint } from './errors';
import { AUDIT_GENESIS, auditHash } from '../../src/lib/audit/auditRecord';

const randomFraction = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

export { AUDIT_GENESIS };

export type AuditAction =
  | 'case.read'
  | 'case.reply'
  | 'case.status'
  | 'case.assign'
  | 'case.note'
  | 'case.delete'
  | 'case.delete_by_resident'
  | 'case.purge'
  | 'appointment.cancel'
  | 'case.junk'
  | 'appointment.move'
  | 'member.invite'
  | 'admin.invite'
  | 'member.activate'
  | 'member.approve'
  | 'member.revoke'
  | 'member.passphrase'
  | 'member.certify'
  | 'team.key_rotate'
  | 'team.ceremony'
  | 'organisation.ceremony'
  | 'audit.checkpoint'
  | 'audit.export';

/** What a signed row keeps: the member's day, the detail the signature binds, the signature. */
export interface SignedFacts {
  day: string;
  detail: string;
  signature: string;
}

export interface AuditEntry {
  staffId: string | null;
  /** intake, casemanager, teamlead, privacy; 'resident' or 'system' for the others */
  role: string;
  teamId: string | null;
  action: AuditAction;
  caseId?: string | null;
  subjectId?: string | null;
  /** Staff actions are signed (protocol v2); server rows (reads, purges) are not. */
  signed?: SignedFacts | undefined;
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
  v: number;
  detail: string | null;
  signature: string | null;
}

/** The shared record shape (camelCase), as served to the browsers that check the chain. */
export function auditRecord(r: AuditRow) {
  return {
    id: r.id, v: r.v, day: r.day, staffId: r.staff_id, role: r.role, teamId: r.team_id, action: r.action, caseId: r.case_id,
    subjectId: r.subject_id, detail: r.detail, signature: r.signature, prevHash: r.prev_hash, hash: r.hash,
  };
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
      v: 2,
      day: entry.signed?.day ?? dayOf(now),
      staffId: entry.staffId,
      role: entry.role,
      teamId: entry.teamId,
      action: entry.action,
      caseId: entry.caseId ?? null,
      subjectId: entry.subjectId ?? null,
      detail: entry.signed?.detail ?? null,
      signature: entry.signed?.signature ?? null,
      prevHash: head?.hash ?? AUDIT_GENESIS,
    };
    const hash = await auditHash(row);
    const insert = db
      .prepare(
        `INSERT INTO audit_log (id, v, day, staff_id, role, team_id, action, case_id, subject_id, detail, signature, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(row.id, row.v, row.day, row.staffId, row.role, row.teamId, row.action, row.caseId, row.subjectId, row.detail, row.signature, row.prevHash, hash);
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

/**
 * Recomputes the whole chain on the server: a self-check for operators and tests. The
 * browsers do not rely on it; they recompute the chain and check signatures themselves
 * (src/lib/audit/verifyAuditLog.ts).
 */
export async function verifyAuditChain(db: D1Database): Promise<ChainCheck> {
  const { results } = await db.prepare('SELECT * FROM audit_log ORDER BY id').all<AuditRow>();
  let prev = AUDIT_GENESIS;
  let expectedId = 1;
  for (const row of results) {
    const broken = (code: ChainBreak, reason: string): ChainCheck => ({ ok: false, rows: results.length, brokenAt: row.id, code, reason });
    if (row.id !== expectedId) return broken('missing', `row ${expectedId} is missing`);
    if (row.prev_hash !== prev) return broken('relinked', 'does not follow the previous row');
    if ((await auditHash(auditRecord(row))) !== row.hash) return broken('changed', 'row was changed');
    prev = row.hash;
    expectedId++;
  }
  return { ok: true, rows: results.length };
}
