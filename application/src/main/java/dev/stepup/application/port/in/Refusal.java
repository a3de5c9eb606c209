package dev.stepup.application.port.in;

/**
 * Why a use case refused a request. Each value maps to one stable, machine-readable error code of
 * the API ({@link #code()}), so clients can react without parsing messages.
 */
public enum Refusal {
  INVALID_CODE("invalid_code"),
  INVALID_SIGNATURE("invalid_signature"),
  PASSKEY_REJECTED("passkey_rejected"),
  PASSKEY_COUNTER_REGRESSED("passkey_counter_regressed"),
  CODE_EXPIRED("code_expired"),
  TOO_MANY_ATTEMPTS("too_many_attempts"),
  RESEND_THROTTLED("too_many_attempts"),
  MFA_REQUIRED("mfa_required"),
  NO_ELIGIBLE_CREDENTIAL("no_eligible_credential"),
  METHOD_DISABLED("method_disabled"),
  EMBEDDED_WALLET_NOT_SUPPORTED("embedded_wallet_not_supported"),
  CREDENTIAL_NOT_ELIGIBLE("credential_not_eligible"),
  NO_PENDING_CODE("no_pending_code"),
  UNKNOWN_CHALLENGE("unknown_challenge"),
  STEP_UP_REQUIRED("step_up_required"),
  TOKEN_CONSUMED("token_consumed"),
  TOKEN_EXPIRED("token_expired"),
  TOKEN_REVOKED("token_revoked"),
  INVALID_TOKEN("invalid_token"),
  CREDENTIAL_IN_USE("credential_in_use"),
  LAST_CREDENTIAL("last_credential"),
  ALREADY_CONFIRMED("already_confirmed"),
  REDIRECT_URI_NOT_ALLOWED("redirect_uri_not_allowed"),
  SOCIAL_LOGIN_FAILED("social_login_failed"),
  SOCIAL_LOGIN_CANCELLED("social_login_cancelled"),
  ACCOUNT_NOT_LINKED("account_not_linked"),
  PROVIDER_UNAVAILABLE("provider_unavailable"),
  ORIGIN_NOT_ALLOWED("origin_not_allowed"),
  INVALID_RESULT_CODE("invalid_result_code"),
  // bring your own auth
  EXTERNAL_IDP_NOT_CONFIGURED("external_idp_not_configured"),
  UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"),
  INVALID_SUBJECT_TOKEN("invalid_subject_token"),
  SUBJECT_TOKEN_EXPIRED("subject_token_expired"),
  WRONG_ISSUER("wrong_issuer"),
  WRONG_AUDIENCE("wrong_audience"),
  INVALID_CLIENT_ASSERTION("invalid_client_assertion"),
  ASSERTION_REPLAYED("assertion_replayed"),
  LEGACY_API_RETIRED("legacy_api_retired"),
  // operation-bound tokens
  OPERATION_MISMATCH("operation_mismatch"),
  // single use per scope
  SCOPE_REQUIRED("scope_required");

  private final String code;

  Refusal(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
