package dev.stepup.application.port.in.dashboard;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

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
   */
  record Dashboard(
      EnvironmentId environmentId,
      Instant since,
      Map<VerificationMethod, Long> stepUpsByMethod,
      long verifications,
      long failedVerifications,
      long lockouts,
      long activeTokens) {
    public Dashboard {
      Objects.requireNonNull(environmentId, "environmentId");
      Objects.requireNonNull(since, "since");
      stepUpsByMethod = Map.copyOf(stepUpsByMethod);
    }

    public long stepUps() {
      return stepUpsByMethod.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed verifications as a whole percentage of all of them; 0 when there were none. */
    public int failureRatePercent() {
      return verifications == 0 ? 0 : (int) Math.round(100.0 * failedVerifications / verifications);
    }
  }
}
