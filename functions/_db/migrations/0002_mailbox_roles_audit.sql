-- Two-way mailbox, need-to-know grants, internal notes, members, audit log, retention.

-- Retention facts (days only) and the per-case staff note key sealed to the team key.
ALTER TABLE cases ADD COLUMN last_activity_day TEXT;
ALTER TABLE cases ADD COLUMN closed_day TEXT;
ALTER TABLE cases ADD COLUMN opened INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN sealed_note_key TEXT;

-- Follow-ups from the resident and replies from staff, AEAD under the case key with
-- associated data (case id, direction, seq); seq is unique per case so reordering shows.
CREATE TABLE messages (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  direction TEXT NOT NULL CHECK (direction IN ('resident', 'staff')),
  nonce TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  created_day TEXT NOT NULL,
  PRIMARY KEY (case_id, seq)
);

-- Need to know: the case key (and note key) re-sealed to one staff member's box key.
CREATE TABLE case_grants (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  sealed_case_key TEXT NOT NULL,
  sealed_note_key TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  created_day TEXT NOT NULL,
  PRIMARY KEY (case_id, staff_id)
);
CREATE INDEX case_grants_by_staff ON case_grants (staff_id);

-- Internal notes: AEAD under the per-case note key, which residents never receive.
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL,
  nonce TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  created_day TEXT NOT NULL
);
CREATE INDEX notes_by_case ON notes (case_id);

-- One-time invites for new members; only the hash of the token is kept.
CREATE TABLE invites (
  token_hash TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('intake', 'casemanager', 'teamlead')),
  created_by TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  -- the staff id that claimed it: the claim and the new member are one batch
  used_by TEXT
);

-- Hash-chained audit log: ids only, day-precise. hash = SHA-256 over the previous
-- hash and this row's fields; an explicit id makes concurrent appends collide
-- instead of forking the chain.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  staff_id TEXT,
  role TEXT NOT NULL,
  team_id TEXT,
  action TEXT NOT NULL,
  case_id TEXT,
  subject_id TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_by_case ON audit_log (case_id);

-- When maintenance (the retention purge) last ran.
CREATE TABLE maintenance (
  task TEXT PRIMARY KEY,
  last_run_at INTEGER NOT NULL
);

-- Rules the database itself enforces, so a batch that breaks them rolls back whole
-- (with its audit row) instead of half-happening.
CREATE TRIGGER messages_in_sequence BEFORE INSERT ON messages
WHEN NEW.seq <> (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE case_id = NEW.case_id)
BEGIN
  SELECT RAISE(ABORT, 'seq_conflict');
END;

-- Consent "only the person handling my question": at most one grant beyond intake.
CREATE TRIGGER case_grants_respect_consent BEFORE INSERT ON case_grants
WHEN (SELECT consent FROM cases WHERE id = NEW.case_id) = 'handler'
  AND (SELECT COUNT(*) FROM case_grants WHERE case_id = NEW.case_id) >= 1
BEGIN
  SELECT RAISE(ABORT, 'consent_refuses');
END;
