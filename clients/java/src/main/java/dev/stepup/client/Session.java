package dev.stepup.client;

import java.time.Instant;

/**
 * A signed-in session of a user. The {@code sessionToken} goes to the user's client (it calls the
 * end-user API with it) and is never logged by this class.
 */
public record Session(String sessionId, String sessionToken, Instant expiresAt) {
  @Override
  public String toString() {
    return "Session[sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
  }
}
