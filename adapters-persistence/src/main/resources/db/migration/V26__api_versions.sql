-- API versions: the oldest one an environment serves ('' = unset, action-based MFA still works).
ALTER TABLE environments ADD COLUMN minimum_api_version VARCHAR(16) DEFAULT '' NOT NULL;

-- One row per use of action-based MFA, written in the transaction of the request that made it
-- (a plain insert: no row is shared, so concurrent uses never contend), counted by day for the
-- console's "is it safe to switch?" view. api_version is what the request named ('' = none).
CREATE TABLE legacy_mfa_uses (
    environment_id VARCHAR(63) NOT NULL REFERENCES environments (id),
    used_on        DATE        NOT NULL,
    use_kind       VARCHAR(16) NOT NULL,
    api_version    VARCHAR(16) NOT NULL
);
CREATE INDEX legacy_mfa_uses_by_day ON legacy_mfa_uses (environment_id, used_on);
