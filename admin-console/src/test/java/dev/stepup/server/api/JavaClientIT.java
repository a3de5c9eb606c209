package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.stepup.adapter.out.crypto.jwt.JwtElevatedTokenSigner;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.client.ElevatedTokenException;
import dev.stepup.client.Introspection;
import dev.stepup.client.NewUser;
import dev.stepup.client.Session;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.client.User;
import dev.stepup.client.VerifiedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The host backends' Java client ({@code clients/java}) against the running server. */
class JavaClientIT extends ApiTestServer {

  @Autowired JwtElevatedTokenSigner signer;

  /** The server's stepup.issuer; a deployment configures the client with its public URL. */
  @Value("${stepup.issuer}")
  String issuer;

  private StepUpClient stepUpClient() {
    return StepUpClient.builder()
        .baseUrl("http://localhost:" + port)
        .issuer(issuer)
        .environment("demo")
        .apiKey(API_KEY)
        .build();
  }

  /** A user made and signed in through the client, as a host backend does. */
  private record Host(User user, Session session, TestUser testUser) {}

  private Host signedInUser(StepUpClient client) {
    String email = "j" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    User user = client.createUser(NewUser.withEmail(email).withEmbeddedWallet());
    Session session = client.createSession(user.id(), user.credential("email").orElseThrow().id());
    TestUser testUser =
        new TestUser(user.id(), api.get(ENV + "/users/" + user.id(), API_KEY).json(), email);
    return new Host(user, session, testUser);
  }

  private String stepUp(Host host, String scope) {
    return stepUpByEmail(host.session().sessionToken(), host.testUser(), scope)
        .text("elevatedAccessToken");
  }

  @Test
  void createsUsersAndSessionsThatTheEndUserApiAccepts() {
    StepUpClient client = stepUpClient();
    Host host = signedInUser(client);
    assertThat(host.user().id()).startsWith("usr_");
    assertThat(host.user().credential("blockchain")).isPresent();
    assertThat(client.getUser(host.user().id()).credentials())
        .hasSize(host.user().credentials().size());

    ApiClient.Answer me = api.get(ENV + "/me", host.session().sessionToken());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.text("userId")).isEqualTo(host.user().id());
    assertThat(host.session().toString()).doesNotContain(host.session().sessionToken());

    client.endSession(host.user().id(), host.session().sessionId());
    assertThat(api.get(ENV + "/me", host.session().sessionToken()).status()).isEqualTo(401);
  }

  @Test
  void refusalsSurfaceAsTypedExceptionsWithTheProblemCode() {
    assertThatThrownBy(() -> stepUpClient().createUser(NewUser.withEmail("not an address")))
        .isInstanceOfSatisfying(
            StepUpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("validation_failed");
              assertThat(e.detail()).contains("email");
            });
    assertThatThrownBy(() -> stepUpClient().getUser("usr_nobody"))
        .isInstanceOfSatisfying(
            StepUpException.class, e -> assertThat(e.code()).isEqualTo("not_found"));
    StepUpClient wrongKey =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .issuer(issuer)
            .environment("demo")
            .apiKey("sk_demo_" + "x".repeat(40))
            .build();
    assertThatThrownBy(() -> wrongKey.createUser(NewUser.withEmail("a@example.test")))
        .isInstanceOfSatisfying(
            StepUpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("unauthenticated");
            });
  }

  @Test
  void verifiesAFreshMultiUseTokenOfflineAndRefusesEveryForgery() {
    StepUpClient client = stepUpClient();
    Host host = signedInUser(client);
    String token = stepUp(host, "wallet:sign");

    VerifiedToken verified = client.verify(token, "wallet:sign");
    assertThat(verified.userId()).isEqualTo(host.user().id());
    assertThat(verified.sessionId()).contains(host.session().sessionId());
    assertThat(verified.environmentId()).isEqualTo("demo");
    assertThat(verified.scopes()).containsExactly("wallet:sign");
    assertThat(verified.amr()).contains("otp");
    assertThat(verified.singleUse()).isFalse();

    // Tampered: the payload names another user; the signature no longer matches.
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace(host.user().id(), "usr_attacker").getBytes())
            + "."
            + parts[2];
    assertRefused(() -> client.verify(forged, "wallet:sign"), "invalid_token");

    // Another environment: the token's audience is demo.
    StepUpClient otherEnvironment =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .issuer(issuer)
            .environment("production")
            .apiKey(API_KEY)
            .build();
    assertRefused(() -> otherEnvironment.verify(token, "wallet:sign"), "invalid_token");

    // Another scope.
    assertRefused(() -> client.verify(token, "wallet:export"), "step_up_required");

    // Expired: a verifier whose clock is past the token's expiry and the allowed skew.
    MutableClock later = new MutableClock(verified.expiresAt().plusSeconds(31));
    StepUpClient afterExpiry =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .issuer(issuer)
            .environment("demo")
            .apiKey(API_KEY)
            .clock(later)
            .build();
    assertRefused(() -> afterExpiry.verify(token, "wallet:sign"), "token_expired");
    later.set(verified.expiresAt().minusSeconds(1));
    assertThat(afterExpiry.verify(token, "wallet:sign").tokenId()).isEqualTo(verified.tokenId());
  }

  @Test
  void aSingleUseTokenIsNeverAcceptedOfflineButConsumedOnceOnTheServer() {
    StepUpClient client = stepUpClient();
    Host host = signedInUser(client);
    String token = stepUp(host, "wallet:export");

    assertRefused(() -> client.verify(token, "wallet:export"), "invalid_token");
    assertThat(client.introspect(token, "wallet:export").active()).isTrue();

    Introspection consumed = client.consume(token, "wallet:export");
    assertThat(consumed.active()).isTrue();
    assertThat(consumed.userId()).contains(host.user().id());
    assertThat(consumed.singleUse()).isTrue();

    assertThat(client.consume(token, "wallet:export").active()).isFalse();
    ApiClient.Answer export =
        api.post(
            ENV + "/wallets/" + host.user().credential("blockchain").orElseThrow().id() + "/export",
            host.session().sessionToken(),
            Map.of(),
            Map.of("X-Elevated-Access-Token", token));
    assertThat(export.status()).isEqualTo(401);
    assertThat(export.code()).isEqualTo("token_consumed");
  }

  @Test
  void consumingOneScopeLeavesTheTokensOtherScopeUsableAndTheClientSaysWhichWasSpent() {
    StepUpClient client = stepUpClient();
    Host host = signedInUser(client);
    // Under the defaults wallet:export is single-use and wallet:sign multi-use.
    String token =
        stepUpByEmail(
                host.session().sessionToken(), host.testUser(), "wallet:export", "wallet:sign")
            .text("elevatedAccessToken");

    Introspection spent = client.consume(token, "wallet:export");
    assertThat(spent.active()).isTrue();
    assertThat(spent.isSpent("wallet:export")).isTrue();
    assertThat(spent.singleUseScopes()).containsExactly("wallet:export");

    Introspection after = client.introspect(token, null);
    assertThat(after.active()).isTrue();
    assertThat(after.scopes()).containsExactly("wallet:sign");
    assertThat(after.usableScopes()).containsExactly("wallet:sign");
    assertThat(after.spentScopes()).containsExactly("wallet:export");
    assertThat(client.consume(token, "wallet:export").active()).isFalse();
    assertThat(client.consume(token, "wallet:sign").active()).isTrue();
  }

  @Test
  void afterASigningKeyRotationANewTokenVerifiesAfterOneJwksRefetch() throws Exception {
    MutableClock clock = new MutableClock(Instant.now());
    try (JwksCountingProxy proxy = new JwksCountingProxy(port)) {
      StepUpClient client =
          StepUpClient.builder()
              .baseUrl(proxy.baseUrl())
              .issuer(issuer)
              .environment("demo")
              .apiKey(API_KEY)
              .clock(clock)
              .build();
      Host host = signedInUser(client);
      String before = stepUp(host, "wallet:sign");
      client.verify(before, "wallet:sign");
      client.verify(before, "wallet:sign");
      assertThat(proxy.jwksFetches()).as("the keys are cached").isEqualTo(1);

      signer.rotate();
      CLOCK.advance(Duration.ofSeconds(31)); // past the resend throttle for the second code
      String after = stepUp(host, "wallet:sign");
      assertThat(kid(after)).isNotEqualTo(kid(before));
      clock.advance(Duration.ofSeconds(11));
      assertThat(client.verify(after, "wallet:sign").userId()).isEqualTo(host.user().id());
      assertThat(proxy.jwksFetches()).as("one refetch for the new key").isEqualTo(2);
      client.verify(before, "wallet:sign");
      assertThat(proxy.jwksFetches()).as("the retired key is still published").isEqualTo(2);

      // Made-up key ids do not make the client hammer the server.
      String madeUp = signedByAStranger(before);
      assertRefused(() -> client.verify(madeUp, "wallet:sign"), "invalid_token");
      assertRefused(() -> client.verify(madeUp, "wallet:sign"), "invalid_token");
      assertThat(proxy.jwksFetches()).isEqualTo(2);
      // Every request the client made (API-key calls and JWKS fetches) named its API version.
      assertThat(proxy.apiVersions()).containsExactly("2026_04_01");
    }
  }

  private static String kid(String token) throws java.text.ParseException {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  /** The same claims, signed by a key the server never published, under a key id of its own. */
  private static String signedByAStranger(String token) throws Exception {
    SignedJWT original = SignedJWT.parse(token);
    ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(original.getHeader().getType())
                .keyID("stranger")
                .build(),
            original.getJWTClaimsSet());
    forged.sign(new ECDSASigner(stranger));
    return forged.serialize();
  }

  private static void assertRefused(Runnable verification, String code) {
    assertThatThrownBy(verification::run)
        .isInstanceOfSatisfying(
            ElevatedTokenException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.status()).isEqualTo(401);
            });
  }
}
