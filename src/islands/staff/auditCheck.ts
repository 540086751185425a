// Fetches the whole audit log page by page and checks it here, in this browser
// (src/lib/audit/verifyAuditLog.ts). Team leads also sign a checkpoint of the chain
// head when they sign in, once it checks out, so later rewrites of history show.
import { certificateIssuerKey } from '../../lib/config/teams';
import { actionDetail, type AuditRecord } from '../../lib/audit/auditRecord';
import { verifyAuditLog, type AuditReport, type RedactedRecord } from '../../lib/audit/verifyAuditLog';
import type { StaffApi, ApiFailure } from './api';
import { signAction } from './trust';
import type { StaffInfo, Vault } from './types';

export interface AuditMember {
  id: string;
  displayName: string;
  role: string;
  teamId: string | null;
  certificate: string | null;
  certificateSignature: string | null;
}

export interface AuditData {
  rows: (AuditRecord | RedactedRecord)[];
  members: AuditMember[];
  head: { id: number; hash: string } | null;
}

interface AuditPage extends AuditData {}

/** Every row, ascending: the chain can only be checked whole. Bounded at 200 pages. */
export async function fetchAudit(api: StaffApi): Promise<{ ok: true; data: AuditData } | ApiFailure> {
  const rows: AuditData['rows'] = [];
  let members: AuditMember[] = [];
  let head: AuditData['head'] = null;
  let after = 0;
  for (let page = 0; page < 200; page++) {
    const r = await api.get<AuditPage>(`/api/staff/audit?after=${after}`);
    if (!r.ok) return r;
    const batch = Array.isArray(r.body.rows) ? r.body.rows : [];
    rows.push(...batch);
    members = Array.isArray(r.body.members) ? r.body.members : members;
    head = r.body.head ?? head;
    const last = batch[batch.length - 1];
    if (!last || (head && last.id >= head.id)) break;
    after = last.id;
  }
  return { ok: true, data: { rows, members, head } };
}

export function checkAudit(vault: Vault, data: AuditData): Promise<AuditReport> {
  const certificates = Object.fromEntries(
    data.members.filter((m) => m.certificate && m.certificateSignature).map((m) => [m.id, { certificate: m.certificate!, signature: m.certificateSignature! }]),
  );
  return verifyAuditLog({ sodium: vault.sodium, rows: data.rows, certificates, issuerKey: certificateIssuerKey });
}

/**
 * Team leads: check the log and, if it holds, sign its head. Returns what happened;
 * never throws (it runs in the background after sign-in).
 */
export async function signCheckpoint(api: StaffApi, vault: Vault, staff: StaffInfo): Promise<'signed' | 'problems' | 'failed' | 'empty'> {
  try {
    const fetched = await fetchAudit(api);
    if (!fetched.ok) return 'failed';
    const report = await checkAudit(vault, fetched.data);
    if (report.problems.length > 0) return 'problems';
    const head = fetched.data.rows[fetched.data.rows.length - 1];
    if (!head) return 'empty';
    const signed = signAction(vault, staff, { action: 'audit.checkpoint', caseId: null, subjectId: String(head.id), detail: actionDetail.checkpoint(head.id, head.hash) });
    const r = await api.post('/api/staff/audit/checkpoints', { headId: head.id, headHash: head.hash, signed });
    return r.ok ? 'signed' : 'failed';
  } catch {
    return 'failed';
  }
}
