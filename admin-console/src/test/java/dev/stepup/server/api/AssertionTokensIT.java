package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Backend-issued elevated tokens by signed assertion: a key the test holds signs the request; a
 * replayed jti, an expired or long-lived assertion, another audience, an unregistered key and a
 * client of another environment are refused.
 */
class AssertionTokensIT extends ApiTestServer {

  static final String PATH = ENV + "/elevated-tokens/assertion";
  static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "assertion test");
  static final ECKey KEY = key();

  @Autowired ManageBackendClientsUseCase clients;
  @Autowired CreateEnvironmentUseCase environments;

  static ECKey key() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void registerTheBackend() {
    clients.register(
        new EnvironmentId("demo"),
        "demo-backend",
        new JWKSet(KEY.toPublicJWK()).toString(),
        "test",
        ORIGIN);
  }

  String audience() {
    return "http://localhost:" + port + PATH;
  }

  static String sign(ECKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  JWTClaimsSet.Builder claims(String client, String userId, Instant exp) {
    return new JWTClaimsSet.Builder()
        .issuer(client)
        .subject(client)
        .audience(audience())
        .expirationTime(Date.from(exp))
        .jwtID(UUID.randomUUID().toString())
        .claim("user_id", userId)
        .claim("scopes", List.of("wallet:export"));
  }

  ApiClient.Answer present(String assertion) {
    return api.post(
        PATH, null, Map.of("client_assertion_type", TYPE, "client_assertion", assertion));
  }

  static Instant inAMinute() {
    return CLOCK.instant().plusSeconds(60);
  }

  @Test
  void aSignedAssertionIssuesATokenOnceAndItsReplayIsRefused() {
    TestUser user = newUser();
    String assertion = sign(KEY, claims("demo-backend", user.id(), inAMinute()).build());

    ApiClient.Answer issued = present(assertion);
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    ApiClient.Answer introspected =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", issued.text("elevatedAccessToken"), "scope", "wallet:export"));
    assertThat(introspected.json().get("active").asBoolean()).isTrue();
    assertThat(introspected.text("sub")).isEqualTo(user.id());

    ApiClient.Answer replayed = present(assertion);
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.code()).isEqualTo("assertion_replayed");
  }

  @Test
  void anExpiredLongLivedOrMisaddressedAssertionIsRefused() {
    TestUser user = newUser();
    ApiClient.Answer expired =
        present(
            sign(
                KEY, claims("demo-backend", user.id(), CLOCK.instant().minusSeconds(120)).build()));
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("invalid_client_assertion");
    assertThat(expired.json().get("detail").asText()).contains("expired");

    ApiClient.Answer longLived =
        present(
            sign(
                KEY, claims("demo-backend", user.id(), CLOCK.instant().plusSeconds(3600)).build()));
    assertThat(longLived.code()).isEqualTo("invalid_client_assertion");
    assertThat(longLived.json().get("detail").asText()).contains("five minutes");

    ApiClient.Answer elsewhere =
        present(
            sign(
                KEY,
                claims("demo-backend", user.id(), inAMinute())
                    .audience("https://other.example.test/token")
                    .build()));
    assertThat(elsewhere.code()).isEqualTo("invalid_client_assertion");
    assertThat(elsewhere.json().get("detail").asText()).contains("audience");
  }

  @Test
  void anUnregisteredKeyOrAClientOfAnotherEnvironmentIsRefused() {
    TestUser user = newUser();
    ApiClient.Answer unknownKey =
        present(sign(key(), claims("demo-backend", user.id(), inAMinute()).build()));
    assertThat(unknownKey.status()).isEqualTo(401);
    assertThat(unknownKey.code()).isEqualTo("invalid_client_assertion");
    assertThat(unknownKey.json().get("detail").asText()).contains("not signed by a key");

    EnvironmentId other = new EnvironmentId("o" + UUID.randomUUID().toString().substring(0, 8));
    environments.create(new CreateEnvironmentUseCase.Command(other, "Other", "test", ORIGIN));
    ECKey otherKey = key();
    clients.register(
        other, "other-backend", new JWKSet(otherKey.toPublicJWK()).toString(), "test", ORIGIN);
    ApiClient.Answer otherEnvironment =
        present(sign(otherKey, claims("other-backend", user.id(), inAMinute()).build()));
    assertThat(otherEnvironment.status()).isEqualTo(401);
    assertThat(otherEnvironment.code()).isEqualTo("invalid_client_assertion");
    assertThat(otherEnvironment.json().get("detail").asText()).contains("No backend client");
  }
}
