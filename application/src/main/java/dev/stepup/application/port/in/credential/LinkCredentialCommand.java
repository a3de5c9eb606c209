package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What the signed-in user links, with the proof each kind needs, and the elevated token for {@code
 * credential:link}. The proof's syntax is judged by the use case each kind goes to (a contact's
 * address as at sign-up), so every caller gets the same answer for the same input.
 */
public sealed interface LinkCredentialCommand {

  SessionContext context();

  Optional<String> elevatedToken();

  /** An email address or phone number ({@code format} by wire name): a code goes to it first. */
  record Contact(
      SessionContext context, String format, String value, Optional<String> elevatedToken)
      implements LinkCredentialCommand {

    public Contact {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }
  }

  /** An external wallet, proved by its signature over a challenge issued to this session. */
  record Wallet(
      SessionContext context, String challengeId, String signature, Optional<String> elevatedToken)
      implements LinkCredentialCommand {

    public Wallet {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }
  }

  /** A social account, proved by a login this session completed with it. */
  record Social(SessionContext context, String loginId, Optional<String> elevatedToken)
      implements LinkCredentialCommand {

    public Social {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(elevatedToken, "elevatedToken");
    }
  }
}
