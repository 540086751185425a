-- Proof-of-work solutions already used, kept until their challenge expires so one
-- solution cannot be replayed. Holds a hash of the signature only.
CREATE TABLE used_pow (
  signature_hash TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE INDEX used_pow_by_expiry ON used_pow (expires_at);
