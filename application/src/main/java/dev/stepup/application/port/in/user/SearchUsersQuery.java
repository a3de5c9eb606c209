package dev.stepup.application.port.in.user;

import dev.stepup.domain.environment.EnvironmentId;
import java.util.Objects;

/**
 * An admin's search for users: an id, or part of an email address, phone number or wallet address;
 * blank lists the newest users.
 */
public record SearchUsersQuery(EnvironmentId environmentId, String text, int limit) {

  public static final int MAX_TEXT = 255;

  public SearchUsersQuery {
    Objects.requireNonNull(environmentId, "environmentId");
    text = Objects.requireNonNullElse(text, "").strip();
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("search: at most " + MAX_TEXT + " characters");
    }
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be 1-100");
    }
  }
}
