package dev.stepup.application.service.admin;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditStatistics;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.token.TokenSearch;
import dev.stepup.application.service.token.ProtectedActionService;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Today's numbers of an environment, from the audit trail and the token records. */
public final class DashboardService implements ViewDashboardUseCase {

  private final Environments environments;
  private final AuditStatistics statistics;
  private final ElevatedTokens tokens;
  private final Clock clock;

  public DashboardService(
      Environments environments, AuditStatistics statistics, ElevatedTokens tokens, Clock clock) {
    this.environments = environments;
    this.statistics = statistics;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Dashboard today(EnvironmentId environmentId) {
    Environment environment =
        environments
            .find(environmentId)
            .orElseThrow(() -> new NotFoundException("environment", environmentId));
    Instant now = clock.instant();
    Instant since = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    List<AuditStatistics.Count> counts = statistics.countSince(environmentId, since);

    Map<VerificationMethod, Long> stepUps = new EnumMap<>(VerificationMethod.class);
    for (VerificationMethod method : VerificationMethod.values()) {
      stepUps.put(method, 0L);
    }
    long verifications = 0;
    long failed = 0;
    long lockouts = 0;
    for (AuditStatistics.Count c : counts) {
      boolean success = c.outcome() == AuditEvent.Outcome.SUCCESS;
      if (c.type() == AuditEventType.TOKEN_ISSUED && success && c.method().isPresent()) {
        stepUps.merge(c.method().get(), c.count(), Long::sum);
      } else if (c.type() == AuditEventType.VERIFICATION) {
        verifications += c.count();
        failed += success ? 0 : c.count();
      } else if (c.type() == AuditEventType.LOCKOUT) {
        lockouts += c.count();
      }
    }
    long active =
        tokens.count(
            new TokenSearch(
                environmentId,
                Optional.of(TokenState.ACTIVE),
                Optional.empty(),
                Optional.empty(),
                now,
                0,
                1));
    return new Dashboard(
        environmentId,
        since,
        stepUps,
        verifications,
        failed,
        lockouts,
        active,
        monitored(environment, since));
  }

  /**
   * Per scope now in monitor mode, or with monitored records in the period (an admin who just
   * switched back to enforce still sees them), the checks and actions enforcing would have refused.
   */
  private Map<Scope, Dashboard.Monitored> monitored(Environment environment, Instant since) {
    Map<Scope, long[]> counts = new LinkedHashMap<>();
    environment.settings().actions().values().stream()
        .filter(ProtectedAction::isMonitored)
        .forEach(a -> counts.put(a.scope(), new long[2]));
    for (AuditStatistics.ScopeCount c :
        statistics.countByScopeSince(environment.id(), AuditEventType.STEP_UP_MONITORED, since)) {
      long[] tally = counts.computeIfAbsent(c.scope(), s -> new long[2]);
      boolean action =
          c.reason().filter(ProtectedActionService.MONITORED_ACTION::equals).isPresent();
      tally[action ? 1 : 0] += c.count();
    }
    Map<Scope, Dashboard.Monitored> monitored = new LinkedHashMap<>();
    counts.forEach((scope, t) -> monitored.put(scope, new Dashboard.Monitored(t[0], t[1])));
    return monitored;
  }
}
