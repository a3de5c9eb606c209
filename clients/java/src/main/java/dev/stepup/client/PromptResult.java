package dev.stepup.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a redirect prompt's result code was exchanged for: {@code status} {@code success} (with the
 * elevated tokens), {@code cancelled} or {@code failed} (with a {@code reason}).
 */
public record PromptResult(
    String promptId, String status, Optional<String> reason, List<Token> tokens) {

  public boolean succeeded() {
    return "success".equals(status);
  }

  /** An elevated token the user earned and the scopes it covers. */
  public record Token(
      String elevatedAccessToken, List<String> scopes, boolean singleUse, Instant expiresAt) {
    @Override
    public String toString() {
      return "Token[scopes=" + scopes + ", singleUse=" + singleUse + "]";
    }
  }
}
