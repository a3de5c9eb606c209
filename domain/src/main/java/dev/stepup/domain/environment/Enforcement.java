package dev.stepup.domain.environment;

import java.util.Locale;
import java.util.Optional;

/**
 * How a scope's step-up rule applies: not at all, watched only (step-up is never required, but what
 * would have been required is counted), or enforced. Monitor lets a host roll step-up out and see
 * what enforcing would do before anyone is asked to verify.
 */
public enum Enforcement {
  OFF,
  MONITOR,
  ENFORCE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Enforcement> fromWire(String wire) {
    for (Enforcement e : values()) {
      if (e.wire().equals(wire)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
