package dev.stepup.application.port.in.prompt;

import dev.stepup.domain.scope.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An elevated token a prompt hands to its host: the token and what it covers until when. */
public record PromptToken(
    String elevatedAccessToken, Set<Scope> scopes, boolean singleUse, Instant expiresAt) {
  public PromptToken {
    Objects.requireNonNull(elevatedAccessToken, "elevatedAccessToken");
    scopes = Set.copyOf(Objects.requireNonNull(scopes, "scopes"));
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "PromptToken[scopes=" + scopes + ", expiresAt=" + expiresAt + "]";
  }
}
