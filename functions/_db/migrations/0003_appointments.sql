-- Appointment slots. The server knows which slot is taken (time, type, location) and
-- by which case id; who booked it and why is inside the case ciphertext.
CREATE TABLE slots (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('achterom', 'video', 'telefoon')),
  -- only for back-entrance visits; '' otherwise so the unique constraint holds
  location_id TEXT NOT NULL DEFAULT '',
  -- UTC, ISO 8601 to the minute
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 5 AND 240),
  status TEXT NOT NULL DEFAULT 'free' CHECK (status IN ('free', 'booked', 'blocked')),
  case_id TEXT REFERENCES cases (id) ON DELETE SET NULL,
  -- SHA-256 of the booking's idempotency key: a retry finds its own booking
  idempotency_hash TEXT UNIQUE,
  CHECK ((status = 'booked') = (case_id IS NOT NULL)),
  UNIQUE (team_id, type, location_id, starts_at)
);
CREATE INDEX slots_by_team_time ON slots (team_id, type, status, starts_at);
CREATE INDEX slots_by_case ON slots (case_id);
