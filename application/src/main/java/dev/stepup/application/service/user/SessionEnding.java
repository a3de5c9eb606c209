package dev.stepup.application.service.user;

import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;

/**
 * Ends sessions and revokes their elevated tokens, whoever asks: the user signing out, a host
 * backend, an admin's MFA reset, or removing the credential a session signed in with. Callers run
 * it inside their transaction.
 */
public final class SessionEnding {

  private SessionEnding() {}

  /** Ends each session still open and revokes its tokens; returns how many it ended. */
  public static int end(
      Sessions sessions, ElevatedTokens tokens, Collection<Session> ending, Instant now) {
    int ended = 0;
    for (Session session : ending) {
      if (session.end(now)) {
        sessions.save(session);
        ended++;
      }
      tokens.revokeAllForSession(session.id(), now);
    }
    return ended;
  }

  /** Ends every open session of the user, e.g. when an admin resets their MFA. */
  public static int endAllOf(
      Sessions sessions, ElevatedTokens tokens, EnvironmentId env, UserId user, Instant now) {
    return end(sessions, tokens, sessions.openOf(env, user, now), now);
  }

  /** Ends the sessions signed in with a credential that is being removed. */
  public static int endSignedInWith(
      Sessions sessions, ElevatedTokens tokens, CredentialId credential, Instant now) {
    return end(sessions, tokens, sessions.openSignedInWith(credential, now), now);
  }
}
