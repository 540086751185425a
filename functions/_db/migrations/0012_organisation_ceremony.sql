-- The privacy officer's first account comes from the command line too (npm run admin --
-- invite --role privacy): invites may now be for the privacy officer, who has no team.
-- SQLite cannot change a CHECK, so the table is made again with the same rows.
CREATE TABLE invites_new (
  token_hash TEXT PRIMARY KEY,
  -- NULL only for the privacy officer, who works across teams
  team_id TEXT,
  role TEXT NOT NULL CHECK (role IN ('intake', 'casemanager', 'teamlead', 'privacy')),
  created_by TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  -- the staff id that claimed it: the claim and the new member are one batch
  used_by TEXT,
  CHECK ((role = 'privacy') = (team_id IS NULL))
);
INSERT INTO invites_new (token_hash, team_id, role, created_by, expires_at, used_at, used_by)
  SELECT token_hash, team_id, role, created_by, expires_at, used_at, used_by FROM invites;
DROP TABLE invites;
ALTER TABLE invites_new RENAME TO invites;

-- The organisation's signing key, made once in the first privacy officer's browser; the
-- public half waits here until it is pinned in the bundle (teamKeys.json "organisation").
CREATE TABLE organisation_ceremony (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  staff_id TEXT NOT NULL,
  sign_public_key TEXT NOT NULL,
  day TEXT NOT NULL
);
