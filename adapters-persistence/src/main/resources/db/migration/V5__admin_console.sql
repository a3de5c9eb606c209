-- Failed console sign-ins per username and per client address (the subject), so throttling holds
-- across restarts and nodes.
CREATE TABLE admin_sign_in_tallies (
    subject           VARCHAR(200) PRIMARY KEY,
    failures          INTEGER      NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE
);

-- The console finds users by what their credentials name and lists their sessions.
CREATE INDEX credentials_by_environment ON credentials (environment_id, format);
CREATE INDEX audit_events_by_environment_type ON audit_events (environment_id, type, at);
