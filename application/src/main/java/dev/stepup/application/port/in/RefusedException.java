package dev.stepup.application.port.in;

import java.time.Duration;
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

  public RefusedException(Refusal refusal, String message) {
    this(refusal, message, Optional.empty(), null);
  }

  public RefusedException(
      Refusal refusal, String message, Optional<Duration> retryAfter, String scope) {
    super(message);
    this.refusal = Objects.requireNonNull(refusal, "refusal");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.scope = scope;
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
}
