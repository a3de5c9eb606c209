package dev.stepup.application.port.in.admin;

import java.util.Optional;

/** How a change to the console's admins went. */
public sealed interface AdminChange {

  /** Done; {@code generatedPassword} is present only when the server chose it. */
  record Done(String username, Optional<String> generatedPassword) implements AdminChange {}

  /** Not done, with the reason in words for the admin. */
  record Refused(String message) implements AdminChange {}
}
