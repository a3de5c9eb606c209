package dev.stepup.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser on the hosted pages through the load balancer: keeps its cookies, sends each form with
 * the CSRF token of the page it came from, never follows redirects, and notes which node answered
 * each request.
 */
final class ClusterBrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final List<String> servedBy = new ArrayList<>();
  private String csrf;

  ClusterBrowser(int port) {
    this.base = "http://localhost:" + port;
  }

  /** The nodes that answered, in the order of the requests. */
  List<String> servedBy() {
    return servedBy;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Submits a form of the last page that had one, with that page's CSRF token. */
  HttpResponse<String> post(String path, Map<String, String> form) {
    assertThat(csrf).as("a form's CSRF token on the last page read").isNotNull();
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", csrf);
    String body =
        fields.entrySet().stream()
            .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      servedBy.add(answer.headers().firstValue(RoundRobinProxy.SERVED_BY).orElse("?"));
      Matcher token = CSRF.matcher(answer.body());
      if (token.find()) {
        csrf = token.group(1);
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
