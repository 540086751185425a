// The audit log's rows for an investigation: filters on member, case, action and day,
// pages through every row (the check above always covers all of them), and a CSV
// export that is itself written to the log, signed by whoever made it.
import { useMemo, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import { actionDetail, SERVER_ACTIONS, SIGNED_ACTIONS, type AuditRecord } from '../../lib/audit/auditRecord';
import type { StaffApi } from './api';
import type { AuditMember } from './auditCheck';
import { activeFilters, filterRows, NO_FILTER, toCsv, type AuditFilter } from './auditRows';
import { formatDay } from './dates';
import { signAction } from './trust';
import type { StaffInfo, Vault } from './types';
import { SelectField } from '../shared/fields/SelectField';
import { TextField } from '../shared/fields/TextField';
import { StatusLine } from '../shared/StatusLine';
import { Notice } from './ui';
import { sayIfKnown, type Say } from './strings';

export const AUDIT_PAGE_SIZE = 100;

interface Props {
  say: Say;
  api: StaffApi;
  staff: StaffInfo;
  getVault: () => Vault | null;
  /** Newest first. */
  rows: readonly AuditRecord[];
  members: readonly AuditMember[];
}

export function AuditTable({ say, api, staff, getVault, rows, members }: Props) {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const allTeams = staff.role === 'privacy';
  const none = say('staff.audit.none');

  const found = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const pages = Math.max(1, Math.ceil(found.length / AUDIT_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = found.slice(current * AUDIT_PAGE_SIZE, (current + 1) * AUDIT_PAGE_SIZE);

  const nameOf = (id: string | null) => (id ? (members.find((m) => m.id === id)?.displayName ?? null) : null);
  const roleText = (role: string) => sayIfKnown(say, `staff.role.${role}`) ?? sayIfKnown(say, `staff.audit.role.${role}`) ?? role;
  const actionText = (action: string) => sayIfKnown(say, `staff.audit.action.${action}`) ?? action;
  const teamText = (teamId: string | null) => (teamId ? (findTeam(teamId)?.name ?? teamId) : '');
  const kindText = (row: AuditRecord) => say(row.v === 1 ? 'staff.audit.kind.legacy' : row.signature ? 'staff.audit.kind.signed' : 'staff.audit.kind.server');
  const actions = [...new Set([...SIGNED_ACTIONS, ...SERVER_ACTIONS, ...rows.map((r) => r.action)])].sort((a, b) => actionText(a).localeCompare(actionText(b), 'nl'));

  function change(next: Partial<AuditFilter>) {
    setFilter((f) => ({ ...f, ...next }));
    setPage(0);
  }

  function goTo(next: number) {
    setPage(next);
    requestAnimationFrame(() => tableRef.current?.focus());
  }

  async function exportCsv() {
    const vault = getVault();
    if (!vault || exporting) return;
    setExporting(true);
    setExportError(null);
    try {
      const filterNames = activeFilters(filter);
      const signed = signAction(vault, staff, { action: 'audit.export', caseId: null, subjectId: null, detail: actionDetail.export(found.length, filterNames) });
      // First in the log, then out of the browser: no export goes unrecorded.
      const r = await api.post('/api/staff/audit/exports', { rows: found.length, filter: filterNames, signed });
      if (!r.ok) {
        if (r.status !== 401) setExportError(say(r.status === 0 ? 'staff.error.network' : 'staff.audit.exportFailed'));
        return;
      }
      const csv = toCsv(found, { name: (id) => nameOf(id) ?? id ?? '', role: roleText, action: actionText, team: teamText, kind: kindText });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `logboek-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <form class="achterom-form achterom-audit-filter" role="search" aria-labelledby="audit-filter-heading" onSubmit={(e) => e.preventDefault()}>
        <h3 id="audit-filter-heading">{say('staff.audit.filter.heading')}</h3>
        <div class="achterom-audit-filter__fields">
          <SelectField id="audit-member" label={say('staff.audit.filter.member')} value={filter.staffId} onChange={(staffId) => change({ staffId })}>
            <option value="">{say('staff.audit.filter.any')}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </SelectField>
          <SelectField id="audit-action" label={say('staff.audit.filter.action')} value={filter.action} onChange={(action) => change({ action })}>
            <option value="">{say('staff.audit.filter.any')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionText(a)}
              </option>
            ))}
          </SelectField>
          <TextField id="audit-case" label={say('staff.audit.filter.case')} value={filter.caseId} error={undefined} errorPrefix="" disabled={false} onInput={(caseId) => change({ caseId })} />
          <div class="achterom-form-field utrecht-form-field">
            <label class="achterom-form-field__label utrecht-form-label" for="audit-day">
              {say('staff.audit.filter.day')}
            </label>
            <input class="achterom-text-input utrecht-textbox utrecht-textbox--html-input" type="date" id="audit-day" value={filter.day} onInput={(e) => change({ day: e.currentTarget.value })} />
          </div>
        </div>
        <div class="achterom-button-row">
          <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => change(NO_FILTER)}>
            {say('staff.audit.filter.clear')}
          </button>
          <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" aria-disabled={exporting ? 'true' : undefined} onClick={() => void exportCsv()}>
            {say('staff.audit.export', { count: found.length })}
          </button>
        </div>
        <StatusLine busy={exporting} text={say('staff.audit.exporting')} />
      </form>
      {exportError && <Notice kind="error">{exportError}</Notice>}
      <p class="achterom-status" role="status" aria-live="polite" data-testid="audit-found">
        {say('staff.audit.found', { count: found.length, page: current + 1, pages })}
      </p>
      {found.length === 0 ? (
        <p>{say(rows.length === 0 ? 'staff.audit.empty' : 'staff.audit.noneFound')}</p>
      ) : (
        <div class="achterom-table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0} ref={tableRef}>
          <table class="achterom-table achterom-table--dense" data-testid="audit-table">
            <caption id="audit-caption">{say('staff.audit.caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{say('staff.audit.row')}</th>
                <th scope="col">{say('staff.audit.day')}</th>
                <th scope="col">{say('staff.audit.role')}</th>
                {allTeams && <th scope="col">{say('staff.audit.team')}</th>}
                <th scope="col">{say('staff.audit.action')}</th>
                <th scope="col">{say('staff.audit.case')}</th>
                <th scope="col">{say('staff.audit.staff')}</th>
                <th scope="col">{say('staff.audit.subject')}</th>
                <th scope="col">{say('staff.audit.signedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.id} data-testid="audit-row" data-action={row.action} data-row-id={row.id}>
                  <td>{row.id}</td>
                  <td>{formatDay(row.day)}</td>
                  <td>{roleText(row.role)}</td>
                  {allTeams && <td>{row.teamId ? teamText(row.teamId) : none}</td>}
                  <td>{actionText(row.action)}</td>
                  <td>{row.caseId ? <code class="achterom-table__id">{row.caseId}</code> : none}</td>
                  <td>{row.staffId ? (nameOf(row.staffId) ?? <code class="achterom-table__id">{row.staffId}</code>) : none}</td>
                  <td>{row.subjectId ? (nameOf(row.subjectId) ?? <code class="achterom-table__id">{row.subjectId}</code>) : none}</td>
                  <td>{kindText(row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav class="achterom-pager" aria-label={say('staff.audit.pager')}>
          <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" disabled={current === 0} onClick={() => goTo(current - 1)}>
            {say('staff.audit.previous')}
          </button>
          <span>{say('staff.audit.pageOf', { page: current + 1, pages })}</span>
          <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" disabled={current >= pages - 1} onClick={() => goTo(current + 1)}>
            {say('staff.audit.next')}
          </button>
        </nav>
      )}
    </>
  );
}
