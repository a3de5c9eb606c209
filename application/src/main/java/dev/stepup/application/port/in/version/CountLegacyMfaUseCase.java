package dev.stepup.application.port.in.version;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.version.LegacyUseCount;
import java.util.List;

/** How much action-based MFA an environment saw in the last 30 days: when switching is safe. */
public interface CountLegacyMfaUseCase {

  int DAYS = dev.stepup.domain.version.LegacyMfaUse.COUNTED_DAYS;

  /** The counts by kind and API version, largest first; empty when nothing legacy was used. */
  List<LegacyUseCount> lastThirtyDays(EnvironmentId environmentId);
}
