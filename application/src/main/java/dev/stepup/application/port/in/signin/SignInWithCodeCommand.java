package dev.stepup.application.port.in.signin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/** The email address a sign-in code was sent to, and the code as typed. */
public record SignInWithCodeCommand(
    EnvironmentId environmentId, String email, String code, RequestOrigin origin) {

  public SignInWithCodeCommand {
    SignInCodeCommand address = new SignInCodeCommand(environmentId, email, origin);
    email = address.email();
    code = code == null ? "" : code.strip();
    Objects.requireNonNull(origin, "origin");
  }

  @Override
  public String toString() {
    return "SignInWithCodeCommand[environmentId=" + environmentId + "]";
  }
}
