package dev.stepup.application.port.out.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which token records to list, newest first, and which page of them. */
public record TokenSearch(
    EnvironmentId environmentId,
    Optional<TokenState> state,
    Optional<Scope> scope,
    Optional<UserId> userId,
    Instant now,
    int offset,
    int limit) {
  public TokenSearch {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(now, "now");
    if (offset < 0 || limit < 1 || limit > 500) {
      throw new IllegalArgumentException("offset must be >= 0 and limit 1-500");
    }
  }
}
