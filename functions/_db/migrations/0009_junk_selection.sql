-- Scratch list for a team lead's junk removal: filled and emptied inside one batch
-- (a transaction), so it is empty between requests.
CREATE TABLE junk_selection (
  case_id TEXT PRIMARY KEY
) WITHOUT ROWID;
