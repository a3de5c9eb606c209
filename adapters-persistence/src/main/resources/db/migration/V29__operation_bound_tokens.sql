-- The operation an elevated token is bound to (ADR "Operation-bound tokens"): the resource it acts
-- on, the SHA-256 (hex) of the message or transaction, and the most it may move (an exact decimal
-- kept as text, with its asset code). All empty for a token good for any operation.
ALTER TABLE elevated_tokens ADD COLUMN bound_resource VARCHAR(128);
ALTER TABLE elevated_tokens ADD COLUMN bound_digest VARCHAR(64);
ALTER TABLE elevated_tokens ADD COLUMN bound_amount_cap VARCHAR(64);
ALTER TABLE elevated_tokens ADD COLUMN bound_asset VARCHAR(12);
