package dev.stepup.domain.environment;

import java.time.Duration;

/** Whether an elevated token for a scope may be used once or until it expires. */
public enum TokenUse {
  /** Consumed by the first protected action that accepts it; lives 5 minutes. */
  SINGLE(Duration.ofMinutes(5)),
  /** Usable until it expires or is revoked; lives 10 minutes. */
  MULTI(Duration.ofMinutes(10));

  private final Duration lifetime;

  TokenUse(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /**
   * The lifetime an action with this use has unless its admin sets another ({@link
   * ProtectedAction#lifetime()} decides).
   */
  public Duration lifetime() {
    return lifetime;
  }
}
