package dev.stepup.application.port.in.credential;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.Credential;
import java.util.Objects;

/** Links a pending email address or phone number when the code is the one sent to it. */
public interface ConfirmContactLinkUseCase {

  Credential confirm(Command command);

  /** Which pending link of the session, and the code as typed. */
  record Command(SessionContext context, String pendingId, String code) {

    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(pendingId, "pendingId");
      code = code == null ? "" : code.strip();
    }

    @Override
    public String toString() {
      return "ConfirmContactLinkUseCase.Command[pendingId=" + pendingId + "]";
    }
  }
}
