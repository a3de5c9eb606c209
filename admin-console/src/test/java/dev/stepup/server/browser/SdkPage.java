package dev.stepup.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * A page of the step-up server in Chromium with the browser SDK imported as a host would, and the
 * calls the SDK tests make there: async scripts answering {@code {ok}} or {@code {error}}, the
 * requests the SDK sent (with the tokens they carried), an injected wallet's pending requests.
 */
final class SdkPage {

  /**
   * Imports the module and makes the host's client; every request the SDK sends is recorded with
   * the elevated token it carried. The fetch wrapper steps up through {@code window.stepUpBy}.
   */
  static final String LOAD =
      """
      const m = await import('/sdk/v1/stepup.js');
      window.sdk = m;
      window.sent = [];
      window.stepUpsAsked = [];
      const recording = (input, init) => {
        const request = new Request(input, init);
        window.sent.push({ url: request.url, method: request.method,
                           token: request.headers.get('X-Elevated-Access-Token'),
                           authorization: request.headers.get('Authorization'),
                           apiVersion: request.headers.get('Stepup-Api-Version') });
        return fetch(request);
      };
      window.stepUp = m.createStepUp({
        environment: 'demo',
        sessionToken: args[0],
        fetch: recording,
        onStepUpRequired: async ({ scope }) => {
          window.stepUpsAsked.push(scope);
          if (window.stepUpBy) { await window.stepUpBy(scope); }
        },
      });
      return Object.keys(window.stepUp).filter((k) => typeof window.stepUp[k] === 'function');
      """;

  /** Runs an async function body in the page: answers {ok: value} or {error: {...}}. */
  static String run(String body) {
    return "const done = arguments[arguments.length - 1];"
        + " const args = Array.from(arguments).slice(0, -1);"
        + " (async () => {\n"
        + body
        + "\n})().then((v) => done({ ok: v === undefined ? null : v }),"
        + " (e) => done({ error: { code: e && e.code, name: e && e.name,"
        + " message: String(e && e.message), reason: e && e.reason } }));";
  }

  /** A wallet in the page whose signatures the test makes, as a browser extension would. */
  static final String INJECTED_WALLET =
      """
      window.signRequests = [];
      window.ethereum = {
        request: ({ method, params }) => {
          if (method === 'eth_requestAccounts') { return Promise.resolve([window.account]); }
          if (method === 'personal_sign') {
            return new Promise((resolve, reject) =>
                window.signRequests.push({ params, resolve, reject }));
          }
          return Promise.reject(new Error('unsupported ' + method));
        }
      };
      """;

  private final ChromeDriver browser;
  private final WebDriverWait wait;
  private final String server;

  SdkPage(ChromeDriver browser, WebDriverWait wait, int port) {
    this.browser = browser;
    this.wait = wait;
    this.server = "http://localhost:" + port;
  }

  /** Opens a page of the server and makes the SDK client there; answers its call names. */
  Object load(String sessionToken) {
    browser.get(server + "/hosted/demo/sign-in");
    return run(LOAD, sessionToken).get("ok");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> run(String script, Object... args) {
    return (Map<String, Object>) browser.executeAsyncScript(run(script), args);
  }

  Object ok(String script, Object... args) {
    Map<String, Object> answer = run(script, args);
    assertThat(answer).as(script).containsKey("ok");
    return answer.get("ok");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> okMap(String script, Object... args) {
    return (Map<String, Object>) ok(script, args);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> error(String script, Object... args) {
    Map<String, Object> answer = run(script, args);
    assertThat(answer).as(script).containsKey("error");
    return (Map<String, Object>) answer.get("error");
  }

  static String fetchScript(String path, String scope) {
    return "const r = await stepUp.fetch('"
        + path
        + "', { method: 'POST', scope: '"
        + scope
        + "' }); return { status: r.status, body: await r.json() };";
  }

  int sentCount() {
    return ((Number) ok("return window.sent.length")).intValue();
  }

  Map<String, Object> lastSent() {
    return okMap("return window.sent[window.sent.length - 1]");
  }

  /** The id of the user's wallet of this type ({@code embedded}, {@code external}). */
  static String wallet(JsonNode user, String type) {
    for (JsonNode c : user.get("credentials")) {
      if (c.get("format").asString().equals("blockchain")
          && c.has("type")
          && c.get("type").asString().equals(type)) {
        return c.get("id").asString();
      }
    }
    throw new AssertionError("no " + type + " wallet in " + user);
  }

  /** Waits for the SDK to ask the wallet to sign; answers the message it asked for. */
  String pendingSignature(String address) {
    wait.until(
        d -> ((Number) browser.executeScript("return window.signRequests.length")).intValue() > 0);
    String hex = (String) browser.executeScript("return window.signRequests[0].params[0]");
    String signer = (String) browser.executeScript("return window.signRequests[0].params[1]");
    assertThat(signer).isEqualToIgnoringCase(address);
    return new String(Numeric.hexStringToByteArray(hex), StandardCharsets.UTF_8);
  }
}
