package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Replaces the user's recovery codes; the old ones stop working. Needs an elevated token for {@code
 * credential:link}.
 */
public interface RegenerateRecoveryCodesUseCase {

  /** The new codes, shown once. */
  List<String> regenerateRecoveryCodes(Command command);

  /** Whose codes, and the elevated token. */
  record Command(SessionContext context, Optional<String> elevatedToken) {

    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }
  }
}
