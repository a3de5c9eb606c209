package dev.stepup.application.port.in.signin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Someone who is not signed in asks for a sign-in code at an email address. */
public record SignInCodeCommand(EnvironmentId environmentId, String email, RequestOrigin origin) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]+");

  public SignInCodeCommand {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(origin, "origin");
    email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("email: enter an email address, like name@example.com");
    }
  }
}
