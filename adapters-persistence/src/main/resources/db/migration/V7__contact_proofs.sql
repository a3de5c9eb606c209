-- Email addresses and phone numbers a user asked to link, waiting for the code sent to them.
-- They are nobody's credential until the code comes back, so they are kept apart from
-- credentials (whose unique key would let a mere claim block the real owner).
CREATE TABLE contact_proofs (
    id              VARCHAR(40)  PRIMARY KEY,
    environment_id  VARCHAR(63)  NOT NULL,
    user_id         VARCHAR(40)  NOT NULL,
    session_id      VARCHAR(40)  NOT NULL,
    format          VARCHAR(32)  NOT NULL,
    identifier      VARCHAR(400) NOT NULL,
    code_digest     VARCHAR(128) NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_attempts INTEGER      NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX contact_proofs_by_session ON contact_proofs (session_id, issued_at);
CREATE INDEX contact_proofs_by_expiry ON contact_proofs (expires_at);
