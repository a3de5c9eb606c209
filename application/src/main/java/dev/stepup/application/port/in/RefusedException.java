package dev.stepup.application.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A request the use case turned down for a reason the caller can act on (a wrong code, a lock, a
 * missing step-up). It carries data only — the reason and what the caller needs to act (attempts
 * left, when to retry, the scope to step up for) — and each user interface writes its own words.
 * Nothing in it is secret.
 */
public final class RefusedException extends RuntimeException {

  private final RefusalReason reason;
  private final transient Optional<Duration> retryAfter;
  private final transient OptionalInt attemptsLeft;
  private final String scope;
  private final transient List<String> acrValues;
  private final String subject;

  public RefusedException(RefusalReason reason) {
    this(reason, Optional.empty(), OptionalInt.empty(), null, List.of(), null);
  }

  private RefusedException(
      RefusalReason reason,
      Optional<Duration> retryAfter,
      OptionalInt attemptsLeft,
      String scope,
      List<String> acrValues,
      String subject) {
    super(describe(reason, retryAfter, attemptsLeft, scope), null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.attemptsLeft = Objects.requireNonNull(attemptsLeft, "attemptsLeft");
    this.scope = scope;
    this.acrValues = List.copyOf(acrValues);
    this.subject = subject;
  }

  /** The same refusal, saying how long until trying again can succeed (locks, throttles). */
  public RefusedException retryAfter(Duration wait) {
    return new RefusedException(reason, Optional.of(wait), attemptsLeft, scope, acrValues, subject);
  }

  /** The same refusal, saying how many more entries the code accepts. */
  public RefusedException attemptsLeft(int left) {
    return new RefusedException(
        reason, retryAfter, OptionalInt.of(Math.max(0, left)), scope, acrValues, subject);
  }

  /**
   * The same refusal, naming the scope a token was needed for and the authentication levels that
   * would satisfy the step-up, most preferred first (the RFC 9470 challenge).
   */
  public RefusedException forScope(String scope, List<String> acrValues) {
    return new RefusedException(
        reason, retryAfter, attemptsLeft, Objects.requireNonNull(scope), acrValues, subject);
  }

  /**
   * The same refusal, naming what it is about in words safe to show (a provider's name, a kind of
   * credential, a wallet address); never a secret.
   */
  public RefusedException about(String subject) {
    return new RefusedException(
        reason, retryAfter, attemptsLeft, scope, acrValues, Objects.requireNonNull(subject));
  }

  public RefusalReason reason() {
    return reason;
  }

  /** The stable error code of this refusal. */
  public Refusal refusal() {
    return reason.refusal();
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  public OptionalInt attemptsLeft() {
    return attemptsLeft;
  }

  /** The scope a missing or refused elevated token was needed for. */
  public Optional<String> scope() {
    return Optional.ofNullable(scope);
  }

  /** The authentication levels that would satisfy the step-up, most preferred first. */
  public List<String> acrValues() {
    return acrValues;
  }

  /** What the refusal is about, when the words need to name it. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  // For logs and test failures only; user interfaces write their own words.
  private static String describe(
      RefusalReason reason, Optional<Duration> retryAfter, OptionalInt left, String scope) {
    StringBuilder text = new StringBuilder(reason.name());
    retryAfter.ifPresent(w -> text.append(" retryAfter=").append(w));
    left.ifPresent(n -> text.append(" attemptsLeft=").append(n));
    if (scope != null) {
      text.append(" scope=").append(scope);
    }
    return text.toString();
  }
}
