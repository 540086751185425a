import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../lib/audit/auditRecord';
import { activeFilters, filterRows, NO_FILTER, toCsv } from './auditRows';

const row = (id: number, over: Partial<AuditRecord> = {}): AuditRecord => ({
  id, v: 2, day: '2026-11-30', staffId: 'a', role: 'intake', teamId: 't', action: 'case.read', caseId: `case-${id}`, subjectId: null, detail: null, signature: null, prevHash: 'p', hash: `h${id}`, ...over,
});

describe('audit rows', () => {
  const rows = [row(1), row(2, { staffId: 'b', action: 'case.assign', subjectId: 'a' }), row(3, { day: '2026-12-01', staffId: 'b' })];

  it('filters on member (as actor or subject), case, action and day', () => {
    expect(filterRows(rows, NO_FILTER).map((r) => r.id)).toEqual([1, 2, 3]);
    expect(filterRows(rows, { ...NO_FILTER, staffId: 'a' }).map((r) => r.id)).toEqual([1, 2]);
    expect(filterRows(rows, { ...NO_FILTER, caseId: 'CASE-3' }).map((r) => r.id)).toEqual([3]);
    expect(filterRows(rows, { ...NO_FILTER, action: 'case.assign' }).map((r) => r.id)).toEqual([2]);
    expect(filterRows(rows, { ...NO_FILTER, day: '2026-12-01', staffId: 'b' }).map((r) => r.id)).toEqual([3]);
    expect(activeFilters({ ...NO_FILTER, day: '2026-12-01', staffId: 'b' })).toBe('staffid,day');
    expect(activeFilters(NO_FILTER)).toBe('none');
  });

  it('writes CSV with every cell quoted and formulas neutralised', () => {
    const csv = toCsv([row(7, { caseId: '=HYPERLINK("x")' })], {
      name: (id) => (id === 'a' ? 'Ilse "de" intake' : ''),
      role: (r) => r,
      action: (a) => a,
      team: (t) => t ?? '',
      kind: () => 'Server',
    });
    const [header, line] = csv.trimEnd().split('\r\n');
    expect(header).toBe('"regel","dag","rol","team","handeling","vraag","medewerker","betreft","vastgelegd door","hash"');
    expect(line).toBe('"7","2026-11-30","intake","t","case.read","\'=HYPERLINK(""x"")","Ilse ""de"" intake","","Server","h7"');
  });
});
