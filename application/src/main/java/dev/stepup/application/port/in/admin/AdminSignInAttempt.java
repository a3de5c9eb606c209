package dev.stepup.application.port.in.admin;

import dev.stepup.application.port.out.audit.RequestOrigin;
import java.util.Objects;

/** The username a console sign-in (or sign-out) is for, as typed, and where it comes from. */
public record AdminSignInAttempt(String username, RequestOrigin origin) {

  public AdminSignInAttempt {
    username = username == null ? "" : username;
    Objects.requireNonNull(origin, "origin");
  }
}
