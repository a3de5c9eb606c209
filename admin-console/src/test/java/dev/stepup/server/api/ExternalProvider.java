package dev.stepup.server.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.externalauth.ExternalIdentityProvider;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A mock-oauth2-server whose signing key the test rotates and whose clock follows the server's test
 * clock (shifted on demand, to issue tokens already expired).
 */
public final class ExternalProvider {

  static final String ISSUER_ID = "byoa";
  static final String AUDIENCE = "demo-app";

  /** One signing key at a time: rotating replaces it, with a new kid, in the JWKS too. */
  static final class RotatingKeys extends KeyProvider {
    private volatile RSAKey current = newKey();

    @Override
    public JWK signingKey(String issuerId) {
      return current;
    }

    void rotate() {
      current = newKey();
    }

    String kid() {
      return current.getKeyID();
    }

    private static RSAKey newKey() {
      try {
        return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final RotatingKeys keys = new RotatingKeys();
  private volatile Duration shift = Duration.ZERO;
  final MockOAuth2Server server;

  public ExternalProvider() {
    OAuth2TokenProvider tokens =
        new OAuth2TokenProvider(keys, () -> ApiTestServer.CLOCK.instant().plus(shift));
    server =
        new MockOAuth2Server(
            new OAuth2Config(
                false, null, null, false, tokens, Set.of(), new MockWebServerWrapper()));
    server.start();
  }

  String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** Trusts this provider in the demo environment. */
  public void trust(ManageExternalIdentityProviderUseCase providers) {
    providers.configure(
        new ExternalIdentityProvider(
            new EnvironmentId("demo"),
            issuer(),
            URI.create(server.jwksUrl(ISSUER_ID).toString()),
            AUDIENCE),
        "test",
        new RequestOrigin("127.0.0.1", "byoa test"));
  }

  public String token(String subject, Map<String, Object> claims) {
    return token(ISSUER_ID, subject, AUDIENCE, claims);
  }

  String token(String issuerId, String subject, String audience, Map<String, Object> claims) {
    return server
        .issueToken(
            issuerId,
            "host-app",
            new DefaultOAuth2TokenCallback(
                issuerId, subject, "JWT", List.of(audience), claims, 300))
        .serialize();
  }

  /** A token whose {@code exp} passed ten minutes ago (issued 15 minutes ago for 5). */
  String expiredToken(String subject) {
    shift = Duration.ofMinutes(-15);
    try {
      return token(subject, Map.of());
    } finally {
      shift = Duration.ZERO;
    }
  }

  static Instant now() {
    return ApiTestServer.CLOCK.instant();
  }
}
