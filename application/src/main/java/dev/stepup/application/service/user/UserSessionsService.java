package dev.stepup.application.service.user;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.user.EndUserSessionUseCase;
import dev.stepup.application.port.in.user.ListUserSessionsUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A user's sessions as their host backend manages them. */
public final class UserSessionsService implements ListUserSessionsUseCase, EndUserSessionUseCase {

  private final Users users;
  private final Sessions sessions;
  private final ElevatedTokens tokens;
  private final TransactionRunner transactions;
  private final Audit audit;
  private final Clock clock;

  public UserSessionsService(
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public List<Session> list(EnvironmentId environmentId, UserId userId) {
    requireUser(environmentId, userId);
    Instant now = clock.instant();
    return sessions.openOf(environmentId, userId, now).stream()
        .filter(s -> s.isActive(now))
        .toList();
  }

  @Override
  public void end(EndUserSessionUseCase.Command command) {
    EnvironmentId environmentId = command.environmentId();
    UserId userId = command.userId();
    SessionId sessionId = command.sessionId();
    RequestOrigin origin = command.origin();
    requireUser(environmentId, userId);
    // Another user's or another environment's session is answered as if it did not exist.
    Session session =
        sessions
            .find(sessionId)
            .filter(s -> s.environmentId().equals(environmentId))
            .filter(s -> s.userId().equals(userId))
            .orElseThrow(() -> new NotFoundException("session", sessionId));
    Instant now = clock.instant();
    int ended =
        transactions.inTransaction(
            () -> SessionEnding.end(sessions, tokens, List.of(session), now));
    if (ended > 0) {
      audit
          .event(AuditEventType.SESSION_ENDED, environmentId, origin)
          .user(userId)
          .session(Optional.of(sessionId))
          .actor("api-key")
          .success();
    }
  }

  private void requireUser(EnvironmentId environmentId, UserId userId) {
    if (users.find(environmentId, userId).isEmpty()) {
      throw new NotFoundException("user", userId);
    }
  }
}
