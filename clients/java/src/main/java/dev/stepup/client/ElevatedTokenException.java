package dev.stepup.client;

/**
 * An elevated token failed offline verification. Its {@code code} is the one the server answers for
 * the same token at a protected action, so a host backend can pass it on as it is: {@code
 * invalid_token} (malformed, tampered, unknown key, another issuer or environment, or single-use),
 * {@code token_expired}, or {@code step_up_required} (it does not cover the scope). Status 401;
 * {@code operation_mismatch} (403) for a token bound to another operation.
 */
public final class ElevatedTokenException extends StepUpException {

  ElevatedTokenException(String code, String detail) {
    super(401, code, detail);
  }

  ElevatedTokenException(int status, String code, String detail) {
    super(status, code, detail);
  }

  ElevatedTokenException(String code, String detail, String scope) {
    super(401, code, detail, scope, null);
  }
}
