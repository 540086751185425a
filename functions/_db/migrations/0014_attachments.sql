-- Attachments (issue 16): photos and PDFs, sealed in the resident's browser and stored as
-- opaque objects in R2. A row links an object to its case; the object's key is random and
-- says nothing about the file. Name, type, size and the file key are inside the message.
CREATE TABLE attachments (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  -- the id the browser gave the file (a random UUID, also in the sealed message)
  id TEXT NOT NULL,
  -- where the object lives in the bucket: random, made by the server
  object_key TEXT NOT NULL UNIQUE,
  -- bytes of the padded object (a size class, never the file's exact size)
  size INTEGER NOT NULL,
  created_day TEXT NOT NULL,
  PRIMARY KEY (case_id, id)
);

-- Objects to delete from the bucket. D1 and R2 share no transaction, so every object is
-- written here first (pending until the end of the day of its upload, in case the upload
-- dies halfway) and leaves when its attachments row exists; when that row goes (the case
-- is deleted, by the resident, staff, junk removal or retention), the trigger puts the key
-- back. The API empties this list after each deletion and at every hourly purge.
CREATE TABLE object_trash (
  object_key TEXT PRIMARY KEY,
  -- NULL: delete now; otherwise an upload in progress, kept until this time (a day's end, UTC)
  pending_until INTEGER
);

CREATE TRIGGER attachments_to_trash AFTER DELETE ON attachments
BEGIN
  INSERT OR REPLACE INTO object_trash (object_key, pending_until) VALUES (OLD.object_key, NULL);
END;
