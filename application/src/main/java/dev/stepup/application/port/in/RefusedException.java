package dev.stepup.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request the use case turned down for a reason the caller can act on (a wrong code, a lock, a
 * missing step-up). The message is written for the end user and never contains a secret.
 */
public final class RefusedException extends RuntimeException {

  private final Refusal refusal;
  private final transient Optional<Duration> retryAfter;
  private final String scope;
  private final transient List<String> acrValues;

  public RefusedException(Refusal refusal, String message) {
    this(refusal, message, Optional.empty(), null);
  }

  public RefusedException(
      Refusal refusal, String message, Optional<Duration> retryAfter, String scope) {
    this(refusal, message, retryAfter, scope, List.of());
  }

  /**
   * A refusal that a step-up at one of {@code acrValues} would overcome (the RFC 9470 challenge of
   * a protected action).
   */
  public RefusedException(
      Refusal refusal,
      String message,
      Optional<Duration> retryAfter,
      String scope,
      List<String> acrValues) {
    super(message);
    this.refusal = Objects.requireNonNull(refusal, "refusal");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.scope = scope;
    this.acrValues = List.copyOf(acrValues);
  }

  public Refusal refusal() {
    return refusal;
  }

  /** How long until trying again can succeed (locks, throttles). */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /** The scope a missing or refused elevated token was needed for. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** The authentication levels that would satisfy the step-up, most preferred first. */
  public List<String> acrValues() {
    return acrValues;
  }
}
