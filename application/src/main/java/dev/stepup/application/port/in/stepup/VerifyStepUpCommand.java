package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A proof presented by a session for the scopes it wants an elevated token for, optionally bound to
 * the one operation the token may then be spent on.
 */
public record VerifyStepUpCommand(
    SessionContext context, Proof proof, Set<Scope> scopes, Optional<OperationBinding> operation) {
  public VerifyStepUpCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(proof, "proof");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    Objects.requireNonNull(operation, "operation");
  }

  /** A verification for a token good for any operation. */
  public VerifyStepUpCommand(SessionContext context, Proof proof, Set<Scope> scopes) {
    this(context, proof, scopes, Optional.empty());
  }
}
