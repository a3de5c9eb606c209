package dev.stepup.application.service.environment;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ManageHostScopesUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.Environment.Reconfiguration;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.scope.UnknownScopeException;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** Adds and removes an environment's own scopes, audited with the admin's name. */
public final class HostScopeService implements ManageHostScopesUseCase {

  private final Environments environments;
  private final TransactionRunner transactions;
  private final Audit audit;

  public HostScopeService(
      Environments environments,
      TransactionRunner transactions,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
  }

  @Override
  public StepUpSettings add(Add command) {
    // The domain checks the name, words and lifetime before anything is loaded or written.
    ProtectedAction action =
        new ProtectedAction(
            Scope.host(command.name(), command.description()),
            command.enforcement(),
            command.tokenUse(),
            command.lifetime());
    return change(
        command.environmentId(),
        settings -> settings.withHostScope(action),
        AuditEventType.HOST_SCOPE_ADDED,
        command.actor(),
        command.origin(),
        describe(action));
  }

  @Override
  public StepUpSettings remove(Remove command) {
    Scope scope =
        Scope.fromWire(command.name()).orElseThrow(() -> new UnknownScopeException(command.name()));
    return change(
        command.environmentId(),
        settings -> settings.withoutHostScope(scope),
        AuditEventType.HOST_SCOPE_REMOVED,
        command.actor(),
        command.origin(),
        scope.wire());
  }

  private StepUpSettings change(
      EnvironmentId id,
      UnaryOperator<StepUpSettings> change,
      AuditEventType type,
      String actor,
      RequestOrigin origin,
      String about) {
    return transactions.inTransaction(
        () -> {
          Environment environment =
              environments.find(id).orElseThrow(() -> new NotFoundException("environment", id));
          Reconfiguration outcome = environment.reconfigure(change.apply(environment.settings()));
          if (outcome instanceof Reconfiguration.Rejected rejected) {
            throw new InvalidScopeException(String.join(" ", rejected.problems()));
          }
          environments.save(environment);
          audit.event(type, id, origin).actor(actor).success(about);
          return environment.settings();
        });
  }

  /** The audit's words for a new scope, e.g. {@code payments:send "send a payment" ...}. */
  static String describe(ProtectedAction action) {
    return action.scope().wire()
        + " \""
        + action.scope().action()
        + "\", "
        + action.enforcement().wire()
        + ", "
        + (action.tokenUse() == TokenUse.SINGLE ? "single-use" : "multi-use")
        + ", "
        + action.lifetime().toMinutes()
        + " min";
  }
}
