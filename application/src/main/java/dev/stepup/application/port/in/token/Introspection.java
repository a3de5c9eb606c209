package dev.stepup.application.port.in.token;

import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the server tells a host backend of a presented token. {@code active} is true only when the
 * token may be acted on now (for a consuming call: when this call consumed it). A token that is not
 * active — expired, consumed, revoked, unknown, malformed, of another environment or not covering
 * the asked scope — reveals nothing but {@code active: false} (RFC 7662 §2.2).
 *
 * @param scopes the scopes the token is good for: those still usable, and for a consuming call also
 *     the one it spent
 * @param acr the authentication context class the user reached ({@code urn:stepup:acr:…})
 * @param authTime when the user last actively authenticated
 * @param operation the operation the token is bound to, if any
 * @param singleUseScopes which of the token's scopes a use spends
 * @param spentScopes the single-use scopes already spent (after a consuming call: including the one
 *     it spent)
 */
public record Introspection(
    boolean active,
    Optional<UserId> sub,
    Optional<SessionId> sid,
    Set<Scope> scopes,
    boolean singleUse,
    Optional<Instant> expiresAt,
    Optional<TokenState> state,
    List<String> amr,
    Optional<String> acr,
    Optional<Instant> authTime,
    Optional<OperationBinding> operation,
    Set<Scope> singleUseScopes,
    Set<Scope> spentScopes) {

  public Introspection {
    scopes = Collections.unmodifiableSet(new LinkedHashSet<>(scopes));
    amr = List.copyOf(amr);
    singleUseScopes = Collections.unmodifiableSet(new LinkedHashSet<>(singleUseScopes));
    spentScopes = Collections.unmodifiableSet(new LinkedHashSet<>(spentScopes));
    if (!active
        && (sub.isPresent()
            || sid.isPresent()
            || !scopes.isEmpty()
            || expiresAt.isPresent()
            || state.isPresent()
            || !amr.isEmpty()
            || acr.isPresent()
            || authTime.isPresent()
            || operation.isPresent()
            || !singleUseScopes.isEmpty()
            || !spentScopes.isEmpty())) {
      throw new IllegalArgumentException("an inactive token is described by active: false alone");
    }
  }

  /** The whole answer for a token that is not active. */
  public static Introspection inactive() {
    return new Introspection(
        false,
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        Set.of());
  }
}
