package dev.stepup.application.port.out.audit;

/** The kinds of happening the audit trail records. */
public enum AuditEventType {
  STEP_UP_CHECK,
  OTP_SENT,
  VERIFICATION,
  TOKEN_ISSUED,
  TOKEN_CONSUMED,
  TOKEN_REVOKED,
  TOKEN_REFUSED,
  LOCKOUT,
  SETTINGS_CHANGED,
  ENVIRONMENT_CREATED,
  ENVIRONMENT_RENAMED,
  API_KEY_CREATED,
  API_KEY_REVOKED,
  BOOTSTRAP,
  USER_CREATED,
  SESSION_STARTED,
  SESSION_ENDED,
  MFA_ENROLLED,
  RECOVERY_CODES_ISSUED,
  DEFAULT_MFA_CHANGED,
  CREDENTIAL_LINKED,
  CREDENTIAL_UNLINKED,
  WALLET_OPERATION;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
