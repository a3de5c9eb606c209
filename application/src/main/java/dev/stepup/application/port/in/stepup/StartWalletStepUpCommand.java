package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Ask for a wallet challenge.
 *
 * @param walletId the wallet to sign with; empty for the one the policy prefers
 * @param scopes what the signature will be for, named in the message; empty for a generic statement
 */
public record StartWalletStepUpCommand(
    SessionContext context, Optional<CredentialId> walletId, Set<Scope> scopes) {
  public StartWalletStepUpCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(walletId, "walletId");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
  }
}
