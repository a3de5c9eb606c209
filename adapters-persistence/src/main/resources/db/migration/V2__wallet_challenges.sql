-- Sign-In with Ethereum challenges: one signature each, within five minutes.
CREATE TABLE wallet_challenges (
    id             VARCHAR(40)   PRIMARY KEY,
    environment_id VARCHAR(63)   NOT NULL,
    user_id        VARCHAR(40)   NOT NULL,
    session_id     VARCHAR(40)   NOT NULL,
    wallet_id      VARCHAR(40)   NOT NULL,
    address        VARCHAR(42)   NOT NULL,
    message        VARCHAR(2000) NOT NULL,
    scopes         VARCHAR(255)  NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX wallet_challenges_by_expiry ON wallet_challenges (expires_at);
