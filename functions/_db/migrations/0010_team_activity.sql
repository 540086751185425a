-- How many anonymous questions and bookings each team received per clock hour (UTC):
-- counts only, never linked to a case, kept eight days. They drive the team's
-- velocity budget (a flood degrades to a costlier proof of work, then "bel ons") and
-- the team lead's view of bursts.
CREATE TABLE team_activity (
  team_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('case', 'booking')),
  -- 'YYYY-MM-DDTHH'
  hour TEXT NOT NULL,
  n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, kind, hour)
) WITHOUT ROWID;
