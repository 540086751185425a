// Finding rows in the audit log and writing them out as CSV. Pure, so it is tested on
// its own; the panel only holds the filter and the page.
import type { AuditRecord } from '../../lib/audit/auditRecord';

export interface AuditFilter {
  staffId: string;
  caseId: string;
  action: string;
  /** YYYY-MM-DD, or '' for any day. */
  day: string;
}

export const NO_FILTER: AuditFilter = { staffId: '', caseId: '', action: '', day: '' };

/** Which filters are on, by name only (the export's own audit row records this, not the values). */
export function activeFilters(f: AuditFilter): string {
  const on = (['staffId', 'caseId', 'action', 'day'] as const).filter((k) => f[k].trim() !== '').map((k) => k.toLowerCase());
  return on.length ? on.join(',') : 'none';
}

/** A member matches as actor or as subject (who was assigned, approved, revoked); a case id matches from its start. */
export function filterRows(rows: readonly AuditRecord[], f: AuditFilter): AuditRecord[] {
  const caseId = f.caseId.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.staffId || r.staffId === f.staffId || r.subjectId === f.staffId) &&
      (!caseId || (r.caseId ?? '').toLowerCase().startsWith(caseId)) &&
      (!f.action || r.action === f.action) &&
      (!f.day || r.day === f.day),
  );
}

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // Quote every cell; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
};

export interface CsvColumns {
  name: (staffId: string | null) => string;
  role: (role: string) => string;
  action: (action: string) => string;
  team: (teamId: string | null) => string;
  kind: (row: AuditRecord) => string;
}

export function toCsv(rows: readonly AuditRecord[], c: CsvColumns): string {
  const header = ['regel', 'dag', 'rol', 'team', 'handeling', 'vraag', 'medewerker', 'betreft', 'vastgelegd door', 'hash'];
  const lines = rows.map((r) => [r.id, r.day, c.role(r.role), c.team(r.teamId), c.action(r.action), r.caseId, c.name(r.staffId), c.name(r.subjectId), c.kind(r), r.hash].map(cell).join(','));
  return [header.map(cell).join(','), ...lines].join('\r\n') + '\r\n';
}
