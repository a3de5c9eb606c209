package dev.stepup.adapter.out.crypto.externalauth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.stepup.application.port.out.externalauth.ExternalTokenVerifier;
import dev.stepup.domain.externalauth.ExternalTokenClaims;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies an external provider's JWT with Nimbus against the provider's JWKS, fetched with connect
 * and read timeouts and a size limit, cached, and fetched again when a token names a key the cached
 * set lacks (the provider rotated its keys) — at most twice per refresh interval, so tokens with
 * made-up key ids cannot make this server hammer the provider.
 */
public final class NimbusExternalTokenVerifier implements ExternalTokenVerifier {

  private static final int SIZE_LIMIT = 256 * 1024;

  private final int timeoutMillis;
  private final Duration cacheLifetime;
  private final Duration refreshInterval;
  private final ConcurrentHashMap<URI, JWKSource<SecurityContext>> sources =
      new ConcurrentHashMap<>();

  /**
   * @param timeout connect and read timeout of each JWKS fetch
   * @param cacheLifetime how long a fetched JWKS is used before it is fetched again
   * @param refreshInterval the shortest time between fetches caused by unknown key ids
   */
  public NimbusExternalTokenVerifier(
      Duration timeout, Duration cacheLifetime, Duration refreshInterval) {
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    this.cacheLifetime = cacheLifetime;
    this.refreshInterval = refreshInterval;
  }

  @Override
  public ExternalTokenClaims verify(String token, URI jwksUrl) {
    JWTClaimsSet claims = SignedJwts.verify(token, sources.computeIfAbsent(jwksUrl, this::source));
    return new ExternalTokenClaims(
        claims.getIssuer(),
        claims.getSubject(),
        claims.getAudience(),
        SignedJwts.instant(claims.getExpirationTime()),
        SignedJwts.instant(claims.getNotBeforeTime()),
        text(claims, "email"),
        SignedJwts.flag(claims, "email_verified"),
        text(claims, "phone_number"),
        SignedJwts.flag(claims, "phone_number_verified"));
  }

  private static Optional<String> text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value ? Optional.of(value) : Optional.empty();
  }

  private JWKSource<SecurityContext> source(URI jwksUrl) {
    try {
      return JWKSourceBuilder.<SecurityContext>create(
              jwksUrl.toURL(),
              new DefaultResourceRetriever(timeoutMillis, timeoutMillis, SIZE_LIMIT))
          .cache(cacheLifetime.toMillis(), timeoutMillis)
          .rateLimited(refreshInterval.toMillis())
          .retrying(false)
          .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWKS URL: " + e.getMessage(), e);
    }
  }
}
