package dev.stepup.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.ConsoleHttp;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser behind a load balancer without sticky sessions: one cookie jar (the nodes share a host
 * name; cookies do not depend on the port), and every request goes to the next node in turn.
 */
final class TwoNodeBrowser {

  final CookieManager cookies = new CookieManager();
  private final String[] bases;
  private final HttpClient http;
  private int next;

  TwoNodeBrowser(int... ports) {
    bases = new String[ports.length];
    for (int i = 0; i < ports.length; i++) {
      bases[i] = "http://localhost:" + ports[i];
    }
    http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The node the next request goes to (0 or 1). */
  int nextNode() {
    return next % bases.length;
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  /** Posts a form as the page {@code from} would: the page from one node, the post to the next. */
  HttpResponse<String> post(String from, String action, Map<String, String> form) throws Exception {
    HttpResponse<String> page = get(from);
    assertThat(page.statusCode()).as(from + ": " + page.body()).isEqualTo(200);
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", ConsoleHttp.csrf(page.body()));
    return send(
        HttpRequest.newBuilder(URI.create(base() + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
  }

  private String base() {
    return bases[next++ % bases.length];
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
