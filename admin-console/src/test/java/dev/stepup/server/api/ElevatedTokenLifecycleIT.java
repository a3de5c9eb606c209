package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Tokens as host backends and protected actions meet them: single use, expiry, revocation. */
class ElevatedTokenLifecycleIT extends ApiTestServer {

  private ApiClient.Answer issue(TestUser user, String session, String... scopes) {
    String sessionId = sessionIdOf(user);
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("userId", user.id());
    body.put("scopes", List.of(scopes));
    body.put("sessionId", sessionId);
    ApiClient.Answer issued = api.post(ENV + "/elevated-tokens", API_KEY, body);
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued;
  }

  private String sessionIdOf(TestUser user) {
    return jdbc.sql("SELECT id FROM sessions WHERE user_id = ? AND ended_at IS NULL")
        .param(user.id())
        .query(String.class)
        .single();
  }

  @Test
  void ofConcurrentUsesOfASingleUseTokenExactlyOneSucceeds() throws Exception {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String token = stepUpByEmail(session, user, "wallet:export").text("elevatedAccessToken");
    String wallet = user.credential("blockchain");

    int callers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ApiClient.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      ApiClient client = new ApiClient(port);
      Callable<ApiClient.Answer> call =
          () -> {
            start.await();
            return client.post(
                ENV + "/wallets/" + wallet + "/export",
                session,
                Map.of(),
                Map.of("X-Elevated-Access-Token", token));
          };
      answers.add(pool.submit(call));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (Future<ApiClient.Answer> a : answers) {
      ApiClient.Answer answer = a.get();
      statuses.add(answer.status());
      if (answer.status() != 200) {
        codes.add(answer.code());
      }
    }
    pool.shutdown();
    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(codes).hasSize(callers - 1).containsOnly("token_consumed");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE user_id = ? AND type = 'token_consumed'")
                .param(user.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void multiUseTokenWorksUntilItExpires() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer issued = stepUpByEmail(session, user, "wallet:sign");
    assertThat(issued.json().get("singleUse").asBoolean()).isFalse();
    assertThat(Instant.parse(issued.text("expiresAt")))
        .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(10)));
    String token = issued.text("elevatedAccessToken");
    String wallet = user.credential("blockchain");

    for (int i = 0; i < 3; i++) {
      assertThat(sign(session, wallet, token).status()).isEqualTo(200);
      CLOCK.advance(Duration.ofMinutes(3));
    }
    CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1));
    ApiClient.Answer expired = sign(session, wallet, token);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("token_expired");
    assertThat(expired.header("WWW-Authenticate")).contains("scope=\"wallet:sign\"");
  }

  @Test
  void backendIntrospectsConsumesAndRevokes() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    ApiClient.Answer issued = issue(user, session, "wallet:export", "wallet:refresh");
    assertThat(Instant.parse(issued.text("expiresAt")))
        .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(5)));
    String token = issued.text("elevatedAccessToken");

    ApiClient.Answer active =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token));
    assertThat(active.json().get("active").asBoolean()).isTrue();
    assertThat(active.text("sub")).isEqualTo(user.id());
    assertThat(active.text("state")).isEqualTo("active");
    assertThat(active.json().get("scopes").toString())
        .isEqualTo("[\"wallet:export\",\"wallet:refresh\"]");

    ApiClient.Answer consumed =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", "wallet:export", "consume", true));
    assertThat(consumed.json().get("active").asBoolean()).isTrue();
    ApiClient.Answer second =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", "wallet:export", "consume", true));
    assertThat(second.raw().body()).isEqualTo("{\"active\":false}");

    ApiClient.Answer other = issue(user, session, "wallet:refresh");
    String revocable = other.text("elevatedAccessToken");
    assertThat(
            api.post(ENV + "/elevated-tokens/revoke", API_KEY, Map.of("token", revocable)).status())
        .isEqualTo(200);
    ApiClient.Answer refused =
        api.post(
            ENV + "/wallets/" + user.credential("blockchain") + "/refresh",
            session,
            Map.of(),
            Map.of("X-Elevated-Access-Token", revocable));
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("token_revoked");
    assertThat(
            api.post(ENV + "/elevated-tokens/revoke", API_KEY, Map.of("token", "not-a-token"))
                .status())
        .isEqualTo(200);
    ApiClient.Answer unknown =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", "not-a-token"));
    assertThat(unknown.raw().body()).isEqualTo("{\"active\":false}");
  }

  @Test
  void endingTheSessionRevokesItsTokens() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String token = stepUpByEmail(session, user, "wallet:sign").text("elevatedAccessToken");

    assertThat(api.delete(ENV + "/session", session, Map.of()).status()).isEqualTo(204);
    assertThat(api.get(ENV + "/me", session).status()).isEqualTo(401);
    ApiClient.Answer state =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token));
    assertThat(state.raw().body()).isEqualTo("{\"active\":false}");
  }

  @Test
  void tokenVerifiesAgainstThePublishedKeysWithAnIndependentJwtLibrary() throws Exception {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String token = stepUpByEmail(session, user, "wallet:sign").text("elevatedAccessToken");

    ApiClient.Answer jwks = api.get("/.well-known/jwks.json", null);
    assertThat(jwks.status()).isEqualTo(200);
    JWKSet keys = JWKSet.parse(jwks.raw().body());
    assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("stepup-elevated+jwt");
    ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
    assertThat(key).as("the token's kid is published").isNotNull();
    assertThat(jwt.verify(new ECDSAVerifier(key.toECPublicKey()))).isTrue();

    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(user.id());
    assertThat(claims.getExpirationTime().toInstant())
        .isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(10)));
    assertThat(claims.getStringClaim("scope")).isEqualTo("wallet:sign");
    assertThat(claims.getJWTID()).startsWith("tok_");
    assertThat(claims.getStringListClaim("amr")).containsExactly("otp", "email");
    assertThat(claims.getStringClaim("acr")).isEqualTo("urn:stepup:acr:reauth");
    assertThat(claims.getLongClaim("auth_time")).isEqualTo(CLOCK.instant().getEpochSecond());
  }

  // ---- RFC 9470 challenge, RFC 7662 answers ----------------------------------------------------

  @Test
  void aReauthUserIsChallengedForTheScopeAtTheReauthLevel() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer refused =
        api.post(ENV + "/wallets/" + user.credential("blockchain") + "/export", session, Map.of());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("step_up_required");
    assertThat(refused.header("WWW-Authenticate"))
        .isEqualTo(
            "Bearer error=\"insufficient_user_authentication\","
                + " error_description=\"This action needs step-up verification for"
                + " wallet:export.\", scope=\"wallet:export\","
                + " acr_values=\"urn:stepup:acr:reauth\"");
  }

  @Test
  void anMfaUserIsChallengedAtTheMfaLevelAndTheirTokenSaysMfa() {
    Enrolled mfa = enrolTotp();
    String wallet = mfa.user().credential("blockchain");

    ApiClient.Answer refused =
        api.post(ENV + "/wallets/" + wallet + "/export", mfa.session(), Map.of());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate"))
        .isEqualTo(
            "Bearer error=\"insufficient_user_authentication\","
                + " error_description=\"This action needs step-up verification for"
                + " wallet:export.\", scope=\"wallet:export\","
                + " acr_values=\"urn:stepup:acr:mfa\"");

    ApiClient.Answer verified =
        api.post(
            ENV + "/step-up/totp/verify",
            mfa.session(),
            Map.of(
                "code",
                dev.stepup.application.fakes.JdkTotp.codeAt(mfa.secret(), CLOCK.instant()),
                "deviceId",
                mfa.deviceId(),
                "requestedScopes",
                List.of("wallet:sign")));
    assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
    String token = verified.text("elevatedAccessToken");
    ApiClient.Answer introspected =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token));
    assertThat(introspected.text("acr")).isEqualTo("urn:stepup:acr:mfa");
    assertThat(introspected.json().get("amr").toString()).isEqualTo("[\"otp\",\"totp\"]");
    assertThat(introspected.json().get("auth_time").asLong())
        .isEqualTo(CLOCK.instant().getEpochSecond());
  }

  @Test
  void anActiveTokenIsIntrospectedWithAmrAcrAndAuthTime() throws Exception {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String token = stepUpByEmail(session, user, "wallet:sign").text("elevatedAccessToken");
    long authTime = CLOCK.instant().getEpochSecond();
    CLOCK.advance(Duration.ofMinutes(2));

    ApiClient.Answer active =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token));

    assertThat(active.json().get("active").asBoolean()).isTrue();
    assertThat(active.text("sub")).isEqualTo(user.id());
    assertThat(active.json().get("amr").toString()).isEqualTo("[\"otp\",\"email\"]");
    assertThat(active.text("acr")).isEqualTo("urn:stepup:acr:reauth");
    assertThat(active.json().get("auth_time").asLong()).isEqualTo(authTime);
    assertThat(SignedJWT.parse(token).getJWTClaimsSet().getLongClaim("auth_time"))
        .isEqualTo(authTime);
  }

  @Test
  void anInactiveTokenIsAnsweredWithActiveFalseAndNothingElse() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String expiring = issue(user, session, "wallet:sign").text("elevatedAccessToken");
    String consumed = issue(user, session, "wallet:export").text("elevatedAccessToken");
    String revoked = issue(user, session, "wallet:refresh").text("elevatedAccessToken");
    assertThat(
            api.post(
                    ENV + "/elevated-tokens/introspect",
                    API_KEY,
                    Map.of("token", consumed, "scope", "wallet:export", "consume", true))
                .json()
                .get("active")
                .asBoolean())
        .isTrue();
    api.post(ENV + "/elevated-tokens/revoke", API_KEY, Map.of("token", revoked));
    CLOCK.advance(Duration.ofMinutes(10));

    for (String token : List.of(expiring, consumed, revoked, "eyJhbGciOiJFUzI1NiJ9.e30.AAAA")) {
      for (boolean consume : List.of(false, true)) {
        ApiClient.Answer answer =
            api.post(
                ENV + "/elevated-tokens/introspect",
                API_KEY,
                Map.of("token", token, "consume", consume));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.raw().body()).isEqualTo("{\"active\":false}");
      }
    }
  }

  private ApiClient.Answer sign(String session, String wallet, String token) {
    return api.post(
        ENV + "/wallets/" + wallet + "/sign",
        session,
        Map.of("message", "pay 1 ETH"),
        Map.of("X-Elevated-Access-Token", token));
  }
}
