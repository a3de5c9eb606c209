package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.environment.AllowRedirectsUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.client.Introspection;
import dev.stepup.client.NewUser;
import dev.stepup.client.Prompt;
import dev.stepup.client.PromptRequest;
import dev.stepup.client.PromptResult;
import dev.stepup.client.Session;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.client.User;
import dev.stepup.domain.environment.EnvironmentId;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A host backend prompts through the Java client: it creates the prompt, the user steps up on the
 * hosted page, and the client exchanges the result code once for the token and consumes it.
 */
class JavaClientPromptIT extends ApiTestServer {

  private static final String RETURN = "https://app.example.test/stepped-up";

  @Autowired AllowRedirectsUseCase redirects;

  @Test
  void aRedirectPromptsResultCodeIsExchangedOnceForTheToken() {
    redirects.allowRedirects(
        new AllowRedirectsUseCase.Command(
            new EnvironmentId("demo"),
            List.of(RETURN),
            "test",
            new RequestOrigin("127.0.0.1", "java client it")));
    StepUpClient client =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .environment("demo")
            .apiKey(API_KEY)
            .build();
    String email = "p" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    User user = client.createUser(NewUser.withEmail(email));
    String emailId = user.credential("email").orElseThrow().id();
    Session session = client.createSession(user.id(), emailId);

    Prompt prompt =
        client.createPrompt(
            PromptRequest.redirect(user.id(), session.sessionId(), RETURN, "wallet:export"));
    assertThat(prompt.promptId()).startsWith("prm_");
    assertThat(prompt.toString()).doesNotContain("ticket");

    // The user's browser: launch, email code on the page, back to the host with a result code.
    PromptPageBrowser browser = new PromptPageBrowser(port);
    HttpResponse<String> launched = browser.get(prompt.url());
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    String page = PromptPageBrowser.location(launched);
    assertThat(browser.get(page).statusCode()).isEqualTo(200);
    String scope = PromptPageBrowser.parameter("http://x" + page, "scope");
    String returnTo = PromptPageBrowser.parameter("http://x" + page, "returnTo");
    browser.post(
        "/hosted/demo/step-up/otp/send",
        Map.of("scope", scope, "returnTo", returnTo, "via", emailId));
    HttpResponse<String> verified =
        browser.post(
            "/hosted/demo/step-up/otp/verify",
            Map.of("scope", scope, "returnTo", returnTo, "code", mailedCode(email)));
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(303);
    String back = PromptPageBrowser.location(browser.get(PromptPageBrowser.location(verified)));
    assertThat(back).startsWith(RETURN + "?code=");
    String code = PromptPageBrowser.parameter(back, "code");

    PromptResult result = client.exchangeResultCode(code);
    assertThat(result.succeeded()).isTrue();
    assertThat(result.promptId()).isEqualTo(prompt.promptId());
    PromptResult.Token token = result.tokens().get(0);
    assertThat(token.scopes()).containsExactly("wallet:export");
    assertThat(token.toString()).doesNotContain(token.elevatedAccessToken());

    Introspection consumed = client.consume(token.elevatedAccessToken(), "wallet:export");
    assertThat(consumed.active()).isTrue();
    assertThat(consumed.userId()).contains(user.id());
    assertThat(consumed.sessionId()).contains(session.sessionId());

    assertThatThrownBy(() -> client.exchangeResultCode(code))
        .isInstanceOfSatisfying(
            StepUpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("invalid_result_code");
            });
  }

  @Test
  void aReturnAddressOffTheAllowListIsRefusedWithItsCode() {
    StepUpClient client =
        StepUpClient.builder()
            .baseUrl("http://localhost:" + port)
            .environment("demo")
            .apiKey(API_KEY)
            .build();
    User user =
        client.createUser(
            NewUser.withEmail(
                "q" + UUID.randomUUID().toString().substring(0, 12) + "@example.test"));
    Session session = client.createSession(user.id(), null);
    assertThatThrownBy(
            () ->
                client.createPrompt(
                    PromptRequest.redirect(
                        user.id(), session.sessionId(), "https://evil.example/x", "wallet:export")))
        .isInstanceOfSatisfying(
            StepUpException.class, e -> assertThat(e.code()).isEqualTo("redirect_uri_not_allowed"));
  }
}
