package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.util.Objects;

/**
 * Checks a current code of an admin's enrolled authenticator app. A code is accepted once (a later
 * step only), and wrong codes are throttled per admin and per client like passwords.
 */
public interface VerifyAdminTotpUseCase {

  SecondFactorOutcome verify(Command command);

  /** Whose code, as typed. */
  record Command(String username, String code, RequestOrigin origin) {

    public Command {
      Objects.requireNonNull(username, "username");
      code = AdminCode.normalised(code);
      Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
      return "VerifyAdminTotpUseCase.Command[username=" + username + "]";
    }
  }
}
