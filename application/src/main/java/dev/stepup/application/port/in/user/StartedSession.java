package dev.stepup.application.port.in.user;

import dev.stepup.domain.session.SessionId;
import java.time.Instant;

/** A new session and its bearer token: the only time the token exists outside the client. */
public record StartedSession(SessionId sessionId, String sessionToken, Instant expiresAt) {
  @Override
  public String toString() {
    return "StartedSession[sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
  }
}
