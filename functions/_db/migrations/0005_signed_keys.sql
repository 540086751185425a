-- Protocol version 2: the server is no longer trusted for keys or for the log.
-- Certificates, signatures and key ids are stored here but checked in the browsers.

-- Which pinned team key sealed the case key (NULL for version-1 cases: key 1), and the
-- note key's maker and signature, so a note key the server plants is refused.
ALTER TABLE cases ADD COLUMN key_id INTEGER;
ALTER TABLE cases ADD COLUMN note_key_by TEXT;
ALTER TABLE cases ADD COLUMN note_key_signature TEXT;

-- The member certificate: the exact signed JSON text and the team lead's signature.
ALTER TABLE staff ADD COLUMN certificate TEXT;
ALTER TABLE staff ADD COLUMN certificate_signature TEXT;

-- The granting member's signature over case id, recipient, their box key and the sealed keys.
ALTER TABLE case_grants ADD COLUMN signature TEXT;

-- A team may hold several box keys (rotation) and a signing key; each grant is one of
-- them, signed by the member who sealed it. Rows from version 1 become box key 1.
CREATE TABLE team_key_grants_v2 (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  team_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('box', 'sign')),
  key_id INTEGER NOT NULL CHECK (key_id >= 1),
  sealed_secret_key TEXT NOT NULL,
  granted_by TEXT,
  signature TEXT,
  PRIMARY KEY (staff_id, team_id, kind, key_id)
);
INSERT INTO team_key_grants_v2 (staff_id, team_id, kind, key_id, sealed_secret_key)
  SELECT staff_id, team_id, 'box', 1, sealed_secret_key FROM team_key_grants;
DROP TABLE team_key_grants;
ALTER TABLE team_key_grants_v2 RENAME TO team_key_grants;

-- Box public keys a team lead made, waiting to be pinned in the bundle (published by
-- redeploy). Public halves only.
CREATE TABLE team_keys (
  team_id TEXT NOT NULL,
  key_id INTEGER NOT NULL CHECK (key_id >= 1),
  public_key TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_day TEXT NOT NULL,
  signature TEXT NOT NULL,
  PRIMARY KEY (team_id, key_id)
);

-- Version-2 audit rows: the hash also covers the acting member's signature and the
-- detail it binds. Version-1 rows keep their old hash.
ALTER TABLE audit_log ADD COLUMN v INTEGER NOT NULL DEFAULT 1;
ALTER TABLE audit_log ADD COLUMN detail TEXT;
ALTER TABLE audit_log ADD COLUMN signature TEXT;
