-- One-time codes that start a hosted session. They exist before any session does, so they are
-- kept apart from otp_challenges (keyed by session) and found by the address instead; user_id is
-- empty for a code that signs someone up.
CREATE TABLE sign_in_codes (
    id              VARCHAR(40)  PRIMARY KEY,
    environment_id  VARCHAR(63)  NOT NULL,
    email           VARCHAR(400) NOT NULL,
    user_id         VARCHAR(40),
    code_digest     VARCHAR(128) NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_codes_by_address ON sign_in_codes (environment_id, email, issued_at);
CREATE INDEX sign_in_codes_by_expiry ON sign_in_codes (expires_at);

-- Whether people without an account may sign up on the hosted pages; off by default.
ALTER TABLE environments ADD COLUMN sign_up_allowed BOOLEAN DEFAULT FALSE NOT NULL;
