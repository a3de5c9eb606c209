package dev.stepup.application.port.in.bootstrap;

import java.util.Objects;
import java.util.Optional;

/**
 * Secrets the operator chose, each one left empty is generated; and whether the demo environment
 * (with its API key) is created, which a production installation does without.
 */
public record BootstrapCommand(
    Optional<String> adminPassword, Optional<String> demoApiKey, boolean demoEnvironment) {
  public static final int MIN_ADMIN_PASSWORD = 12;
  public static final int MIN_API_KEY = 24;

  public BootstrapCommand {
    Objects.requireNonNull(adminPassword, "adminPassword");
    Objects.requireNonNull(demoApiKey, "demoApiKey");
    adminPassword = adminPassword.filter(p -> !p.isBlank());
    demoApiKey = demoApiKey.filter(k -> !k.isBlank());
    if (adminPassword.isPresent() && adminPassword.get().length() < MIN_ADMIN_PASSWORD) {
      throw new IllegalArgumentException(
          "the admin password must have at least " + MIN_ADMIN_PASSWORD + " characters");
    }
    if (demoApiKey.isPresent() && demoApiKey.get().length() < MIN_API_KEY) {
      throw new IllegalArgumentException(
          "the demo API key must have at least " + MIN_API_KEY + " characters");
    }
  }

  /** With the demo environment, as the embedded default start has it. */
  public BootstrapCommand(Optional<String> adminPassword, Optional<String> demoApiKey) {
    this(adminPassword, demoApiKey, true);
  }

  @Override
  public String toString() {
    return "BootstrapCommand[adminPassword="
        + (adminPassword.isPresent() ? "set" : "generate")
        + ", demoApiKey="
        + (demoApiKey.isPresent() ? "set" : "generate")
        + ", demoEnvironment="
        + demoEnvironment
        + "]";
  }
}
