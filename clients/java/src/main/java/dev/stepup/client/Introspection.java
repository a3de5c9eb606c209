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
    Optional<OperationBinding> operation) {

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
        Optional.empty());
  }
}
