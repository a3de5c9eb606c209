package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.stepup.application.port.in.externalauth.ManageBackendClientsUseCase;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The unauthenticated bring-your-own-auth endpoints are rate-limited by their refusals per client
 * address: an attacker flooding forged JWTs from one address is refused with 429 and Retry-After,
 * even with a good token, while a host calling from another address goes on working. The attacker
 * calls from 127.0.0.2, so no other test's address is locked.
 */
class ExternalAuthRateLimitIT extends ApiTestServer {

  static final ExternalProvider PROVIDER = new ExternalProvider();

  @Autowired ManageExternalIdentityProviderUseCase providers;
  @Autowired ManageBackendClientsUseCase clients;

  FromAddress attacker() {
    return new FromAddress("127.0.0.2", port);
  }

  @Test
  void aFloodOfForgedSubjectTokensLocksTheAttackersAddressOutButNotAnotherClient() {
    PROVIDER.trust(providers);
    String path = TokenExchangeIT.EXCHANGE;
    String forged = PROVIDER.token("ext-" + UUID.randomUUID(), Map.of()) + "x";
    for (int i = 0; i < 20; i++) {
      FromAddress.Answer refused =
          attacker()
              .post(
                  path,
                  Map.of("subject_token", forged, "subject_token_type", TokenExchangeIT.JWT_TYPE));
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.code()).isEqualTo("invalid_subject_token");
    }
    String good = PROVIDER.token("ext-" + UUID.randomUUID(), Map.of());
    Map<String, String> goodBody =
        Map.of("subject_token", good, "subject_token_type", TokenExchangeIT.JWT_TYPE);

    FromAddress.Answer throttled = attacker().post(path, goodBody);

    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.header("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(throttled.code()).isEqualTo("too_many_attempts");
    assertThat(throttled.header("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 300L));
    ApiClient.Answer host = api.post(path, null, goodBody);
    assertThat(host.status()).as(host.raw().body()).isEqualTo(201);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE type = 'token_exchange_refused'"
                        + " AND reason = 'address_locked' AND client_ip = '127.0.0.2'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aFloodOfBadAssertionsLocksTheAttackersAddressOutButNotTheBackend() throws Exception {
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
    ECKey stolen = new ECKeyGenerator(Curve.P_256).keyID(key.getKeyID()).generate();
    clients.register(
        new EnvironmentId("demo"),
        "flooded-backend",
        new JWKSet(key.toPublicJWK()).toString(),
        "test",
        new RequestOrigin("127.0.0.1", "rate limit test"));
    TestUser user = newUser();
    String path = AssertionTokensIT.PATH;
    for (int i = 0; i < 20; i++) {
      FromAddress.Answer refused = attacker().post(path, body(stolen, user.id()));
      assertThat(refused.status()).as(refused.body()).isEqualTo(401);
      assertThat(refused.code()).isEqualTo("invalid_client_assertion");
    }

    FromAddress.Answer throttled = attacker().post(path, body(key, user.id()));

    assertThat(throttled.status()).as(throttled.body()).isEqualTo(429);
    assertThat(throttled.code()).isEqualTo("too_many_attempts");
    assertThat(throttled.header("Retry-After")).isPresent();
    ApiClient.Answer backend = api.post(path, null, body(key, user.id()));
    assertThat(backend.status()).as(backend.raw().body()).isEqualTo(201);
  }

  Map<String, String> body(ECKey key, String userId) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("flooded-backend")
            .subject("flooded-backend")
            .audience("http://localhost:" + port + AssertionTokensIT.PATH)
            .expirationTime(Date.from(CLOCK.instant().plusSeconds(60)))
            .jwtID(UUID.randomUUID().toString())
            .claim("user_id", userId)
            .claim("scopes", List.of("wallet:export"))
            .build();
    return Map.of(
        "client_assertion_type",
        AssertionTokensIT.TYPE,
        "client_assertion",
        AssertionTokensIT.sign(key, claims));
  }
}
