package dev.stepup.application.port.out.externalauth;

import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;

/**
 * The {@code jti} of every signed assertion used, kept until the assertion expires, shared by all
 * nodes: each is accepted once.
 */
public interface SpentAssertions {

  /**
   * Records the {@code jti} as spent (forgetting those expired before {@code now}); false when it
   * was already spent, on this node or another.
   */
  boolean spend(
      EnvironmentId environmentId, String clientId, String jti, Instant expiresAt, Instant now);
}
