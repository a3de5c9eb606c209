package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.in.environment.AllowBrowserOriginsUseCase;
import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.application.port.in.externalauth.ManageExternalIdentityProviderUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.api.ApiTestServer;
import dev.stepup.server.api.ExternalProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The browser SDK's exchangeToken on a host page of another origin (one the environment lists): the
 * identity provider's JWT becomes a session the SDK client then steps up with; a forged JWT is the
 * server's problem code.
 */
class BrowserSdkTokenExchangeIT extends ApiTestServer {

  private static final ExternalProvider PROVIDER = new ExternalProvider();
  private static final EnvironmentId DEMO = new EnvironmentId("demo");

  @Autowired ManageExternalIdentityProviderUseCase providers;
  @Autowired AllowBrowserOriginsUseCase origins;
  @Autowired FindEnvironmentsUseCase environments;

  private HttpServer hostPage;
  private ChromeDriver browser;
  private List<String> originsBefore;

  @BeforeEach
  void hostPageOnItsOwnOrigin() throws IOException {
    PROVIDER.trust(providers);
    hostPage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hostPage.createContext(
        "/",
        exchange -> {
          byte[] html = "<!DOCTYPE html><title>host app</title>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, html.length);
          exchange.getResponseBody().write(html);
          exchange.close();
        });
    hostPage.start();
    String hostOrigin = "http://127.0.0.1:" + hostPage.getAddress().getPort();
    originsBefore = environments.find(DEMO).orElseThrow().browserOrigins().entries();
    origins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            DEMO, List.of(hostOrigin), "it", RequestOrigin.internal()));
    browser = Chromium.start();
    browser.get(hostOrigin + "/");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (hostPage != null) {
      hostPage.stop(0);
    }
    origins.allowBrowserOrigins(
        new AllowBrowserOriginsUseCase.Command(
            DEMO, originsBefore, "it", RequestOrigin.internal()));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(String body, Object... args) {
    return (Map<String, Object>) browser.executeAsyncScript(SdkPage.run(body), args);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theProvidersJwtBecomesASessionTheClientStepsUpWith() {
    String jwt = PROVIDER.token("ext-" + UUID.randomUUID(), Map.of());

    Map<String, Object> answer =
        run(
            """
            const m = await import(args[0] + '/sdk/v1/stepup.js');
            const session = await m.exchangeToken({ environment: 'demo', subjectToken: args[1] });
            const client = m.createStepUp({ environment: 'demo', sessionToken: session.sessionToken });
            const check = await client.checkStepUpAuth({ scope: 'wallet:export' });
            return { session, required: check.isRequired };
            """,
            "http://localhost:" + port,
            jwt);

    assertThat(answer).as(answer.toString()).containsKey("ok");
    Map<String, Object> ok = (Map<String, Object>) answer.get("ok");
    Map<String, Object> session = (Map<String, Object>) ok.get("session");
    assertThat(session.get("sessionToken")).asString().startsWith("st_");
    assertThat(session.get("userId")).asString().isNotBlank();
    assertThat(session.get("userCreated")).isEqualTo(true);
    assertThat(session.get("expiresAt")).asString().isNotBlank();
    assertThat(ok.get("required")).isEqualTo(true);
    assertThat(api.get(ENV + "/me", (String) session.get("sessionToken")).text("userId"))
        .isEqualTo(session.get("userId"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aForgedJwtRejectsWithTheServersProblemCode() {
    String forged = PROVIDER.token("ext-" + UUID.randomUUID(), Map.of()) + "x";

    Map<String, Object> answer =
        run(
            """
            const m = await import(args[0] + '/sdk/v1/stepup.js');
            return await m.exchangeToken({ environment: 'demo', subjectToken: args[1] });
            """,
            "http://localhost:" + port,
            forged);

    assertThat(answer).containsKey("error");
    assertThat((Map<String, Object>) answer.get("error"))
        .containsEntry("code", "invalid_subject_token")
        .containsEntry("name", "StepUpError");
  }
}
