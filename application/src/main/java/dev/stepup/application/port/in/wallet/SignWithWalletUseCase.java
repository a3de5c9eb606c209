package dev.stepup.application.port.in.wallet;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.operation.Amount;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs a message with the demo wallet ({@code personal_sign}); needs an elevated token for {@code
 * wallet:sign}.
 */
public interface SignWithWalletUseCase {

  /** The 0x hex signature. */
  String sign(Command command);

  /**
   * Which wallet signs what, and the elevated token.
   *
   * @param amount what the signed transaction moves, checked against a bound token's cap
   */
  record Command(
      SessionContext context,
      CredentialId walletId,
      String message,
      Optional<String> elevatedToken,
      Optional<Amount> amount) {

    public static final int MAX_MESSAGE = 4096;

    /**
     * @throws IllegalArgumentException naming the field, for an empty or too long message
     */
    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(walletId, "walletId");
      if (message == null || message.isEmpty() || message.length() > MAX_MESSAGE) {
        throw new IllegalArgumentException("message: 1-" + MAX_MESSAGE + " characters");
      }
      Objects.requireNonNull(elevatedToken, "elevatedToken");
      Objects.requireNonNull(amount, "amount");
    }

    /** A message that moves nothing the wallet would declare. */
    public Command(
        SessionContext context,
        CredentialId walletId,
        String message,
        Optional<String> elevatedToken) {
      this(context, walletId, message, elevatedToken, Optional.empty());
    }
  }
}
