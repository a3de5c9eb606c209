package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.application.port.in.stepup.CheckStepUpUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.token.ElevatedTokenSigner;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.token.PresentedTokens;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.policy.StepUpDecision;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.scope.UnknownScopeException;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the step-up policy for a session; fails closed. What the client holds is what counts: the
 * token it presents with the check, never one the server issued earlier that the client may have
 * lost.
 */
public final class CheckStepUpService implements CheckStepUpUseCase {

  private static final Logger LOG = Logger.getLogger(CheckStepUpService.class.getName());

  /** The reason of a monitored record made by {@code check}. */
  public static final String MONITORED_CHECK = "check";

  private final Environments environments;
  private final Users users;
  private final Sessions sessions;
  private final PresentedTokens presented;
  private final StepUpPolicy policy;
  private final Audit audit;
  private final Clock clock;

  public CheckStepUpService(
      Environments environments,
      Users users,
      Sessions sessions,
      ElevatedTokens tokens,
      ElevatedTokenSigner signer,
      StepUpPolicy policy,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.users = users;
    this.sessions = sessions;
    this.presented = new PresentedTokens(tokens, signer);
    this.policy = policy;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public CheckStepUpResult check(CheckStepUpQuery query) {
    StepUpDecision decision;
    Optional<Session> session = Optional.empty();
    try {
      session = sessions.find(query.sessionId());
      decision = decide(query, session);
    } catch (UnknownScopeException e) {
      // Not an error to fail closed on: the client asked about a scope this environment lacks.
      throw e;
    } catch (RuntimeException e) {
      // An error must never read as "not required".
      LOG.log(Level.WARNING, "step-up check failed; answering required", e);
      decision = StepUpDecision.Required.withNoWayToVerify();
    }
    try {
      var entry =
          audit
              .event(AuditEventType.STEP_UP_CHECK, query.environmentId(), query.origin())
              .session(Optional.of(query.sessionId()))
              .scopes(Set.of(query.scope()));
      session.ifPresent(s -> entry.user(s.userId()));
      entry.success(decision.isRequired() ? "required" : "not_required");
      if (decision instanceof StepUpDecision.NotRequired n
          && n.why() == StepUpDecision.NotRequired.Why.MONITORED) {
        // Its own record, so the dashboard can count what enforcing would have asked for.
        var monitored =
            audit
                .event(AuditEventType.STEP_UP_MONITORED, query.environmentId(), query.origin())
                .session(Optional.of(query.sessionId()))
                .scopes(Set.of(query.scope()));
        session.ifPresent(s -> monitored.user(s.userId()));
        monitored.success(MONITORED_CHECK);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not audit a step-up check", e);
    }
    return CheckStepUpResult.from(decision);
  }

  private StepUpDecision decide(CheckStepUpQuery query, Optional<Session> found) {
    Instant now = clock.instant();
    Session session =
        found
            .filter(s -> s.environmentId().equals(query.environmentId()))
            .filter(s -> s.isActive(now))
            .orElseThrow(() -> new IllegalStateException("no active session " + query.sessionId()));
    Environment environment =
        environments
            .find(query.environmentId())
            .orElseThrow(
                () -> new IllegalStateException("no environment " + query.environmentId()));
    environment.settings().action(query.scope());
    User user =
        users
            .find(query.environmentId(), session.userId())
            .orElseThrow(() -> new IllegalStateException("no user " + session.userId()));
    return policy.decide(
        environment.settings(),
        user,
        session,
        query.scope(),
        query.presentedToken().flatMap(t -> presented.recordOf(t, query.environmentId())).stream()
            .toList(),
        now);
  }
}
