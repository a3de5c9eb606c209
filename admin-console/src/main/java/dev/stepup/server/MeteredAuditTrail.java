package dev.stepup.server;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.token.TokenUseOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail, counted: every event goes to the real trail, and the step-up events also move a
 * {@code stepup_*} counter. The services stay unaware of metrics. A counter moves only once the
 * event is kept (after the surrounding transaction commits), so a rolled-back attempt is not
 * counted. Tags are bounded and never name a user, an address or a secret: an audit reason may
 * carry such words, so only known reason values become tags.
 */
final class MeteredAuditTrail implements AuditTrail {

  static final String NONE = "none";

  /** Token refusals worth telling apart; anything else is {@code other}. */
  private static final Set<String> REFUSALS =
      Stream.concat(
              Arrays.stream(TokenUseOutcome.Reason.values())
                  .map(r -> r.name().toLowerCase(Locale.ROOT)),
              Stream.of("invalid_token", "session_ended"))
          .collect(Collectors.toUnmodifiableSet());

  private final AuditTrail trail;
  private final MeterRegistry meters;

  MeteredAuditTrail(AuditTrail trail, MeterRegistry meters) {
    this.trail = trail;
    this.meters = meters;
  }

  @Override
  public void record(AuditEvent event) {
    trail.record(event);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              count(event);
            }
          });
    } else {
      count(event);
    }
  }

  private void count(AuditEvent e) {
    String environment = e.environmentId().map(EnvironmentId::value).orElse(NONE);
    String method = e.method().map(VerificationMethod::wire).orElse(NONE);
    String outcome = e.outcome().name().toLowerCase(Locale.ROOT);
    String reason = e.reason().orElse("");
    switch (e.type()) {
      case STEP_UP_CHECK ->
          meters
              .counter(
                  "stepup.checks",
                  "environment",
                  environment,
                  "outcome",
                  "not_required".equals(reason) ? "not_required" : "required")
              .increment();
      case VERIFICATION ->
          meters
              .counter(
                  "stepup.verifications",
                  "environment",
                  environment,
                  "method",
                  method,
                  "outcome",
                  outcome)
              .increment();
      case OTP_SENT ->
          meters
              .counter(
                  "stepup.codes.sent",
                  "environment",
                  environment,
                  "method",
                  method,
                  "outcome",
                  outcome)
              .increment();
      case TOKEN_ISSUED ->
          meters
              .counter("stepup.tokens.issued", "environment", environment, "method", method)
              .increment();
      case TOKEN_CONSUMED ->
          meters.counter("stepup.tokens.consumed", "environment", environment).increment();
      case TOKEN_REVOKED ->
          meters.counter("stepup.tokens.revoked", "environment", environment).increment();
      case TOKEN_REFUSED ->
          meters
              .counter(
                  "stepup.tokens.refused",
                  "environment",
                  environment,
                  "reason",
                  REFUSALS.contains(reason) ? reason : "other")
              .increment();
      case LOCKOUT ->
          meters
              .counter(
                  "stepup.lockouts",
                  "environment",
                  environment,
                  "method",
                  method,
                  "kind",
                  lockoutKind(reason))
              .increment();
      default -> {
        // Console and lifecycle events are in the audit trail; they are not operational meters.
      }
    }
  }

  /** Which guard locked: the reason names the subject after a colon, which must not become a tag. */
  private static String lockoutKind(String reason) {
    if (reason.startsWith("admin_sign_in")) {
      return "admin_sign_in";
    }
    if (reason.startsWith("hosted_sign_in")) {
      return "hosted_sign_in";
    }
    return "step_up";
  }
}
