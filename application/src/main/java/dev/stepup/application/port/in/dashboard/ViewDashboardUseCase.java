package dev.stepup.application.port.in.dashboard;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Today at a glance for one environment: step-ups, failures, lockouts, active tokens. */
public interface ViewDashboardUseCase {

  /**
   * @throws dev.stepup.application.port.in.NotFoundException for an unknown environment
   */
  Dashboard today(EnvironmentId environmentId);

  /**
   * Counts since the start of the day (UTC).
   *
   * @param stepUpsByMethod elevated tokens issued after a verification, per method (every method,
   *     in their order, zero included)
   * @param verifications verification attempts, accepted or not
   * @param monitored per scope in monitor mode (or counted in the period), the checks and actions
   *     that enforcing would have answered "step-up required", in scope order
   */
  record Dashboard(
      EnvironmentId environmentId,
      Instant since,
      Map<VerificationMethod, Long> stepUpsByMethod,
      long verifications,
      long failedVerifications,
      long lockouts,
      long activeTokens,
      Map<Scope, Monitored> monitored) {
    public Dashboard {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(since, "since");
      stepUpsByMethod = Map.copyOf(stepUpsByMethod);
      monitored = Collections.unmodifiableMap(new TreeMap<>(monitored));
    }

    /** A dashboard with nothing in monitor mode. */
    public Dashboard(
        EnvironmentId environmentId,
        Instant since,
        Map<VerificationMethod, Long> stepUpsByMethod,
        long verifications,
        long failedVerifications,
        long lockouts,
        long activeTokens) {
      this(
          environmentId,
          since,
          stepUpsByMethod,
          verifications,
          failedVerifications,
          lockouts,
          activeTokens,
          Map.of());
    }

    public long stepUps() {
      return stepUpsByMethod.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Monitored checks and actions of one scope: what enforcing it would have asked for. */
    public record Monitored(long checks, long actions) {
      public long total() {
        return checks + actions;
      }
    }

    /** Failed verifications as a whole percentage of all of them; 0 when there were none. */
    public int failureRatePercent() {
      return verifications == 0 ? 0 : (int) Math.round(100.0 * failedVerifications / verifications);
    }
  }
}
