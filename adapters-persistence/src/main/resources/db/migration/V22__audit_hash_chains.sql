-- Tamper-evident audit trail: each record is sealed into its environment's hash chain (or the
-- server-wide chain, '') shortly after it is written; audit_chains holds where each chain ends.
ALTER TABLE audit_events ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_events ADD COLUMN chain_prev VARCHAR(64);
ALTER TABLE audit_events ADD COLUMN chain_hash VARCHAR(64);
CREATE INDEX audit_events_unsealed ON audit_events (chain_seq, id);
CREATE INDEX audit_events_by_chain ON audit_events (environment_id, chain_seq);

CREATE TABLE audit_chains (
    chain VARCHAR(63) PRIMARY KEY,
    seq   BIGINT      NOT NULL,
    hash  VARCHAR(64) NOT NULL
);

-- Keys that held every permission keep holding them all: they gain the new one for the chain.
UPDATE api_keys
   SET permissions = permissions || ' audit:read'
 WHERE permissions = 'users:read users:write sessions:read sessions:write tokens:issue tokens:introspect tokens:revoke prompts:write';
