-- WebAuthn credentials and the ceremonies awaiting an authenticator's answer.
CREATE TABLE passkeys (
    id             VARCHAR(40)  PRIMARY KEY,
    user_id        VARCHAR(40)  NOT NULL REFERENCES users (id),
    webauthn_id    VARCHAR(1400) NOT NULL UNIQUE,
    user_handle    VARCHAR(100) NOT NULL,
    public_key     VARCHAR(2000) NOT NULL,
    sign_count     BIGINT       NOT NULL,
    alias          VARCHAR(64)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX passkeys_by_user ON passkeys (user_id);

CREATE TABLE passkey_challenges (
    id             VARCHAR(40)   PRIMARY KEY,
    environment_id VARCHAR(63)   NOT NULL,
    user_id        VARCHAR(40)   NOT NULL,
    session_id     VARCHAR(40)   NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    request        VARCHAR(8000) NOT NULL,
    alias          VARCHAR(64)   NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX passkey_challenges_by_expiry ON passkey_challenges (expires_at);
