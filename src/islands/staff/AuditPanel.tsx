// The audit log, for the privacy officer (all teams) and team leads (own team): the
// result of the hash-chain check first, then the rows, newest first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { findTeam } from '../../lib/config/teams';
import type { StaffApi } from './api';
import { formatDay } from './dates';
import type { StaffInfo } from './types';
import { ErrorIcon, CheckIcon, Notice, Spinner } from './ui';
import { sayIfKnown, type Say } from './strings';

interface AuditRowJson {
  id: number;
  day: string;
  staffId: string | null;
  role: string;
  teamId: string | null;
  action: string;
  caseId: string | null;
  subjectId: string | null;
  hash: string;
}

type Chain = { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; code: 'missing' | 'relinked' | 'changed'; reason: string };

type State = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; chain: Chain; rows: AuditRowJson[] };

interface Props {
  say: Say;
  api: StaffApi;
  staff: StaffInfo;
}

function reasonText(say: Say, chain: Extract<Chain, { ok: false }>): string {
  if (chain.code === 'missing') return say('staff.audit.reason.missing', { row: String(chain.brokenAt - 1) });
  if (chain.code === 'relinked') return say('staff.audit.reason.prev');
  return say('staff.audit.reason.changed');
}

export function AuditPanel({ say, api, staff }: Props) {
  const [data, setData] = useState<State>({ state: 'loading' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const allTeams = staff.role === 'privacy';

  async function load() {
    setData({ state: 'loading' });
    const r = await api.get<{ chain: Chain; rows: AuditRowJson[] }>('/api/staff/audit');
    if (!r.ok) {
      if (r.status !== 401) setData({ state: 'failed' });
      return;
    }
    setData({ state: 'ready', chain: r.body.chain, rows: Array.isArray(r.body.rows) ? r.body.rows : [] });
  }

  useEffect(() => {
    headingRef.current?.focus();
    void load();
  }, []);

  const none = say('staff.audit.none');
  const roleText = (role: string) =>
    sayIfKnown(say, `staff.role.${role}`) ?? sayIfKnown(say, `staff.audit.role.${role}`) ?? role;
  const actionText = (action: string) => sayIfKnown(say, `staff.audit.action.${action}`) ?? action;

  return (
    <section class="achterom-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading" tabIndex={-1} ref={headingRef}>
        {say('staff.audit.heading')}
      </h2>
      <p>{say('staff.audit.intro')}</p>
      <p class="achterom-status" role="status" aria-live="polite">
        {data.state === 'loading' && (
          <>
            <Spinner />
            {say('staff.audit.loading')}
          </>
        )}
      </p>
      {data.state === 'failed' && (
        <>
          <Notice kind="error">{say('staff.audit.failed')}</Notice>
          <button class="achterom-button achterom-button--secondary utrecht-button utrecht-button--secondary-action" type="button" onClick={() => void load()}>
            {say('staff.case.retry')}
          </button>
        </>
      )}
      {data.state === 'ready' && (
        <>
          {data.chain.ok ? (
            <div class="achterom-chain achterom-chain--ok" data-testid="audit-chain">
              <CheckIcon />
              <div>
                <p class="achterom-chain__title">{say('staff.audit.chainOk', { count: data.chain.rows })}</p>
                <p class="achterom-chain__text">{say('staff.audit.chainOkText')}</p>
              </div>
            </div>
          ) : (
            <div class="achterom-chain achterom-chain--broken" data-testid="audit-chain">
              <ErrorIcon />
              <div>
                <p class="achterom-chain__title">
                  {say('staff.audit.chainBroken', { row: data.chain.brokenAt, reason: reasonText(say, data.chain) })}
                </p>
                <p class="achterom-chain__text">{say('staff.audit.chainBrokenText')}</p>
              </div>
            </div>
          )}
          {data.rows.length === 0 ? (
            <p>{say('staff.audit.empty')}</p>
          ) : (
            <div class="achterom-table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
              <table class="achterom-table achterom-table--dense" data-testid="audit-table">
                <caption id="audit-caption">{say('staff.audit.caption', { count: data.rows.length })}</caption>
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
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => (
                    <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                      <td>{row.id}</td>
                      <td>{formatDay(row.day)}</td>
                      <td>{roleText(row.role)}</td>
                      {allTeams && <td>{row.teamId ? (findTeam(row.teamId)?.name ?? row.teamId) : none}</td>}
                      <td>{actionText(row.action)}</td>
                      <td>{row.caseId ? <code class="achterom-table__id">{row.caseId}</code> : none}</td>
                      <td>{row.staffId ? <code class="achterom-table__id">{row.staffId}</code> : none}</td>
                      <td>{row.subjectId ? <code class="achterom-table__id">{row.subjectId}</code> : none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
