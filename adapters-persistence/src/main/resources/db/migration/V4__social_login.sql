-- Where browsers may be sent back to: exact redirect URIs or whole origins, per environment.
CREATE TABLE environment_redirects (
    environment_id VARCHAR(63)  NOT NULL REFERENCES environments (id),
    position       INTEGER      NOT NULL,
    uri            VARCHAR(500) NOT NULL,
    PRIMARY KEY (environment_id, position)
);

-- OpenID Connect providers per environment; the client secret is sealed with the master key.
CREATE TABLE social_providers (
    environment_id VARCHAR(63)   NOT NULL REFERENCES environments (id),
    name           VARCHAR(40)   NOT NULL,
    display_name   VARCHAR(100)  NOT NULL,
    issuer         VARCHAR(500)  NOT NULL,
    client_id      VARCHAR(255)  NOT NULL,
    client_secret  VARCHAR(2000) NOT NULL,
    PRIMARY KEY (environment_id, name)
);

-- Authorization-code logins in progress (ten minutes), found by the digest of their state.
CREATE TABLE social_logins (
    id             VARCHAR(40)  PRIMARY KEY,
    state_digest   VARCHAR(128) NOT NULL UNIQUE,
    environment_id VARCHAR(63)  NOT NULL,
    user_id        VARCHAR(40)  NOT NULL,
    session_id     VARCHAR(40)  NOT NULL,
    provider       VARCHAR(40)  NOT NULL,
    purpose        VARCHAR(16)  NOT NULL,
    scopes         VARCHAR(255) NOT NULL,
    redirect_uri   VARCHAR(500) NOT NULL,
    nonce          VARCHAR(64)  NOT NULL,
    code_verifier  VARCHAR(128) NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at   TIMESTAMP WITH TIME ZONE,
    subject        VARCHAR(255),
    email          VARCHAR(320),
    linked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX social_logins_by_start ON social_logins (started_at);
