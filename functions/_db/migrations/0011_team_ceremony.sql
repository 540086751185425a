-- A new team's key ceremony: its first team lead's browser made the team's box key (id 1)
-- and signing key. The public halves wait here until they are pinned in the bundle
-- (src/lib/config/teamKeys.json); the primary key makes it once per team, whoever races.
CREATE TABLE team_ceremonies (
  team_id TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL,
  box_public_key TEXT NOT NULL,
  sign_public_key TEXT NOT NULL,
  day TEXT NOT NULL
);
