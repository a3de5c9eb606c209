package dev.stepup.client;

import java.time.Instant;

/**
 * A created prompt: open {@code url} in the user's browser (popup or full page) before {@code
 * expiresAt}, once; it carries a single-use launch ticket, so it is not logged by this class.
 */
public record Prompt(String promptId, String url, Instant expiresAt) {
  @Override
  public String toString() {
    return "Prompt[promptId=" + promptId + ", expiresAt=" + expiresAt + "]";
  }
}
