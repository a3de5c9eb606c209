package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bring your own auth: the external provider (mock-oauth2-server) issues JWTs that the API
 * exchanges for sessions; every forgery and misuse is refused with its own problem code.
 */
class TokenExchangeIT extends ApiTestServer {

  static final ExternalProvider PROVIDER = new ExternalProvider();
  static final String EXCHANGE = ENV + "/sessions/token-exchange";
  static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";

  @Autowired ManageExternalIdentityProviderUseCase providers;

  @BeforeEach
  void trustTheProvider() {
    PROVIDER.trust(providers);
  }

  ApiClient.Answer exchange(String token) {
    return api.post(EXCHANGE, null, Map.of("subject_token", token, "subject_token_type", JWT_TYPE));
  }

  static String subject() {
    return "ext-" + UUID.randomUUID();
  }

  @Test
  void theFirstExchangeCreatesTheUserAndTheSecondSignsTheSameUserIn() {
    String sub = subject();
    String email = sub + "@mail.example.test";
    ApiClient.Answer first =
        exchange(PROVIDER.token(sub, Map.of("email", email, "email_verified", true)));
    assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
    assertThat(first.json().get("userCreated").asBoolean()).isTrue();
    assertThat(first.text("sessionToken")).startsWith("st_");
    assertThat(first.text("expiresAt")).isNotBlank();

    ApiClient.Answer second = exchange(PROVIDER.token(sub, Map.of()));
    assertThat(second.status()).as(second.raw().body()).isEqualTo(201);
    assertThat(second.json().get("userCreated").asBoolean()).isFalse();
    assertThat(second.text("userId")).isEqualTo(first.text("userId"));

    ApiClient.Answer me = api.get(ENV + "/me", second.text("sessionToken"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.text("userId")).isEqualTo(first.text("userId"));
    assertThat(me.json().get("credentials").toString()).contains(email.toLowerCase());
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM audit_trail WHERE type = 'session_started'"
                        + " AND user_id = ? ORDER BY pending NULLS FIRST, id")
                .param(first.text("userId"))
                .query(String.class)
                .list())
        .hasSize(2)
        .allSatisfy(reason -> assertThat(reason).startsWith("external_idp "));
  }

  @Test
  void anUnverifiedEmailIsNotTaken() {
    String sub = subject();
    ApiClient.Answer exchanged =
        exchange(
            PROVIDER.token(
                sub, Map.of("email", sub + "@mail.example.test", "email_verified", false)));
    assertThat(exchanged.status()).as(exchanged.raw().body()).isEqualTo(201);
    ApiClient.Answer user = api.get(ENV + "/users/" + exchanged.text("userId"), API_KEY);
    assertThat(user.json().get("credentials").toString()).doesNotContain("@mail.example.test");
  }

  @Test
  void aTokenForAnotherAudienceOfAnotherIssuerOrExpiredIsRefused() {
    ApiClient.Answer audience =
        exchange(PROVIDER.token(ExternalProvider.ISSUER_ID, subject(), "other-app", Map.of()));
    assertThat(audience.status()).isEqualTo(400);
    assertThat(audience.code()).isEqualTo("wrong_audience");

    ApiClient.Answer issuer =
        exchange(PROVIDER.token("another-issuer", subject(), ExternalProvider.AUDIENCE, Map.of()));
    assertThat(issuer.status()).isEqualTo(400);
    assertThat(issuer.code()).isEqualTo("wrong_issuer");

    ApiClient.Answer expired = exchange(PROVIDER.expiredToken(subject()));
    assertThat(expired.status()).isEqualTo(400);
    assertThat(expired.code()).isEqualTo("subject_token_expired");
  }

  @Test
  void aTamperedAnUnsignedOrAnHmacTokenIsRefused() throws JOSEException {
    String sub = subject();
    String token = PROVIDER.token(sub, Map.of());
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace(sub, "ext-victim").getBytes())
            + "."
            + parts[2];
    ApiClient.Answer forged = exchange(tampered);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.code()).isEqualTo("invalid_subject_token");

    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(PROVIDER.issuer())
            .subject(sub)
            .audience(List.of(ExternalProvider.AUDIENCE))
            .expirationTime(Date.from(ExternalProvider.now().plusSeconds(300)))
            .build();
    ApiClient.Answer none = exchange(new PlainJWT(claims).serialize());
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.code()).isEqualTo("invalid_subject_token");
    assertThat(none.json().get("detail").asText()).contains("algorithm");

    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    hmac.sign(new MACSigner("a-secret-an-attacker-knows-of-32-bytes!".getBytes()));
    ApiClient.Answer hs = exchange(hmac.serialize());
    assertThat(hs.status()).isEqualTo(400);
    assertThat(hs.code()).isEqualTo("invalid_subject_token");

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM external_identities WHERE subject = ?")
                .param("ext-victim")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void afterTheProviderRotatesItsKeysTheExchangeStillWorks() {
    String sub = subject();
    assertThat(exchange(PROVIDER.token(sub, Map.of())).status()).isEqualTo(201);
    String oldKid = PROVIDER.keys.kid();

    PROVIDER.keys.rotate();

    String rotated = PROVIDER.token(sub, Map.of());
    assertThat(PROVIDER.keys.kid()).isNotEqualTo(oldKid);
    ApiClient.Answer exchanged = exchange(rotated);
    assertThat(exchanged.status()).as(exchanged.raw().body()).isEqualTo(201);
    assertThat(exchanged.json().get("userCreated").asBoolean()).isFalse();
  }

  @Test
  void anotherTokenTypeOrAnEnvironmentWithoutProviderIsRefused() {
    ApiClient.Answer type =
        api.post(
            EXCHANGE,
            null,
            Map.of(
                "subject_token",
                PROVIDER.token(subject(), Map.of()),
                "subject_token_type",
                "urn:ietf:params:oauth:token-type:saml2"));
    assertThat(type.status()).isEqualTo(400);
    assertThat(type.code()).isEqualTo("unsupported_token_type");

    providers.remove(new EnvironmentId("demo"), "test", new RequestOrigin("127.0.0.1", "t"));
    ApiClient.Answer off = exchange(PROVIDER.token(subject(), Map.of()));
    assertThat(off.status()).isEqualTo(400);
    assertThat(off.code()).isEqualTo("external_idp_not_configured");
  }
}
