package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.util.Objects;

/**
 * Enrols the secret of {@link StartAdminTotpEnrolmentUseCase} when a code matches it; wrong codes
 * are throttled per admin and per client like passwords.
 */
public interface ConfirmAdminTotpEnrolmentUseCase {

  SecondFactorOutcome confirmEnrolment(Command command);

  /** Whose enrolment, the sealed secret it started with, and the code as typed. */
  record Command(String username, byte[] sealedSecret, String code, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(sealedSecret, "sealedSecret");
      code = AdminCode.normalised(code);
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "ConfirmAdminTotpEnrolmentUseCase.Command[username=" + username + "]";
    }
  }
}
