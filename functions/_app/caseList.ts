// The inbox query: a page of a member's cases with what the server knows of them
// (kind, consent, status, days, slot, new and unread for this member), a cursor for
// the next page and two counts. Nothing here touches ciphertext or keys.
import type { StaffRow } from './storage';
import type { CaseListQuery } from '../../src/lib/schemas/caseListQuery';
import type { CaseList, CaseListItem } from '../../src/lib/schemas/caseListItem';
import { can, caseAccess, readsContent } from './policy';

interface Row {
  row_no: number;
  id: string;
  team_id: string;
  kind: CaseListItem['kind'];
  consent: CaseListItem['consent'];
  status: CaseListItem['status'];
  created_day: string;
  activity_day: string;
  mine: number;
  seen: number;
  unread: number;
  starts_at: string | null;
  duration_minutes: number | null;
  type: 'achterom' | 'video' | 'telefoon' | null;
  location_id: string | null;
  /** Comma-separated staff ids holding a grant (staff ids have no commas). */
  assignees: string | null;
}

/**
 * Which cases a member sees in the list, as SQL over `c` (cases): the team's for
 * members with the team key, else only those granted to them.
 */
function scope(staff: StaffRow): { sql: string; binds: unknown[] } {
  if (can(staff, 'opensNewCases')) return { sql: 'c.team_id = ?', binds: [staff.team_id] };
  return { sql: 'EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = c.id AND g.staff_id = ?)', binds: [staff.id] };
}

const mineSql = 'EXISTS (SELECT 1 FROM case_grants g2 WHERE g2.case_id = c.id AND g2.staff_id = ?)';

/** The SQL twin of policy.caseAccess for listed cases: may this member open it? */
function mayOpenSql(staff: StaffRow): { sql: string; binds: unknown[] } {
  if (staff.role === 'teamlead') return { sql: `(c.consent = 'team' OR ${mineSql})`, binds: [staff.id] };
  return { sql: '1', binds: [] };
}

function filters(staff: StaffRow, query: CaseListQuery) {
  const where = [scope(staff)];
  if (query.status === 'open') where.push({ sql: "c.status <> 'afgerond'", binds: [] });
  else if (query.status) where.push({ sql: 'c.status = ?', binds: [query.status] });
  if (query.kind) where.push({ sql: 'c.kind = ?', binds: [query.kind] });
  if (query.q) where.push({ sql: "c.id LIKE ? || '%'", binds: [query.q] });
  return where;
}

const activityDay = 'COALESCE(c.last_activity_day, c.created_day)';

function cursorOf(sort: CaseListQuery['sort'], row: Row): string {
  return sort === 'activity' ? `${row.activity_day}.${row.row_no}` : String(row.row_no);
}

function afterCursor(sort: CaseListQuery['sort'], cursor: string | undefined) {
  if (!cursor) return [];
  const [day, rowNo] = cursor.includes('.') ? cursor.split('.') : [null, cursor];
  if (sort === 'activity' && day) return [{ sql: `(${activityDay} < ? OR (${activityDay} = ? AND c.rowid < ?))`, binds: [day, day, Number(rowNo)] }];
  return [{ sql: 'c.rowid < ?', binds: [Number(rowNo)] }];
}

export async function listCases(db: D1Database, staff: StaffRow, query: CaseListQuery): Promise<CaseList> {
  const where = filters(staff, query);
  const page = [...where, ...afterCursor(query.sort, query.cursor)];
  const order = query.sort === 'activity' ? `${activityDay} DESC, c.rowid DESC` : 'c.rowid DESC';
  const seenBy = 'LEFT JOIN case_views v ON v.case_id = c.id AND v.staff_id = ?';
  const unreadSql = "(SELECT COUNT(*) FROM messages m WHERE m.case_id = c.id AND m.direction = 'resident' AND m.seq > COALESCE(v.seen_seq, 0))";
  const limit = query.limit as number;
  const attention = [scope(staff), mayOpenSql(staff)];
  const [list, total, attentionCount] = await db.batch([
    db
      .prepare(
        `SELECT c.rowid AS row_no, c.id, c.team_id, c.kind, c.consent, c.status, c.created_day, ${activityDay} AS activity_day,
           ${mineSql} AS mine, v.seen_seq IS NOT NULL AS seen, ${unreadSql} AS unread,
           (SELECT group_concat(staff_id) FROM case_grants WHERE case_id = c.id) AS assignees,
           s.starts_at, s.duration_minutes, s.type, s.location_id
         FROM cases c ${seenBy}
         LEFT JOIN slots s ON s.id = (SELECT id FROM slots WHERE case_id = c.id LIMIT 1)
         WHERE ${page.map((w) => w.sql).join(' AND ')}
         ORDER BY ${order} LIMIT ?`,
      )
      .bind(staff.id, staff.id, ...page.flatMap((w) => w.binds), limit + 1),
    db.prepare(`SELECT COUNT(*) AS n FROM cases c WHERE ${where.map((w) => w.sql).join(' AND ')}`).bind(...where.flatMap((w) => w.binds)),
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM cases c ${seenBy}
         WHERE ${attention.map((w) => w.sql).join(' AND ')}
           AND (v.seen_seq IS NULL OR EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.direction = 'resident' AND m.seq > v.seen_seq))`,
      )
      .bind(staff.id, ...attention.flatMap((w) => w.binds)),
  ]);
  const rows = (list!.results as Row[]).slice(0, limit);
  const more = list!.results.length > limit;
  return {
    cases: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      consent: r.consent,
      status: r.status,
      createdDay: r.created_day,
      lastActivityDay: r.activity_day,
      mayOpen: readsContent(caseAccess(staff, r, r.mine === 1)),
      unseen: r.seen !== 1,
      unread: r.unread,
      slot: r.starts_at && r.type ? { startsAt: r.starts_at, durationMinutes: r.duration_minutes ?? 0, type: r.type, locationId: r.location_id ?? '' } : null,
      ...(can(staff, 'assigns') ? { assignees: r.assignees ? r.assignees.split(',') : [] } : {}),
    })),
    next: more && rows.length ? cursorOf(query.sort, rows[rows.length - 1]!) : null,
    total: (total!.results[0] as { n: number }).n,
    attention: (attentionCount!.results[0] as { n: number }).n,
  };
}
