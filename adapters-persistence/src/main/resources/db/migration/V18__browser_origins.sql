-- The web origins whose pages may call an environment's end-user endpoints from the browser
-- (CORS) and receive a step-up popup's outcome; none unless an admin lists some.
CREATE TABLE environment_browser_origins (
    environment_id VARCHAR(63)  NOT NULL REFERENCES environments (id),
    position       INTEGER      NOT NULL,
    origin         VARCHAR(300) NOT NULL,
    PRIMARY KEY (environment_id, position)
);
