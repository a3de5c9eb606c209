package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.scope.Scope;
import java.util.Objects;
import java.util.Set;

/** A proof presented by a session for the scopes it wants an elevated token for. */
public record VerifyStepUpCommand(SessionContext context, Proof proof, Set<Scope> scopes) {
  public VerifyStepUpCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(proof, "proof");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
  }
}
