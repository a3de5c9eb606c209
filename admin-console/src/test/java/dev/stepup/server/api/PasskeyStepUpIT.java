package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.server.browser.Chromium;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.JsonNode;

/**
 * Passkeys made and used by a real authenticator: Chromium's virtual authenticator (CTAP2,
 * platform, resident keys, user verification) answering the options the server gives.
 */
class PasskeyStepUpIT extends ApiTestServer {

  private static final String CREATE =
      "const done = arguments[arguments.length - 1];"
          + "const options = PublicKeyCredential.parseCreationOptionsFromJSON(JSON.parse(arguments[0]));"
          + "navigator.credentials.create({publicKey: options})"
          + ".then(c => done(JSON.stringify(c.toJSON())))"
          + ".catch(e => done('ERROR ' + e.name));";
  private static final String GET =
      "const done = arguments[arguments.length - 1];"
          + "const options = PublicKeyCredential.parseRequestOptionsFromJSON(JSON.parse(arguments[0]));"
          + "navigator.credentials.get({publicKey: options})"
          + ".then(c => done(JSON.stringify(c.toJSON())))"
          + ".catch(e => done('ERROR ' + e.name));";

  private HttpServer page;
  private ChromeDriver browser;
  private VirtualAuthenticator authenticator;

  @BeforeEach
  void browserOnALocalhostPage() throws IOException {
    page = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    page.createContext(
        "/",
        exchange -> {
          byte[] html =
              "<!DOCTYPE html><title>relying party page</title><p>passkeys</p>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, html.length);
          exchange.getResponseBody().write(html);
          exchange.close();
        });
    page.start();
    browser = Chromium.start();
    browser.get("http://localhost:" + page.getAddress().getPort() + "/");
    authenticator =
        ((HasVirtualAuthenticator) browser)
            .addVirtualAuthenticator(
                new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                    .setHasResidentKey(true)
                    .setHasUserVerification(true)
                    .setIsUserVerified(true)
                    .setIsUserConsenting(true));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (page != null) {
      page.stop(0);
    }
  }

  private String inBrowser(String script, String optionsJson) {
    Object answer = browser.executeAsyncScript(script, optionsJson);
    assertThat(answer).asString().doesNotStartWith("ERROR");
    return (String) answer;
  }

  record Enrolled(TestUser user, String session, String credentialId, List<String> codes) {}

  private Enrolled registerPasskey() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");

    ApiClient.Answer options =
        api.post(
            ENV + "/mfa/passkeys/registration/options",
            session,
            Map.of("alias", "Laptop"),
            Map.of("X-Elevated-Access-Token", link));
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    JsonNode publicKey = options.json().get("publicKey");
    assertThat(publicKey.get("rp").get("id").asString()).isEqualTo("localhost");
    assertThat(publicKey.get("authenticatorSelection").get("userVerification").asString())
        .isEqualTo("required");

    String credential = inBrowser(CREATE, publicKey.toString());
    ApiClient.Answer registered =
        api.post(
            ENV + "/mfa/passkeys/registration",
            session,
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + credential
                + "}");
    assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
    List<String> codes =
        registered.json().get("recoveryCodes").valueStream().map(JsonNode::asString).toList();
    assertThat(codes).hasSize(10);

    ApiClient.Answer replayed =
        api.post(
            ENV + "/mfa/passkeys/registration",
            session,
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + credential
                + "}");
    assertThat(replayed.code()).isEqualTo("unknown_challenge");
    return new Enrolled(user, session, registered.text("credentialId"), codes);
  }

  private ApiClient.Answer assertWithPasskey(Enrolled e, String scope) {
    ApiClient.Answer options = api.post(ENV + "/step-up/passkey/options", e.session(), Map.of());
    assertThat(options.status()).as(options.raw().body()).isEqualTo(200);
    assertThat(options.json().get("publicKey").get("userVerification").asString())
        .isEqualTo("required");
    String assertion = inBrowser(GET, options.json().get("publicKey").toString());
    return api.post(
        ENV + "/step-up/passkey/verify",
        e.session(),
        "{\"challengeId\":\""
            + options.text("challengeId")
            + "\",\"credential\":"
            + assertion
            + ",\"requestedScopes\":[\""
            + scope
            + "\"]}");
  }

  @Test
  void registeredPasskeyStepsUpAndUnlocksTheExport() {
    Enrolled e = registerPasskey();

    ApiClient.Answer check =
        api.post(ENV + "/step-up/check", e.session(), Map.of("scope", "wallet:export"));
    assertThat(ReauthStepUpIT.formats(check.json())).containsExactly("passkey");
    assertThat(check.text("defaultCredentialId")).isEqualTo(e.credentialId());
    assertThat(api.post(ENV + "/step-up/otp/send", e.session(), Map.of()).code())
        .isEqualTo("mfa_required");

    ApiClient.Answer token = assertWithPasskey(e, "wallet:export");
    assertThat(token.status()).as(token.raw().body()).isEqualTo(200);
    ApiClient.Answer exported =
        api.post(
            ENV + "/wallets/" + e.user().credential("blockchain") + "/export",
            e.session(),
            Map.of(),
            Map.of("X-Elevated-Access-Token", token.text("elevatedAccessToken")));
    assertThat(exported.status()).isEqualTo(200);

    // A second assertion from the same authenticator: its counter moved on.
    assertThat(assertWithPasskey(e, "wallet:sign").status()).isEqualTo(200);
  }

  @Test
  void aCounterThatGoesBackwardsIsRefusedAndAudited() {
    Enrolled e = registerPasskey();
    // As if a copy of this authenticator had already been used many more times.
    jdbc.sql("UPDATE passkeys SET sign_count = 1000000 WHERE id = ?")
        .param(e.credentialId())
        .update();
    ApiClient.Answer refused = assertWithPasskey(e, "wallet:export");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("passkey_counter_regressed");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE user_id = ? AND type = 'verification'"
                        + " AND reason = 'passkey_counter_regressed'")
                .param(e.user().id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anotherUsersPasskeyDoesNotAnswerMyChallenge() {
    Enrolled alice = registerPasskey();
    Enrolled bob = registerPasskey();

    // Bob's challenge, signed by Alice's credential in the same authenticator.
    ApiClient.Answer options = api.post(ENV + "/step-up/passkey/options", bob.session(), Map.of());
    tools.jackson.databind.node.ObjectNode publicKey =
        (tools.jackson.databind.node.ObjectNode) options.json().get("publicKey");
    String aliceWebauthnId =
        jdbc.sql("SELECT webauthn_id FROM passkeys WHERE id = ?")
            .param(alice.credentialId())
            .query(String.class)
            .single();
    publicKey
        .putArray("allowCredentials")
        .addObject()
        .put("type", "public-key")
        .put("id", aliceWebauthnId);
    String assertion = inBrowser(GET, publicKey.toString());
    ApiClient.Answer refused =
        api.post(
            ENV + "/step-up/passkey/verify",
            bob.session(),
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + assertion
                + ",\"requestedScopes\":[\"wallet:export\"]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("passkey_rejected");

    // Alice's own challenge still works with her passkey, and Bob's challenge is spent.
    assertThat(assertWithPasskey(alice, "wallet:export").status()).isEqualTo(200);
  }

  @Test
  void aPromptAnsweredTooLateIsRefused() {
    Enrolled e = registerPasskey();
    ApiClient.Answer options = api.post(ENV + "/step-up/passkey/options", e.session(), Map.of());
    String assertion = inBrowser(GET, options.json().get("publicKey").toString());
    CLOCK.advance(java.time.Duration.ofMinutes(5).plusSeconds(1));
    ApiClient.Answer late =
        api.post(
            ENV + "/step-up/passkey/verify",
            e.session(),
            "{\"challengeId\":\""
                + options.text("challengeId")
                + "\",\"credential\":"
                + assertion
                + ",\"requestedScopes\":[\"wallet:export\"]}");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.code()).isEqualTo("code_expired");
  }
}
