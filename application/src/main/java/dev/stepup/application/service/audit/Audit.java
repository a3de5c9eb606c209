package dev.stepup.application.service.audit;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.user.Acting;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Builds audit events with the fields every service fills the same way. */
public final class Audit {

  private final AuditTrail trail;
  private final Clock clock;

  public Audit(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  public Entry event(AuditEventType type, EnvironmentId environmentId, RequestOrigin origin) {
    return new Entry(type, environmentId, origin);
  }

  /** An event of {@code type} by the session acting, with the method it used. */
  public Entry bySession(
      AuditEventType type, SessionContext context, Acting acting, VerificationMethod method) {
    return event(type, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .method(Optional.of(method));
  }

  /** A fluent event under construction; {@link #success()} or {@link #failure} records it. */
  public final class Entry {
    private final AuditEventType type;
    private final EnvironmentId environmentId;
    private final RequestOrigin origin;
    private UserId userId;
    private SessionId sessionId;
    private Set<Scope> scopes = Set.of();
    private VerificationMethod method;
    private String actor;

    private Entry(AuditEventType type, EnvironmentId environmentId, RequestOrigin origin) {
      this.type = type;
      this.environmentId = environmentId;
      this.origin = origin;
    }

    public Entry user(UserId userId) {
      this.userId = userId;
      return this;
    }

    public Entry session(Optional<SessionId> sessionId) {
      this.sessionId = sessionId.orElse(null);
      return this;
    }

    public Entry scopes(Set<Scope> scopes) {
      this.scopes = scopes;
      return this;
    }

    public Entry method(Optional<VerificationMethod> method) {
      this.method = method.orElse(null);
      return this;
    }

    public Entry actor(String actor) {
      this.actor = actor;
      return this;
    }

    public void success() {
      write(AuditEvent.Outcome.SUCCESS, null);
    }

    public void success(String detail) {
      write(AuditEvent.Outcome.SUCCESS, detail);
    }

    public void failure(String reason) {
      write(AuditEvent.Outcome.FAILURE, reason);
    }

    private void write(AuditEvent.Outcome outcome, String reason) {
      trail.record(
          new AuditEvent(
              clock.instant(),
              Optional.ofNullable(environmentId),
              type,
              outcome,
              Optional.ofNullable(userId),
              Optional.ofNullable(sessionId),
              scopes,
              Optional.ofNullable(method),
              Optional.ofNullable(reason),
              Optional.ofNullable(actor),
              origin));
    }
  }
}
