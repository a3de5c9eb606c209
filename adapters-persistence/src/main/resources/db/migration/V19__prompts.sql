-- Step-up prompts for host applications: who steps up for what, where the outcome goes, the
-- digests of the single-use launch ticket, of the opening browser's secret and of the one-time
-- result code, and (redirect prompts only, for at most a minute) the sealed tokens.
CREATE TABLE prompts (
    id                 VARCHAR(40)   PRIMARY KEY,
    environment_id     VARCHAR(63)   NOT NULL,
    user_id            VARCHAR(40)   NOT NULL,
    session_id         VARCHAR(40)   NOT NULL,
    scopes             VARCHAR(500)  NOT NULL,
    mode               VARCHAR(16)   NOT NULL,
    return_to          VARCHAR(500),
    opener_origin      VARCHAR(300),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    ticket_digest      VARCHAR(128)  NOT NULL UNIQUE,
    ticket_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ticket_used_at     TIMESTAMP WITH TIME ZONE,
    visitor_digest     VARCHAR(128),
    status             VARCHAR(16)   NOT NULL,
    failure_reason     VARCHAR(64),
    finished_at        TIMESTAMP WITH TIME ZONE,
    result_digest      VARCHAR(128)  UNIQUE,
    result_expires_at  TIMESTAMP WITH TIME ZONE,
    result_used_at     TIMESTAMP WITH TIME ZONE,
    sealed_tokens      VARCHAR(16000)
);
CREATE INDEX prompts_by_creation ON prompts (created_at);

-- Keys that held every permission (made before permissions existed, or the demo key) keep holding
-- them all: they gain the new one for prompts.
UPDATE api_keys
   SET permissions = permissions || ' prompts:write'
 WHERE permissions = 'users:read users:write sessions:read sessions:write tokens:issue tokens:introspect tokens:revoke';
