package dev.stepup.application.port.in.token;

import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the server knows of a presented token. {@code active} is true only when the token may be
 * acted on now (for a consuming call: when this call consumed it). A token that is not ours, is
 * malformed, or belongs to another environment reveals nothing but {@code active: false}.
 */
public record Introspection(
    boolean active,
    Optional<UserId> sub,
    Optional<SessionId> sid,
    Set<Scope> scopes,
    boolean singleUse,
    Optional<Instant> expiresAt,
    Optional<TokenState> state) {

  public Introspection {
    scopes = Set.copyOf(scopes);
  }

  public static Introspection unknown() {
    return new Introspection(
        false,
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        false,
        Optional.empty(),
        Optional.empty());
  }
}
