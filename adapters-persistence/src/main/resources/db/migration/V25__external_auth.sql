-- Bring your own auth (issue 17).

-- The identity provider an environment trusts for token exchange (RFC 8693): at most one.
CREATE TABLE external_identity_providers (
    environment_id VARCHAR(63)  PRIMARY KEY REFERENCES environments (id),
    issuer         VARCHAR(255) NOT NULL,
    jwks_url       VARCHAR(500) NOT NULL,
    audience       VARCHAR(255) NOT NULL
);

-- Which user an external (issuer, subject) is; the primary key makes a second user for the same
-- subject impossible, even when two first exchanges race on two nodes.
CREATE TABLE external_identities (
    environment_id VARCHAR(63)  NOT NULL REFERENCES environments (id),
    issuer         VARCHAR(255) NOT NULL,
    subject        VARCHAR(255) NOT NULL,
    user_id        VARCHAR(40)  NOT NULL REFERENCES users (id),
    linked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment_id, issuer, subject)
);

-- Host backends that obtain elevated tokens by a signed assertion (RFC 7523), with their public
-- keys as a JSON Web Key Set.
CREATE TABLE backend_clients (
    environment_id VARCHAR(63)   NOT NULL REFERENCES environments (id),
    client_id      VARCHAR(100)  NOT NULL,
    public_keys    VARCHAR(20000) NOT NULL,
    registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment_id, client_id)
);

-- The jti of every assertion used, kept until the assertion expires: a replay on any node meets
-- the primary key.
CREATE TABLE spent_assertions (
    environment_id VARCHAR(63)  NOT NULL,
    client_id      VARCHAR(100) NOT NULL,
    jti            VARCHAR(200) NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (environment_id, client_id, jti)
);
CREATE INDEX spent_assertions_by_expiry ON spent_assertions (expires_at);
