// The audit check that runs in the privacy officer's (and team lead's) own browser:
// it recomputes the hash chain, checks every staff action's signature against the
// member's certificate (itself checked against the keys pinned in the bundle) and
// every signed checkpoint of the chain head. The server's word is not needed.
import { verifyCertificate, type SignedCertificate } from '../crypto/memberCertificate';
import { verifyStatement } from '../crypto/signedStatement';
import type { Sodium } from '../crypto/sodium';
import { actionStatement, auditHash, AUDIT_GENESIS, SERVER_ACTIONS, type AuditRecord } from './auditRecord';

/** A row of another team, as a team lead receives it: only enough to follow the chain. */
export interface RedactedRecord {
  id: number;
  redacted: true;
  prevHash: string;
  hash: string;
}

export type AuditProblemCode =
  | 'missing' // a row id is skipped: a row was removed
  | 'relinked' // the row does not point at the previous row's hash
  | 'changed' // the row's fields no longer give its hash
  | 'downgraded' // an old-style (unsigned) row after signed rows began
  | 'unsigned' // a staff action without a signature
  | 'bad_signature' // the signature does not match the row
  | 'unknown_signer' // no valid certificate for the member who acted
  | 'checkpoint_mismatch'; // history before a signed checkpoint was rewritten

export interface AuditProblem {
  rowId: number;
  code: AuditProblemCode;
  /** For checkpoint_mismatch: the row the checkpoint vouched for. */
  headId?: number;
}

export interface AuditReport {
  rows: number;
  signed: number;
  server: number;
  legacy: number;
  checkpoints: { rowId: number; headId: number; staffId: string; day: string }[];
  problems: AuditProblem[];
}

export interface AuditCheckInput {
  sodium: Sodium;
  /** All rows, ascending from id 1. */
  rows: readonly (AuditRecord | RedactedRecord)[];
  certificates: Readonly<Record<string, SignedCertificate>>;
  issuerKey: (teamId: string | null) => string | undefined;
}

const isRedacted = (r: AuditRecord | RedactedRecord): r is RedactedRecord => 'redacted' in r && r.redacted === true;

export async function verifyAuditLog({ sodium, rows, certificates, issuerKey }: AuditCheckInput): Promise<AuditReport> {
  const report: AuditReport = { rows: rows.length, signed: 0, server: 0, legacy: 0, checkpoints: [], problems: [] };
  const recomputed = new Map<number, string>();
  const signKeys = new Map<string, string | null>();
  let prev = AUDIT_GENESIS;
  let expectedId = 1;
  let signedEra = false;

  const signKeyFor = (row: AuditRecord): string | null => {
    const key = `${row.staffId}|${row.role}|${row.teamId}`;
    if (!signKeys.has(key)) {
      const cert = row.staffId ? certificates[row.staffId] : undefined;
      // Audit rows are history: a certificate that has since expired still vouches for them.
      const check = verifyCertificate(sodium, cert, issuerKey, { id: row.staffId ?? '', role: row.role, teamId: row.teamId }, '0000-01-01');
      signKeys.set(key, check.ok ? check.body.signPublicKey : null);
    }
    return signKeys.get(key) ?? null;
  };

  for (const row of rows) {
    const problem = (code: AuditProblemCode, extra: Partial<AuditProblem> = {}) => report.problems.push({ rowId: row.id, code, ...extra });
    if (row.id !== expectedId) problem('missing');
    if (row.prevHash !== prev) problem('relinked');
    expectedId = row.id + 1;
    prev = row.hash;
    if (isRedacted(row)) {
      recomputed.set(row.id, row.hash);
      continue;
    }
    const hash = await auditHash(row);
    recomputed.set(row.id, hash);
    if (hash !== row.hash) problem('changed');

    if (row.v === 1) {
      report.legacy++;
      if (signedEra) problem('downgraded');
      continue;
    }
    signedEra = true;
    if (!row.signature) {
      if (SERVER_ACTIONS.has(row.action)) report.server++;
      else problem('unsigned');
      continue;
    }
    const signKey = signKeyFor(row);
    if (!signKey) {
      problem('unknown_signer');
      continue;
    }
    const text = actionStatement({
      action: row.action,
      staffId: row.staffId ?? '',
      role: row.role,
      teamId: row.teamId,
      caseId: row.caseId,
      subjectId: row.subjectId,
      day: row.day,
      detail: row.detail ?? '',
    });
    if (!verifyStatement(sodium, signKey, text, row.signature)) {
      problem('bad_signature');
      continue;
    }
    report.signed++;
    if (row.action === 'audit.checkpoint') {
      const m = /^head=(\d+);hash=(.+)$/.exec(row.detail ?? '');
      const headId = m ? Number(m[1]) : NaN;
      report.checkpoints.push({ rowId: row.id, headId, staffId: row.staffId ?? '', day: row.day });
      if (!m || headId >= row.id || recomputed.get(headId) !== m[2]) problem('checkpoint_mismatch', { headId });
    }
  }
  return report;
}
