-- A brake per account on top of the per-address limits: after a few wrong passphrases
-- for one username, the next attempt must wait, longer each time, at most five minutes
-- (so nobody can lock a member out for longer). Keyed by a hash of the username, known
-- or not, so the brake does not tell who exists. Removed on success.
CREATE TABLE signin_failures (
  username_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
);
