-- Failed verifications in a row per user across every step-up method; reaching the configured cap
-- hard-locks all step-up of the user until an admin lifts it or the cool-down passes.
CREATE TABLE step_up_lockouts (
    user_id      VARCHAR(40) PRIMARY KEY,
    failures     INTEGER     NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);
