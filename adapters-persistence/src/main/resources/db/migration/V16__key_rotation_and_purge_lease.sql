-- The one row that says which signing key signs now. A rotation is a compare-and-set on its
-- generation, so of several nodes rotating at the same moment exactly one installs a new key and
-- every node adopts the key named here before signing.
CREATE TABLE signing_key_current (
    id         INTEGER     PRIMARY KEY,
    generation BIGINT      NOT NULL,
    key_id     VARCHAR(64),
    rotated_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO signing_key_current (id, generation, key_id) VALUES (1, 0, NULL);
-- An upgraded database keeps signing with its newest active key.
UPDATE signing_key_current SET key_id = (
    SELECT key_id FROM signing_keys WHERE retired_at IS NULL
    ORDER BY created_at DESC, key_id FETCH FIRST 1 ROW ONLY);

-- Background jobs that one node at a time may run (the purge): a node holds a job while
-- lease_until is in the future, claimed and renewed with a conditional UPDATE; a lease left by a
-- node that died expires and is taken over.
CREATE TABLE job_leases (
    name        VARCHAR(40)  PRIMARY KEY,
    holder      VARCHAR(100),
    lease_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO job_leases (name, holder, lease_until) VALUES ('purge', NULL, NULL);

-- The purge finds dead rows by their end of life.
CREATE INDEX elevated_tokens_by_expiry ON elevated_tokens (expires_at);
CREATE INDEX otp_challenges_by_expiry ON otp_challenges (expires_at);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_end ON sessions (ended_at);
CREATE INDEX audit_events_by_time ON audit_events (at);
CREATE INDEX outbox_messages_by_time ON outbox_messages (at);
CREATE INDEX deliveries_by_finish ON deliveries (finished_at);
