package dev.stepup.application.port.in.token;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Filters and the page wanted; pages count from 0. */
public record ListElevatedTokensQuery(
    EnvironmentId environmentId,
    Optional<TokenState> state,
    Optional<Scope> scope,
    Optional<UserId> userId,
    int page,
    int pageSize) {
  public ListElevatedTokensQuery {
    Objects.requireNonNull(environmentId, "environmentId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(userId, "userId");
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (pageSize < 1 || pageSize > 200) {
      throw new IllegalArgumentException("page size must be 1-200");
    }
  }
}
