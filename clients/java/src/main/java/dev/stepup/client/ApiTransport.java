package dev.stepup.client;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** JSON over the JDK's HttpClient; every non-2xx answer becomes a {@link StepUpException}. */
final class ApiTransport {

  private final HttpClient http;
  private final URI baseUrl;
  private final String apiKey;
  private final Duration timeout;

  /** The header naming the API version this client is written for, sent on every request. */
  static final String API_VERSION_HEADER = "Stepup-Api-Version";

  static final String API_VERSION = "2026_04_01";

  ApiTransport(HttpClient http, URI baseUrl, String apiKey, Duration timeout) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  /** Sends an API-key request and answers its JSON object (empty for 204). */
  Map<String, Object> call(String method, String path, Map<String, ?> body) {
    if (apiKey == null) {
      throw new IllegalStateException("this call needs the client to be built with an apiKey");
    }
    return send(method, path, body, true);
  }

  /**
   * Sends a request that carries its own proof (a provider's JWT, a signed assertion) and no API
   * key.
   */
  Map<String, Object> callWithoutKey(String method, String path, Map<String, ?> body) {
    return send(method, path, body, false);
  }

  private Map<String, Object> send(
      String method, String path, Map<String, ?> body, boolean withKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUrl.resolve(relative(path)))
            .timeout(timeout)
            .header(API_VERSION_HEADER, API_VERSION)
            .header("Accept", "application/json, application/problem+json");
    if (withKey) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(
              method,
              HttpRequest.BodyPublishers.ofString(
                  JSONObjectUtils.toJSONString(Map.copyOf(body)), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() / 100 != 2) {
      throw problem(response);
    }
    String text = response.body();
    return text == null || text.isBlank() ? Map.of() : parse(text, response.statusCode());
  }

  /** An API-key GET answering the body as text ({@code accept}: what the caller reads). */
  String getText(String path, String accept) {
    return get(path, accept + ", application/problem+json", true);
  }

  /** A public GET (the JWKS), answering the body as text. */
  String getPublic(String path) {
    return get(path, "application/jwk-set+json, application/json", false);
  }

  private String get(String path, String accept, boolean withKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUrl.resolve(relative(path)))
            .timeout(timeout)
            .header("Accept", accept)
            .header(API_VERSION_HEADER, API_VERSION)
            .GET();
    if (withKey) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() != 200) {
      throw problem(response);
    }
    return response.body();
  }

  /** Paths resolve under the base URL, which may itself have a path. */
  private static String relative(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new StepUpException(0, "unreachable", "the step-up server could not be reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepUpException(0, "interrupted", "interrupted while calling the step-up server");
    }
  }

  private static StepUpException problem(HttpResponse<String> response) {
    int status = response.statusCode();
    Map<String, Object> body;
    try {
      body = JSONObjectUtils.parse(response.body() == null ? "" : response.body());
    } catch (ParseException e) {
      body = Map.of();
    }
    String code = body.get("code") instanceof String c ? c : "http_" + status;
    String detail = body.get("detail") instanceof String d ? d : "HTTP " + status;
    String scope = body.get("scope") instanceof String s ? s : null;
    Duration retryAfter =
        response
            .headers()
            .firstValue("Retry-After")
            .flatMap(ApiTransport::seconds)
            .map(Duration::ofSeconds)
            .orElse(null);
    return new StepUpException(status, code, detail, scope, retryAfter);
  }

  private static Optional<Long> seconds(String value) {
    try {
      return Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> parse(String text, int status) {
    try {
      return JSONObjectUtils.parse(text);
    } catch (ParseException e) {
      throw new StepUpException(status, "unreadable_answer", "the server's answer is not JSON");
    }
  }
}
