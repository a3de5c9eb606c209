-- Host-defined scopes and per-scope token lifetimes. A protected_actions row whose scope is not a
-- built-in is one of the environment's own scopes, with the admin's description. lifetime_seconds
-- is how long its tokens live; a row without one (written before V27, or by a node of the previous
-- version in a rolling upgrade) lives its token use's default (single 5, multi 10 minutes). A node of
-- the previous version ignores host rows: it refuses those scopes as unknown (fails closed).
ALTER TABLE protected_actions ADD COLUMN description VARCHAR(80);
ALTER TABLE protected_actions ADD COLUMN lifetime_seconds INTEGER;

-- A token or record may carry many scopes now: the space-separated lists get room for every
-- scope an environment can know (6 built-ins and 50 of its own, each at most 32 characters).
ALTER TABLE elevated_tokens ALTER COLUMN scopes SET DATA TYPE VARCHAR(2000);
ALTER TABLE audit_events ALTER COLUMN scopes SET DATA TYPE VARCHAR(2000);
ALTER TABLE wallet_challenges ALTER COLUMN scopes SET DATA TYPE VARCHAR(2000);
ALTER TABLE social_logins ALTER COLUMN scopes SET DATA TYPE VARCHAR(2000);
ALTER TABLE prompts ALTER COLUMN scopes SET DATA TYPE VARCHAR(2000);
