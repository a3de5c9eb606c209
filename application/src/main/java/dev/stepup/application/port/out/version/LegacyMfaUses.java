package dev.stepup.application.port.out.version;

import dev.stepup.domain.environment.ApiVersion;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.version.LegacyMfaUse;
import dev.stepup.domain.version.LegacyUseCount;
import java.time.LocalDate;
import java.util.List;

/**
 * Each use of action-based MFA, by day, kind and the API version the request named: what an admin
 * reads before retiring it. A use is recorded in the transaction of the request that made it.
 */
public interface LegacyMfaUses {

  void record(EnvironmentId environmentId, LocalDate day, LegacyMfaUse use, ApiVersion version);

  /** The environment's uses on {@code from} and after, counted by kind and version. */
  List<LegacyUseCount> countSince(EnvironmentId environmentId, LocalDate from);
}
