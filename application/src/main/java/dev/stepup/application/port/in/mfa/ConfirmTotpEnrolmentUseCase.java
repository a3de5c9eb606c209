package dev.stepup.application.port.in.mfa;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.CredentialId;
import java.util.List;
import java.util.Objects;

/**
 * Confirms a pending authenticator app with a first code; enrolling revokes the user's outstanding
 * elevated tokens, since they were earned under weaker rules.
 */
public interface ConfirmTotpEnrolmentUseCase {

  /** Recovery codes when this is the user's first MFA device (shown once), else an empty list. */
  List<String> confirmTotp(Command command);

  /** Whose pending device, and the code as typed. */
  record Command(SessionContext context, CredentialId deviceId, String code) {

    public Command {
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(deviceId, "deviceId");
      code = code == null ? "" : code.strip();
    }

    @Override
    public String toString() {
      return "ConfirmTotpEnrolmentUseCase.Command[deviceId=" + deviceId + "]";
    }
  }
}
