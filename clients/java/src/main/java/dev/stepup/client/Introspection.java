package dev.stepup.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The server's answer about a token (RFC 7662). When {@code active} is false nothing else is known:
 * the token is expired, consumed, revoked, unknown, of another environment or does not cover the
 * scope asked about.
 *
 * @param operation the operation the token is bound to, if any
 *     <p>A token is single-use per scope: spending it for one scope leaves its other scopes usable.
 *     {@code scopes} lists the scopes still usable (after {@link StepUpClient#consume}, also the
 *     one just spent), {@code singleUseScopes} those a use spends, {@code spentScopes} those
 *     already spent.
 */
public record Introspection(
    boolean active,
    Optional<String> userId,
    Optional<String> sessionId,
    List<String> scopes,
    boolean singleUse,
    Optional<Instant> expiresAt,
    List<String> amr,
    Optional<String> acr,
    Optional<Instant> authTime,
    Optional<OperationBinding> operation,
    List<String> singleUseScopes,
    List<String> spentScopes) {

  /** Whether {@code scope} of this token was already spent (single use per scope). */
  public boolean isSpent(String scope) {
    return spentScopes.contains(scope);
  }

  /** The scopes still usable: {@code scopes} without those already spent. */
  public List<String> usableScopes() {
    return scopes.stream().filter(s -> !spentScopes.contains(s)).toList();
  }

  static Introspection inactive() {
    return new Introspection(
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        false,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of());
  }
}
