package dev.stepup.application.port.in.wallet;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of the signed-in user's demo wallets a key operation is for, and the elevated token for its
 * scope.
 */
public record WalletCommand(
    SessionContext context, CredentialId walletId, Optional<String> elevatedToken) {

  public WalletCommand {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(walletId, "walletId");
    Objects.requireNonNull(elevatedToken, "elevatedToken");
  }
}
