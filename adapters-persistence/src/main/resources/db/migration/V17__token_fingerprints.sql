-- The SHA-256 of each issued compact token: spending a token this server issued is then checked
-- against its record instead of by verifying its signature again (ADR 0020). Tokens issued before
-- have none and are still checked by signature.
ALTER TABLE elevated_tokens ADD COLUMN fingerprint VARCHAR(64);
