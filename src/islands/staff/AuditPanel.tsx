// The audit log, for the privacy officer (all teams) and team leads (own team): the
// result of the hash-chain check first, then the rows, newest first.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AuditRecord } from '../../lib/audit/auditRecord';
import type { AuditProblem, AuditReport } from '../../lib/audit/verifyAuditLog';
import type { StaffApi } from './api';
import { checkAudit, fetchAudit, type AuditMember } from './auditCheck';
import type { StaffInfo, Vault } from './types';
import { StatusLine } from '../shared/StatusLine';
import { ErrorIcon, CheckIcon, Notice, Panel } from './ui';
import { AuditTable } from './AuditTable';
import type { Say } from './strings';

type State = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; report: AuditReport; rows: AuditRecord[]; members: AuditMember[] };

interface Props {
  say: Say;
  api: StaffApi;
  staff: StaffInfo;
  getVault: () => Vault | null;
}

function problemText(say: Say, p: AuditProblem): string {
  if (p.code === 'missing') return say('staff.audit.reason.missing', { row: String(p.rowId - 1) });
  if (p.code === 'relinked') return say('staff.audit.reason.prev');
  if (p.code === 'checkpoint_mismatch') return say('staff.audit.reason.checkpoint', { head: p.headId ?? '?' });
  return say(`staff.audit.reason.${p.code}`);
}

export function AuditPanel({ say, api, staff, getVault }: Props) {
  const [data, setData] = useState<State>({ state: 'loading' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function load() {
    setData({ state: 'loading' });
    const fetched = await fetchAudit(api);
    const vault = getVault();
    if (!fetched.ok) {
      if (fetched.status !== 401) setData({ state: 'failed' });
      return;
    }
    if (!vault) return;
    // The verdict is computed here, from the rows and the pinned keys; the server gives none.
    const report = await checkAudit(vault, fetched.data);
    const rows = fetched.data.rows.filter((r): r is AuditRecord => !('redacted' in r)).reverse();
    setData({ state: 'ready', report, rows, members: fetched.data.members });
  }

  useEffect(() => {
    headingRef.current?.focus();
    void load();
  }, []);

  return (
    <Panel name="audit" heading={say('staff.audit.heading')} headingRef={headingRef}>
      <p>{say('staff.audit.intro')}</p>
      <StatusLine busy={data.state === 'loading'} text={say('staff.audit.loading')} />
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
          {data.report.problems.length === 0 ? (
            <div class="achterom-chain achterom-chain--ok" data-testid="audit-chain">
              <CheckIcon />
              <div>
                <p class="achterom-chain__title">{say('staff.audit.chainOk', { count: data.report.rows })}</p>
                <p class="achterom-chain__text">
                  {say('staff.audit.checkedHere', {
                    signed: data.report.signed,
                    server: data.report.server,
                    legacy: data.report.legacy,
                    checkpoints: data.report.checkpoints.length,
                  })}
                </p>
              </div>
            </div>
          ) : (
            <div class="achterom-chain achterom-chain--broken" data-testid="audit-chain">
              <ErrorIcon />
              <div>
                <p class="achterom-chain__title">{say('staff.audit.problems', { count: data.report.problems.length })}</p>
                <ul class="achterom-chain__list">
                  {data.report.problems.slice(0, 50).map((p) => (
                    <li key={`${p.rowId}-${p.code}`} data-testid="audit-problem" data-row-id={p.rowId} data-code={p.code}>
                      {say('staff.audit.problemRow', { row: p.rowId, reason: problemText(say, p) })}
                    </li>
                  ))}
                </ul>
                <p class="achterom-chain__text">{say('staff.audit.chainBrokenText')}</p>
              </div>
            </div>
          )}
          <AuditTable say={say} api={api} staff={staff} getVault={getVault} rows={data.rows} members={data.members} />
        </>
      )}
    </Panel>
  );
}
