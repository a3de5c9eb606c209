package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import java.util.Objects;

/**
 * Sends a new code for a pending email or phone link (throttled like every code); earlier codes
 * stop working.
 */
public interface ResendContactLinkCodeUseCase {

  PendingLink resend(Command command);

  /** Which pending link of the session. */
  record Command(SessionContext context, String pendingId) {

    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(pendingId, "pendingId");
    }
  }
}
