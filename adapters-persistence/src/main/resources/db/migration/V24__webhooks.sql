-- Webhooks: each environment's endpoint, the event types it wants, and the signing secret sealed
-- with the master key (it signs every delivery, so it is kept openable, never shown again).
CREATE TABLE webhook_settings (
    environment_id VARCHAR(63)   PRIMARY KEY,
    endpoint_url   VARCHAR(255)  NOT NULL,
    event_types    VARCHAR(255)  NOT NULL,
    sealed_secret  VARCHAR(512)  NOT NULL
);

-- Webhook deliveries travel through the delivery queue (channel 'webhook'); the event's id and type
-- are kept in the clear for the console's view of attempts (the payload stays sealed).
ALTER TABLE deliveries ADD COLUMN event_id VARCHAR(64);
ALTER TABLE deliveries ADD COLUMN event_type VARCHAR(32);
CREATE INDEX deliveries_by_channel_environment ON deliveries (environment_id, channel, id);

-- Keys that held every permission keep holding them all: they gain the new one for webhooks.
UPDATE api_keys
   SET permissions = permissions || ' webhooks:read'
 WHERE permissions = 'users:read users:write sessions:read sessions:write tokens:issue tokens:introspect tokens:revoke prompts:write audit:read';
