package dev.stepup.domain.access;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** An administrator of the console, stored with a slow password hash only. */
public record AdminAccount(String username, String passwordHash, Instant createdAt) {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  public AdminAccount {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "admin username must be 1-100 letters, digits, '.', '_', '@' or '-'");
    }
  }
}
