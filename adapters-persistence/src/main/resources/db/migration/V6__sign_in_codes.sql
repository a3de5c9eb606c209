-- One-time codes that start a hosted session. They exist before any session does, so they are
-- kept apart from otp_challenges (keyed by session) and found by the email credential instead.
CREATE TABLE sign_in_codes (
    id              VARCHAR(40)  PRIMARY KEY,
    environment_id  VARCHAR(63)  NOT NULL,
    user_id         VARCHAR(40)  NOT NULL,
    credential_id   VARCHAR(40)  NOT NULL,
    code_digest     VARCHAR(128) NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_codes_by_credential ON sign_in_codes (credential_id, issued_at);
CREATE INDEX sign_in_codes_by_expiry ON sign_in_codes (expires_at);
