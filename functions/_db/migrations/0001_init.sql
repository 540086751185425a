-- Achterom schema (SQLite dialect: D1 on Cloudflare and locally).
-- Content columns hold only ciphertext; times are coarsened to the day where the
-- server has no need for more.

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('question', 'appointment')),
  -- handler: at most one grant beyond intake; team: the team may discuss the case
  consent TEXT NOT NULL CHECK (consent IN ('handler', 'team')),
  -- SHA-256 of the mailbox id derived from the resident's code
  mailbox_hash TEXT NOT NULL UNIQUE,
  protocol INTEGER NOT NULL,
  nonce TEXT NOT NULL,
  ciphertext TEXT NOT NULL,
  sealed_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw', 'in_behandeling', 'afgerond')),
  created_day TEXT NOT NULL CHECK (created_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
CREATE INDEX cases_by_team ON cases (team_id, created_day);

CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  -- NULL only for the privacy officer, who works across teams
  team_id TEXT,
  role TEXT NOT NULL CHECK (role IN ('intake', 'casemanager', 'teamlead', 'privacy')),
  -- pending: activated from an invite, waiting for the team lead's approval
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'revoked')),
  salt TEXT NOT NULL,
  -- SHA-256 of authKey; the passphrase and the keys derived from it never arrive
  auth_hash TEXT NOT NULL,
  box_public_key TEXT NOT NULL,
  sign_public_key TEXT NOT NULL,
  key_blob TEXT NOT NULL,
  key_blob_nonce TEXT NOT NULL
);

-- A team's secret key sealed to one staff member's personal box key.
CREATE TABLE team_key_grants (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL,
  sealed_secret_key TEXT NOT NULL,
  PRIMARY KEY (staff_id, team_id)
);

-- Staff sessions only; residents never get one. Times in epoch seconds for the
-- idle (15 min) and absolute (8 h) limits.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_staff ON sessions (staff_id);
