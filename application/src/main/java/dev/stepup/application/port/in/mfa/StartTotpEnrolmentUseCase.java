package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts enrolling an authenticator app (TOTP): a pending device whose secret is shown to the user
 * once. An MFA change, so it needs an elevated token for {@code credential:link}.
 */
public interface StartTotpEnrolmentUseCase {

  TotpEnrolment startTotpEnrolment(Command command);

  /** Whose device, its name (a default when none is given), and the elevated token. */
  record Command(SessionContext context, String alias, Optional<String> elevatedToken) {

    public static final int MAX_ALIAS = 60;

    /**
     * @throws IllegalArgumentException naming the field, for a name that is too long
     */
    public Command {
      Objects.requireNonNull(context, "context");
      alias = alias == null || alias.isBlank() ? "Authenticator app" : alias.strip();
      if (alias.length() > MAX_ALIAS) {
        throw new IllegalArgumentException("alias: at most " + MAX_ALIAS + " characters");
      }
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }

    public Command(SessionContext context, Optional<String> alias, Optional<String> elevatedToken) {
      this(context, alias.orElse(null), elevatedToken);
    }
  }
}
