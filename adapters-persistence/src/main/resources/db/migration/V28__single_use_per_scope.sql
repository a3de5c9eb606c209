-- Single use per scope (ADR "Single use per scope"): a token asked for several scopes spends each
-- single-use scope on its own. Nothing is rewritten: a row written before this migration has
-- single_use_scopes NULL and keeps the rule it was issued under (single-use as a whole when
-- single_use is TRUE, consumed when consumed_at is set), so a token consumed before stays consumed.
--
-- single_use_scopes: NULL = single-use as a whole iff single_use (old rows, legacy MFA tokens),
--                    '*'  = every scope single-use, spent one by one,
--                    else the single-use scopes, space-separated wire names.
-- spent_scopes:      ' <scope>@<epoch millis>' for each spent scope, appended by one conditional
--                    UPDATE per spend (the row lock makes exactly one of concurrent spends win).
-- spent_count:       how many scopes are spent; the spend that reaches the number of scopes of a
--                    token whose every scope is single-use sets consumed_at in the same UPDATE.
ALTER TABLE elevated_tokens ADD COLUMN single_use_scopes VARCHAR(255);
ALTER TABLE elevated_tokens ADD COLUMN spent_scopes VARCHAR(1000);
ALTER TABLE elevated_tokens ADD COLUMN spent_count INTEGER DEFAULT 0 NOT NULL;
