package dev.stepup.application.service.user;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import java.time.Instant;

/** The environment, active session and user behind a request, loaded together. */
public record Acting(Environment environment, Session session, User user) {

  /** Loads what a session context names; an ended session is refused like a bad token. */
  public static Acting load(
      SessionContext context,
      Environments environments,
      Sessions sessions,
      Users users,
      Instant now) {
    Environment environment =
        environments
            .find(context.environmentId())
            .orElseThrow(() -> new NotFoundException("environment", context.environmentId()));
    Session session =
        sessions
            .find(context.sessionId())
            .filter(s -> s.environmentId().equals(environment.id()))
            .filter(s -> s.isActive(now))
            .orElseThrow(() -> new RefusedException(RefusalReason.SESSION_ENDED));
    User user =
        users
            .find(environment.id(), session.userId())
            .orElseThrow(() -> new NotFoundException("user", session.userId()));
    return new Acting(environment, session, user);
  }
}
