package dev.stepup.client;

import java.time.Duration;
import java.util.Optional;

/**
 * The server refused a request: its problem+json {@code code} (stable, machine-readable, e.g.
 * {@code validation_failed}, {@code insufficient_permission}, {@code too_many_attempts}), the HTTP
 * status and the {@code detail} written for the user.
 */
public class StepUpException extends RuntimeException {

  private final int status;
  private final String code;
  private final String detail;
  private final String scope;
  private final Duration retryAfter;

  public StepUpException(int status, String code, String detail) {
    this(status, code, detail, null, null);
  }

  StepUpException(int status, String code, String detail, String scope, Duration retryAfter) {
    super(code + " (" + status + "): " + detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.scope = scope;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status, or 0 when the server could not be reached or answered no problem. */
  public int status() {
    return status;
  }

  /** The problem's stable {@code code}. */
  public String code() {
    return code;
  }

  /** The problem's {@code detail}: words for the user. */
  public String detail() {
    return detail;
  }

  /** With {@code step_up_required}: the scope to step up for. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** With {@code too_many_attempts}: how long to wait ({@code Retry-After}). */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
