-- API keys carry permissions (space-separated wire names, e.g. 'tokens:introspect tokens:revoke')
-- and an optional expiry. Keys made before permissions existed keep working: they get them all.
ALTER TABLE api_keys ADD COLUMN permissions VARCHAR(400);
ALTER TABLE api_keys ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
UPDATE api_keys
   SET permissions = 'users:read users:write sessions:read sessions:write tokens:issue tokens:introspect tokens:revoke';
ALTER TABLE api_keys ALTER COLUMN permissions SET NOT NULL;
