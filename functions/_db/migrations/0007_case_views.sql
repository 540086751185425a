-- What each member has seen of a case, so the inbox can mark new cases and unread
-- messages from the server's own facts, without decrypting anything: listing is not
-- reading. Written when the member opens the case (with its audit row); removed with
-- the case or the member.
CREATE TABLE case_views (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  -- the highest message sequence number the member has seen
  seen_seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, staff_id)
) WITHOUT ROWID;
CREATE INDEX case_views_by_staff ON case_views (staff_id);
