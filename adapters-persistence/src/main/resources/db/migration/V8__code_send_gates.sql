-- One row per subject that is sent codes (a session, or an address signing in on the hosted
-- pages): a send claims it with a compare-and-set on last_sent_at in the transaction that stores
-- the code, so of concurrent sends that all passed the throttle check exactly one goes.
CREATE TABLE code_send_gates (
    subject      VARCHAR(500) PRIMARY KEY,
    last_sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);
