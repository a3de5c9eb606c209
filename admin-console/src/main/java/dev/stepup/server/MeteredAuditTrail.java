package dev.stepup.server;

import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.token.TokenUseOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

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
          count(
              "stepup.checks",
              "Step-up checks by answer",
              "environment",
              environment,
              "outcome",
              "not_required".equals(reason) ? "not_required" : "required");
      case VERIFICATION ->
          count(
              "stepup.verifications",
              "Step-up verifications by method and outcome",
              "environment",
              environment,
              "method",
              method,
              "outcome",
              outcome);
      case OTP_SENT ->
          count(
              "stepup.codes.sent",
              "Requests to send a one-time code (failure: throttled)",
              "environment",
              environment,
              "method",
              method,
              "outcome",
              outcome);
      case TOKEN_ISSUED ->
          count(
              "stepup.tokens.issued",
              "Elevated tokens issued, by the method verified (none: issued by a host backend)",
              "environment",
              environment,
              "method",
              method);
      case TOKEN_CONSUMED ->
          count(
              "stepup.tokens.consumed",
              "Elevated tokens accepted by a protected action or consumed by introspection",
              "environment",
              environment);
      case TOKEN_REVOKED ->
          count("stepup.tokens.revoked", "Elevated tokens revoked", "environment", environment);
      case TOKEN_REFUSED ->
          count(
              "stepup.tokens.refused",
              "Elevated tokens refused, by reason",
              "environment",
              environment,
              "reason",
              REFUSALS.contains(reason) ? reason : "other");
      case LOCKOUT ->
          count(
              "stepup.lockouts",
              "Lockouts after repeated failures, by method and guard",
              "environment",
              environment,
              "method",
              method,
              "kind",
              lockoutKind(reason));
      default -> {
        // Console and lifecycle events are in the audit trail; they are not operational meters.
      }
    }
  }

  private void count(String name, String description, String... tags) {
    // Registering looks the meter up by its tags on every call; a hot path keeps its counters.
    counters
        .computeIfAbsent(
            name + '\u0000' + String.join("\u0000", tags),
            key -> Counter.builder(name).description(description).tags(tags).register(meters))
        .increment();
  }

  /**
   * Which guard locked: the reason names the subject after a colon, which must not become a tag.
   */
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
