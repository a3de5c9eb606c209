package dev.stepup.client;

import java.util.List;
import java.util.Optional;

/** A user of the environment and the credentials they can verify with. */
public record User(String id, List<Credential> credentials, boolean mfa) {

  /**
   * One credential: its {@code format} ({@code email}, {@code phoneNumber}, {@code blockchain} …).
   */
  public record Credential(
      String id, String format, Optional<String> type, Optional<String> alias) {}

  /** The first credential of this format, e.g. the email address to sign in with. */
  public Optional<Credential> credential(String format) {
    return credentials.stream().filter(c -> c.format().equals(format)).findFirst();
  }
}
