// SQL for appointment slots. Booking is decided by the database: a slot is taken by
// one conditional UPDATE (… WHERE status = 'free'), inside a batch with the case it
// belongs to, so exactly one of any number of racing attempts wins.
import { sha256Base64 } from './bytes';

export interface SlotRow {
  id: string;
  team_id: string;
  type: 'achterom' | 'video' | 'telefoon';
  location_id: string;
  starts_at: string;
  duration_minutes: number;
  status: 'free' | 'booked' | 'blocked';
  case_id: string | null;
  idempotency_hash: string | null;
}

export interface AgendaRow extends SlotRow {
  consent: 'handler' | 'team' | null;
  mine: number;
}

export function slotJson(s: SlotRow) {
  return { id: s.id, teamId: s.team_id, type: s.type, locationId: s.location_id || null, startsAt: s.starts_at, durationMinutes: s.duration_minutes, status: s.status };
}

export function createSlotStorage(db: D1Database) {
  return {
    find(id: string) {
      return db.prepare('SELECT * FROM slots WHERE id = ?').bind(id).first<SlotRow>();
    },

    findByIdempotencyKey: async (key: string) =>
      db.prepare('SELECT * FROM slots WHERE idempotency_hash = ?').bind(await idempotencyHash(key)).first<SlotRow>(),

    bookedFor(caseId: string) {
      return db.prepare("SELECT * FROM slots WHERE case_id = ? AND status = 'booked'").bind(caseId).first<SlotRow>();
    },

    async listFree(teamId: string, type: string, fromIso: string, toIso: string, nowIso: string): Promise<SlotRow[]> {
      const { results } = await db
        .prepare(
          `SELECT * FROM slots WHERE team_id = ? AND type = ? AND status = 'free' AND starts_at >= ? AND starts_at < ? AND starts_at > ?
           ORDER BY starts_at LIMIT 500`,
        )
        .bind(teamId, type, fromIso, toIso, nowIso)
        .all<SlotRow>();
      return results;
    },

    nextFree(teamId: string, type: string, afterIso: string) {
      return db
        .prepare("SELECT * FROM slots WHERE team_id = ? AND type = ? AND status = 'free' AND starts_at >= ? ORDER BY starts_at LIMIT 1")
        .bind(teamId, type, afterIso)
        .first<SlotRow>();
    },

    /** Free slots of the same team and type nearest in time to the one that was lost. */
    async alternatives(slot: SlotRow, nowIso: string, limit = 5): Promise<SlotRow[]> {
      const { results } = await db
        .prepare(
          `SELECT * FROM slots WHERE team_id = ? AND type = ? AND status = 'free' AND starts_at > ?
           ORDER BY ABS(julianday(starts_at) - julianday(?)) LIMIT ?`,
        )
        .bind(slot.team_id, slot.type, nowIso, slot.starts_at, limit)
        .all<SlotRow>();
      return results.sort((a, b) => a.starts_at.localeCompare(b.starts_at));
    },

    /** A team's slots in a period; booked ones with their case's consent and whether the member holds its grant. */
    async agenda(teamId: string, fromIso: string, toIso: string, staffId: string): Promise<AgendaRow[]> {
      const { results } = await db
        .prepare(
          `SELECT s.*, c.consent, EXISTS (SELECT 1 FROM case_grants g WHERE g.case_id = s.case_id AND g.staff_id = ?) AS mine
           FROM slots s LEFT JOIN cases c ON c.id = s.case_id
           WHERE s.team_id = ? AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at, s.type, s.location_id`,
        )
        .bind(staffId, teamId, fromIso, toIso)
        .all<AgendaRow>();
      return results;
    },

    /** Claims a free slot for a case; changes 0 rows if it is not free (any more). */
    claimStatement(slotId: string, caseId: string, idempotencyHash: string | null, startsAfterIso: string) {
      return db
        .prepare(
          `UPDATE slots SET status = 'booked', case_id = ?, idempotency_hash = ?
           WHERE id = ? AND status = 'free' AND starts_at > ?`,
        )
        .bind(caseId, idempotencyHash, slotId, startsAfterIso);
    },

    /** Frees whatever slot a case holds (cancel, deletion, purge). */
    releaseForCaseStatement(caseId: string) {
      return db.prepare("UPDATE slots SET status = 'free', case_id = NULL, idempotency_hash = NULL WHERE case_id = ?").bind(caseId);
    },

    /** Frees the old slot only if the new one is now held by the same case (reschedule). */
    releaseIfMovedStatement(oldSlotId: string, newSlotId: string, caseId: string) {
      return db
        .prepare(
          `UPDATE slots SET status = 'free', case_id = NULL, idempotency_hash = NULL
           WHERE id = ?1 AND case_id = ?3 AND EXISTS (SELECT 1 FROM slots WHERE id = ?2 AND case_id = ?3 AND status = 'booked')`,
        )
        .bind(oldSlotId, newSlotId, caseId);
    },

    insertStatement(slot: { teamId: string; type: string; locationId: string; startsAt: string; durationMinutes: number }) {
      return db
        .prepare('INSERT OR IGNORE INTO slots (id, team_id, type, location_id, starts_at, duration_minutes) VALUES (?, ?, ?, ?, ?, ?)')
        .bind(crypto.randomUUID(), slot.teamId, slot.type, slot.locationId, slot.startsAt, slot.durationMinutes);
    },
  };
}

export const idempotencyHash = (key: string) => sha256Base64(`booking|${key}`);
