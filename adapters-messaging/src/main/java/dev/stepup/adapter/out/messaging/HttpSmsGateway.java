package dev.stepup.adapter.out.messaging;

import dev.stepup.application.port.out.delivery.DeliveryFailure.Kind;
import dev.stepup.application.port.out.delivery.SmsTransport;
import dev.stepup.domain.environment.EnvironmentId;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Texts through an SMS provider's HTTP API: a JSON POST {@code {"to", "text", "environment"}} to
 * the configured URL, with a bearer token or basic credentials. A gateway that cannot be reached,
 * or answers 429 or 503, has not taken the text and is tried again; no answer after the request was
 * sent means the text may have gone, so it is not repeated.
 */
public final class HttpSmsGateway implements SmsTransport {

  /** Where and how to reach the gateway; leave credentials null when it needs none. */
  public record Settings(URI url, String bearerToken, String username, String password) {
    public Settings {
      Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
      return "Settings[url=" + url + "]";
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Settings settings;
  private final HttpClient http;

  public HttpSmsGateway(Settings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public void send(EnvironmentId environmentId, String phoneNumber, String text) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("to", phoneNumber);
    body.put("text", text);
    body.put("environment", environmentId.value());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(settings.url())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (settings.bearerToken() != null && !settings.bearerToken().isBlank()) {
      request.header("Authorization", "Bearer " + settings.bearerToken());
    } else if (settings.username() != null && !settings.username().isBlank()) {
      String credentials = settings.username() + ":" + Objects.toString(settings.password(), "");
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<Void> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw new MessageDeliveryException(Kind.RETRY, "the SMS gateway could not be reached", e);
    } catch (IOException e) {
      throw new MessageDeliveryException(
          Kind.UNCONFIRMED, "the SMS gateway did not answer the request", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MessageDeliveryException(Kind.UNCONFIRMED, "interrupted while sending an SMS", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      Kind kind = status == 429 || status == 503 ? Kind.RETRY : Kind.PERMANENT;
      throw new MessageDeliveryException(kind, "the SMS gateway answered HTTP " + status, null);
    }
  }
}
