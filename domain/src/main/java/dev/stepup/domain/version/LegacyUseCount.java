package dev.stepup.domain.version;

import dev.stepup.domain.environment.ApiVersion;
import java.util.Objects;

/** How many uses of one kind of action-based MFA came with one API version. */
public record LegacyUseCount(LegacyMfaUse use, ApiVersion version, long count) {
  public LegacyUseCount {
    Objects.requireNonNull(use, "use");
    Objects.requireNonNull(version, "version");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
  }
}
