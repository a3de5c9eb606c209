package dev.stepup.server.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the REST API, as a host backend or an end user's client calls it. */
public final class ApiClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** One answer: status, headers, and the body parsed as JSON when there is one. */
  public record Answer(int status, HttpResponse<String> raw) {

    public JsonNode json() {
      return raw.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(raw.body());
    }

    public String text(String field) {
      JsonNode node = json().get(field);
      return node == null || node.isNull() ? null : node.asString();
    }

    public String code() {
      return text("code");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }
  }

  public Answer get(String path, String bearer) {
    return send(builder(path, bearer, Map.of()).GET());
  }

  /** A CORS preflight, or any OPTIONS request, with these headers and no credential. */
  public Answer options(String path, Map<String, String> headers) {
    return send(
        builder(path, null, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }

  public Answer delete(String path, String bearer, Map<String, String> headers) {
    return send(builder(path, bearer, headers).DELETE());
  }

  public Answer post(String path, String bearer, Object body) {
    return post(path, bearer, body, Map.of());
  }

  public Answer post(String path, String bearer, Object body, Map<String, String> headers) {
    String json = body instanceof String s ? s : JSON.writeValueAsString(body);
    return postRaw(path, bearer, json, headers);
  }

  public Answer postRaw(String path, String bearer, String body, Map<String, String> headers) {
    return send(
        builder(path, bearer, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Sends the body without a length (chunked), as a streaming client would. */
  public Answer postChunked(String path, String bearer, String body) {
    return send(
        builder(path, bearer, Map.of())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () ->
                        new java.io.ByteArrayInputStream(
                            body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
  }

  private HttpRequest.Builder builder(String path, String bearer, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", "stepup-it");
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
