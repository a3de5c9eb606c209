package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.example.hostapp.HostApp;
import dev.stepup.example.hostapp.HostAppConfig;
import dev.stepup.server.LogOutput;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The example host application's backend ({@code examples/host-app}) against the running server,
 * without a browser: its protected actions answer the RFC 9470 challenge without a token, refuse
 * forged and other users' tokens with it, spend an export token once and accept a send token for as
 * many sends as it lives, and logs none of the tokens. The browser half is {@code
 * HostAppBrowserIT}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostAppIT extends ApiTestServer {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Value("${stepup.issuer}")
  String issuer;

  private HostApp app;

  @BeforeEach
  void startApp() throws IOException {
    app =
        HostApp.start(
            new HostAppConfig("http://localhost:" + port, issuer, "demo", API_KEY, 0, null));
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  /** A signed-in user of the host app: its cookie, and the step-up session token it handed out. */
  private record Visitor(String cookie, String sessionToken, TestUser user) {}

  private Visitor signIn() throws Exception {
    String email = "h" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(app.origin() + "/api/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    JsonNode json = ApiClient.JSON.readTree(answer.body());
    return new Visitor(
        cookie, json.get("sessionToken").asString(), new TestUser(null, null, email));
  }

  private static HttpResponse<String> call(String url, String cookie, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (token != null) {
      request.header("X-Elevated-Access-Token", token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> export(Visitor visitor, String token) throws Exception {
    return call(app.origin() + "/api/export", visitor.cookie(), token);
  }

  private HttpResponse<String> send(Visitor visitor, String token) throws Exception {
    return call(app.origin() + "/api/send", visitor.cookie(), token);
  }

  private String stepUp(Visitor visitor, String scope) {
    // Codes are sent to one session at most every 30 seconds.
    CLOCK.advance(Duration.ofSeconds(31));
    return stepUpByEmail(visitor.sessionToken(), visitor.user(), scope).text("elevatedAccessToken");
  }

  private static void assertChallenge(HttpResponse<String> answer, String scope, String code) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
    assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer error=\"insufficient_user_authentication\"")
        .contains("scope=\"" + scope + "\"");
    assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
  }

  /** The same token with a later expiry in its payload; its signature no longer matches. */
  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replaceFirst("\"exp\":(\\d+)", "\"exp\":4102444800");
    return parts[0]
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }

  @Test
  void withoutATokenBothActionsAnswerTheStepUpChallengeForTheirScope() throws Exception {
    Visitor visitor = signIn();
    assertChallenge(export(visitor, null), "wallet:export", "step_up_required");
    assertChallenge(send(visitor, null), "wallet:sign", "step_up_required");
  }

  @Test
  void anExportTokenWorksOnceAndASendTokenForManySends(CapturedOutput logs) throws Exception {
    Visitor visitor = signIn();
    String exportToken = stepUp(visitor, "wallet:export");
    HttpResponse<String> exported = export(visitor, exportToken);
    assertThat(exported.statusCode()).as(exported.body()).isEqualTo(200);
    assertThat(exported.body()).contains("Key exported for " + visitor.user().email());
    assertChallenge(export(visitor, exportToken), "wallet:export", "invalid_token");

    String sendToken = stepUp(visitor, "wallet:sign");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> sent = send(visitor, sendToken);
      assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
      assertThat(sent.body()).contains("Sent for " + visitor.user().email());
    }
    // A send token is not an export token.
    assertChallenge(export(visitor, sendToken), "wallet:export", "invalid_token");
    assertThat(LogOutput.settled(logs, all -> all.contains("export allowed for ")))
        .contains("export allowed for ")
        .doesNotContain(exportToken, sendToken, visitor.sessionToken());
  }

  @Test
  void forgedTokensAreRefusedWithTheChallenge() throws Exception {
    Visitor visitor = signIn();
    assertChallenge(export(visitor, "eyJhbGciOiJub25lIn0.e30."), "wallet:export", "invalid_token");
    assertChallenge(send(visitor, "eyJhbGciOiJub25lIn0.e30."), "wallet:sign", "invalid_token");

    String sendToken = stepUp(visitor, "wallet:sign");
    assertChallenge(send(visitor, tampered(sendToken)), "wallet:sign", "invalid_token");
    String exportToken = stepUp(visitor, "wallet:export");
    assertChallenge(export(visitor, tampered(exportToken)), "wallet:export", "invalid_token");
    // The forgery spent nothing: the real token still exports, once.
    assertThat(export(visitor, exportToken).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherUsersTokenIsRefused() throws Exception {
    Visitor victim = signIn();
    Visitor attacker = signIn();
    String sendToken = stepUp(attacker, "wallet:sign");
    String exportToken = stepUp(attacker, "wallet:export");

    assertChallenge(send(victim, sendToken), "wallet:sign", "invalid_token");
    assertChallenge(export(victim, exportToken), "wallet:export", "invalid_token");
  }

  @Test
  void withoutSigningInToTheAppNoStepUpHelps() throws Exception {
    Visitor visitor = signIn();
    String sendToken = stepUp(visitor, "wallet:sign");
    HttpResponse<String> anonymous = call(app.origin() + "/api/send", null, sendToken);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
        .doesNotContain("insufficient_user_authentication");
    assertThat(anonymous.body()).contains("\"code\":\"not_signed_in\"");
    HttpResponse<String> wrongCookie =
        call(app.origin() + "/api/send", "host_session=guessed", sendToken);
    assertThat(wrongCookie.statusCode()).isEqualTo(401);
    assertThat(wrongCookie.body()).contains("not_signed_in");
  }
}
