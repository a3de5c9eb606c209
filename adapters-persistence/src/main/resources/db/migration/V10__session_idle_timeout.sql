-- Sessions also end after going unused for their idle timeout: when each was last used (written at
-- most once a minute) and the idle timeout it started with. Sessions open at the upgrade count as
-- seen at the upgrade, so nobody is signed out by it.
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sessions ADD COLUMN idle_timeout_seconds INTEGER;
UPDATE sessions SET last_seen_at = CURRENT_TIMESTAMP, idle_timeout_seconds = 1800;
ALTER TABLE sessions ALTER COLUMN last_seen_at SET NOT NULL;
ALTER TABLE sessions ALTER COLUMN idle_timeout_seconds SET NOT NULL;

-- Removing a credential ends the sessions signed in with it.
CREATE INDEX sessions_by_sign_in_credential ON sessions (sign_in_credential_id);
