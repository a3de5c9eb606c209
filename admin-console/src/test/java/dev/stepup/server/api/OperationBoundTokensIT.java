package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Operation-bound tokens over HTTP: a verify binds the token to one operation, and the wallet
 * actions and consuming introspection refuse (403 {@code operation_mismatch}) any other without
 * spending the token.
 */
class OperationBoundTokensIT extends ApiTestServer {

  private static byte[] sha256(String message) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(message.getBytes(StandardCharsets.UTF_8));
  }

  private ApiClient.Answer verifyByEmail(
      String session, TestUser user, Map<String, Object> operation, String... scopes) {
    ApiClient.Answer sent = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(sent.status()).as(sent.raw().body()).isEqualTo(200);
    return api.post(
        ENV + "/step-up/otp/verify",
        session,
        Map.of(
            "verificationToken",
            mailedCode(user.email()),
            "requestedScopes",
            List.of(scopes),
            "operation",
            operation));
  }

  private String boundToken(
      String session, TestUser user, Map<String, Object> operation, String scope) {
    ApiClient.Answer verified = verifyByEmail(session, user, operation, scope);
    assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
    return verified.text("elevatedAccessToken");
  }

  private ApiClient.Answer export(String session, String wallet, String token) {
    return api.post(
        ENV + "/wallets/" + wallet + "/export",
        session,
        Map.of(),
        Map.of("X-Elevated-Access-Token", token));
  }

  private ApiClient.Answer sign(
      String session, String wallet, String token, String message, Map<String, Object> amount) {
    Map<String, Object> body = new HashMap<>();
    body.put("message", message);
    if (amount != null) {
      body.put("amount", amount);
    }
    return api.post(
        ENV + "/wallets/" + wallet + "/sign",
        session,
        body,
        Map.of("X-Elevated-Access-Token", token));
  }

  private long refusals(TestUser user, String reason) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_trail WHERE user_id = ? AND type = 'token_refused'"
                + " AND reason = ?")
        .params(user.id(), reason)
        .query(Long.class)
        .single();
  }

  @Test
  void aTokenBoundToWalletAIsRefusedOnWalletBAndStaysGoodForA() {
    TestUser ann = newUser();
    TestUser bob = newUser();
    String session = signIn(ann, ann.credential("email"));
    String walletA = ann.credential("blockchain");
    String walletB = bob.credential("blockchain");
    String token = boundToken(session, ann, Map.of("resource", walletB), "wallet:export");

    // Bound to Bob's wallet: no use on Ann's own, and Bob's wallet is not Ann's to export.
    ApiClient.Answer onOwn = export(session, walletA, token);
    assertThat(onOwn.status()).as(onOwn.raw().body()).isEqualTo(403);
    assertThat(onOwn.code()).isEqualTo("operation_mismatch");
    assertThat(onOwn.text("detail")).contains("resource_differs").contains("not spent");
    assertThat(export(session, walletB, token).status()).isEqualTo(404);
    assertThat(refusals(ann, "operation_mismatch:resource_differs")).isEqualTo(1);

    CLOCK.advance(java.time.Duration.ofSeconds(31)); // past the resend throttle
    String forA = boundToken(session, ann, Map.of("resource", walletA), "wallet:export");
    assertThat(export(session, walletA, forA).status()).isEqualTo(200);
    // The refused token was not spent: still active for the backend to see.
    ApiClient.Answer peek =
        api.post(ENV + "/elevated-tokens/introspect", API_KEY, Map.of("token", token));
    assertThat(peek.json().get("active").asBoolean()).isTrue();
    assertThat(peek.json().get("operation").get("resource").asString()).isEqualTo(walletB);
  }

  @Test
  void aTokenBoundToMessageXDoesNotSignMessageY() throws Exception {
    TestUser ann = newUser();
    String session = signIn(ann, ann.credential("email"));
    String wallet = ann.credential("blockchain");
    String x = "send 10 ETH to 0x00000000000000000000000000000000000000aa";
    // base64url here; hex is accepted too
    String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(x));
    String token =
        boundToken(session, ann, Map.of("resource", wallet, "digest", digest), "wallet:sign");

    ApiClient.Answer other = sign(session, wallet, token, x.replace("aa", "bb"), null);
    assertThat(other.status()).as(other.raw().body()).isEqualTo(403);
    assertThat(other.code()).isEqualTo("operation_mismatch");
    assertThat(other.text("detail")).contains("digest_differs");

    assertThat(sign(session, wallet, token, x, null).status()).isEqualTo(200);
    // The claim says what the token is for, so a backend verifying offline sees it too.
    SignedJWT jwt = SignedJWT.parse(token);
    assertThat(jwt.getJWTClaimsSet().getClaim("authorization_details").toString())
        .contains("stepup_operation")
        .contains(HexFormat.of().formatHex(sha256(x)));
  }

  @Test
  void anAmountOneUnitAboveTheCapIsRefused() {
    TestUser ann = newUser();
    String session = signIn(ann, ann.credential("email"));
    String wallet = ann.credential("blockchain");
    String token =
        boundToken(
            session,
            ann,
            Map.of("resource", wallet, "maxAmount", Map.of("value", "100", "asset", "ETH")),
            "wallet:sign");

    ApiClient.Answer over =
        sign(session, wallet, token, "tx", Map.of("value", "101", "asset", "ETH"));
    assertThat(over.status()).as(over.raw().body()).isEqualTo(403);
    assertThat(over.code()).isEqualTo("operation_mismatch");
    assertThat(over.text("detail")).contains("amount_over_cap");
    assertThat(sign(session, wallet, token, "tx", null).code()).isEqualTo("operation_mismatch");

    ApiClient.Answer within =
        sign(session, wallet, token, "tx", Map.of("value", "100.00", "asset", "ETH"));
    assertThat(within.status()).as(within.raw().body()).isEqualTo(200);
  }

  @Test
  void aMalformedBindingIsA400AndTheCodeStaysGood() {
    TestUser ann = newUser();
    String session = signIn(ann, ann.credential("email"));
    ApiClient.Answer sent = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(sent.status()).isEqualTo(200);
    String code = mailedCode(ann.email());

    for (Map<String, Object> bad :
        List.of(
            Map.<String, Object>of("digest", "abc"),
            Map.<String, Object>of(
                "resource", "w", "maxAmount", Map.of("value", "-1", "asset", "ETH")),
            Map.<String, Object>of("maxAmount", Map.of("value", "1", "asset", "eth")),
            Map.<String, Object>of())) {
      ApiClient.Answer answer =
          api.post(
              ENV + "/step-up/otp/verify",
              session,
              Map.of(
                  "verificationToken",
                  code,
                  "requestedScopes",
                  List.of("wallet:export"),
                  "operation",
                  bad));
      assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
      assertThat(answer.code()).isEqualTo("validation_failed");
      assertThat(answer.text("detail")).containsAnyOf("digest:", "amount:", "asset:", "operation:");
    }
    ApiClient.Answer good =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", code, "requestedScopes", List.of("wallet:export")));
    assertThat(good.status()).as(good.raw().body()).isEqualTo(200);
  }

  @Test
  void aHostBackendPassesTheOperationItIsAboutToPerform() throws Exception {
    TestUser ann = newUser();
    signIn(ann, ann.credential("email"));
    String digest = HexFormat.of().formatHex(sha256("transfer #42"));
    ApiClient.Answer issued =
        api.post(
            ENV + "/elevated-tokens",
            API_KEY,
            Map.of(
                "userId",
                ann.id(),
                "scopes",
                List.of("wallet:export"),
                "operation",
                Map.of(
                    "resource",
                    "acct_7",
                    "digest",
                    digest,
                    "maxAmount",
                    Map.of("value", "250.00", "asset", "EUR"))));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    String token = issued.text("elevatedAccessToken");

    ApiClient.Answer unnamed =
        api.post(
            ENV + "/elevated-tokens/introspect",
            API_KEY,
            Map.of("token", token, "scope", "wallet:export", "consume", true));
    assertThat(unnamed.status()).as(unnamed.raw().body()).isEqualTo(403);
    assertThat(unnamed.code()).isEqualTo("operation_mismatch");
    assertThat(unnamed.text("detail")).contains("operation_not_named");
    ApiClient.Answer tooMuch = introspect(token, Map.of("value", "250.01", "asset", "EUR"), digest);
    assertThat(tooMuch.status()).isEqualTo(403);
    assertThat(tooMuch.text("detail")).contains("amount_over_cap");
    assertThat(refusals(ann, "operation_mismatch:amount_over_cap")).isEqualTo(1);

    ApiClient.Answer spent = introspect(token, Map.of("value", "250", "asset", "EUR"), digest);
    assertThat(spent.status()).as(spent.raw().body()).isEqualTo(200);
    assertThat(spent.json().get("active").asBoolean()).isTrue();
    assertThat(spent.json().get("operation").get("maxAmount").get("value").asString())
        .isEqualTo("250");
    assertThat(introspect(token, Map.of("value", "250", "asset", "EUR"), digest).raw().body())
        .isEqualTo("{\"active\":false}");
  }

  private ApiClient.Answer introspect(String token, Map<String, Object> amount, String digest) {
    return api.post(
        ENV + "/elevated-tokens/introspect",
        API_KEY,
        Map.of(
            "token",
            token,
            "scope",
            "wallet:export",
            "consume",
            true,
            "operation",
            Map.of("resource", "acct_7", "digest", digest, "amount", amount)));
  }
}
