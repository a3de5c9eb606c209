-- HTTP sessions of the console and the hosted pages (Spring Session JDBC's layout), shared by
-- every node so that any node serves any request. session_id is the SHA-256 digest (base64url) of
-- the id the browser's cookie carries, never the id itself. Attribute values are serialized Java objects;
-- secrets in them (held elevated tokens, TOTP enrolment secrets) are sealed with the master key
-- before they are put in a session. BYTEA is PostgreSQL's binary type and an H2 alias of
-- VARBINARY. Expired rows are deleted by the purge (under its lease), the attributes with them.
CREATE TABLE http_sessions (
    primary_id             CHAR(36)      NOT NULL,
    session_id             VARCHAR(64)   NOT NULL,
    creation_time          BIGINT        NOT NULL,
    last_access_time       BIGINT        NOT NULL,
    max_inactive_interval  INT           NOT NULL,
    expiry_time            BIGINT        NOT NULL,
    principal_name         VARCHAR(100),
    CONSTRAINT http_sessions_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX http_sessions_by_session_id ON http_sessions (session_id);
CREATE INDEX http_sessions_by_expiry ON http_sessions (expiry_time);
CREATE INDEX http_sessions_by_principal ON http_sessions (principal_name);

CREATE TABLE http_sessions_attributes (
    session_primary_id     CHAR(36)      NOT NULL,
    attribute_name         VARCHAR(200)  NOT NULL,
    attribute_bytes        BYTEA         NOT NULL,
    CONSTRAINT http_sessions_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT http_sessions_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES http_sessions (primary_id) ON DELETE CASCADE
);
