package dev.stepup.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions last: at most {@code lifetime} after signing in, and no longer than {@code
 * idleTimeout} after their last use.
 */
public record SessionTimeouts(Duration lifetime, Duration idleTimeout) {

  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
  public static final SessionTimeouts DEFAULTS =
      new SessionTimeouts(DEFAULT_LIFETIME, DEFAULT_IDLE_TIMEOUT);

  public SessionTimeouts {
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("session lifetime must be positive");
    }
    if (idleTimeout.compareTo(Session.LAST_SEEN_RESOLUTION) < 0) {
      throw new IllegalArgumentException(
          "session idle timeout must be at least "
              + Session.LAST_SEEN_RESOLUTION.toMinutes()
              + " minute");
    }
  }
}
