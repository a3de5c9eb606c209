package dev.stepup.client;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server's token-verification keys, fetched from its JWKS and cached. The cache is refreshed
 * after {@code maxAge}; a token signed with a key it does not know (the server rotated) refetches
 * the set once, but at most once per {@code minRefetchInterval}, so tokens with made-up key ids
 * cannot make the client hammer the server.
 */
final class VerificationKeys {

  static final String JWKS_PATH = "/.well-known/jwks.json";

  private final ApiTransport transport;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration minRefetchInterval;
  private Map<String, ECKey> keys = Map.of();
  private Instant fetchedAt;

  VerificationKeys(
      ApiTransport transport, Clock clock, Duration maxAge, Duration minRefetchInterval) {
    this.transport = transport;
    this.clock = clock;
    this.maxAge = maxAge;
    this.minRefetchInterval = minRefetchInterval;
  }

  /** The public key with this id, fetching the set when it is stale or the id is new. */
  synchronized Optional<ECKey> key(String keyId) {
    Instant now = clock.instant();
    if (fetchedAt == null || !now.isBefore(fetchedAt.plus(maxAge))) {
      fetch(now);
    }
    ECKey known = keys.get(keyId);
    if (known == null && !now.isBefore(fetchedAt.plus(minRefetchInterval))) {
      // An unknown kid: the server may have rotated since the last fetch.
      fetch(now);
      known = keys.get(keyId);
    }
    return Optional.ofNullable(known);
  }

  private void fetch(Instant now) {
    String json = transport.getPublic(JWKS_PATH);
    Map<String, ECKey> fetched = new HashMap<>();
    try {
      for (JWK jwk : JWKSet.parse(json).getKeys()) {
        if (jwk instanceof ECKey ec && jwk.getKeyID() != null && !jwk.isPrivate()) {
          fetched.put(jwk.getKeyID(), ec);
        }
      }
    } catch (ParseException e) {
      throw new StepUpException(0, "unreadable_answer", "the server's JWKS could not be read");
    }
    keys = Map.copyOf(fetched);
    fetchedAt = now;
  }
}
