-- Every console admin enrols an authenticator app: its secret sealed with the master key, and the
-- last time step a code was accepted for, so a code is never accepted twice.
ALTER TABLE admin_accounts ADD COLUMN totp_secret VARCHAR(512);
ALTER TABLE admin_accounts ADD COLUMN totp_last_step BIGINT;
