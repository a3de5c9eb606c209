package dev.stepup.server;

import dev.stepup.domain.session.SessionTimeouts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code stepup.sessions.*}: how long an end user's session lasts at most ({@code
 * lifetime}, default 12 hours) and how long it may go unused ({@code idle-timeout}, default 30
 * minutes), e.g. {@code STEPUP_SESSIONS_IDLE_TIMEOUT=15m}. They apply to sessions started after a
 * change.
 */
@ConfigurationProperties("stepup.sessions")
public record SessionProperties(Duration lifetime, Duration idleTimeout) {

  public SessionProperties {
    lifetime = lifetime == null ? SessionTimeouts.DEFAULT_LIFETIME : lifetime;
    idleTimeout = idleTimeout == null ? SessionTimeouts.DEFAULT_IDLE_TIMEOUT : idleTimeout;
  }

  /** The timeouts new sessions start with; refuses a setting that makes no sense at start-up. */
  public SessionTimeouts timeouts() {
    return new SessionTimeouts(lifetime, idleTimeout);
  }
}
