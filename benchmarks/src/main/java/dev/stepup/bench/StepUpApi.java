package dev.stepup.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The few REST calls the harness makes to prepare a run: a user, their session. */
final class StepUpApi {

  /** A signed-in user with a server-held wallet whose export spends a single-use token. */
  record Subject(String userId, String walletId, String sessionId, String sessionToken) {

    /** The body of {@code POST /elevated-tokens} that issues this user a wallet-export token. */
    String issueBody() {
      return "{\"userId\":\""
          + userId
          + "\",\"sessionId\":\""
          + sessionId
          + "\",\"scopes\":[\"wallet:export\"]}";
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final String apiKey;

  StepUpApi(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  Subject signedInUser(String email) throws IOException, InterruptedException {
    JsonNode user =
        post("/users", "{\"email\":\"" + email + "\",\"embeddedWallet\":true}", apiKey, 201);
    String emailId = null;
    String walletId = null;
    for (JsonNode credential : user.get("credentials")) {
      String format = credential.get("format").asString();
      if (format.equals("email")) {
        emailId = credential.get("id").asString();
      } else {
        walletId = credential.get("id").asString();
      }
    }
    String userId = user.get("id").asString();
    JsonNode session =
        post(
            "/users/" + userId + "/sessions",
            "{\"signInCredentialId\":\"" + emailId + "\"}",
            apiKey,
            201);
    return new Subject(
        userId,
        walletId,
        session.get("sessionId").asString(),
        session.get("sessionToken").asString());
  }

  private JsonNode post(String path, String body, String bearer, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != expected) {
      throw new IllegalStateException(
          "POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
    }
    return json.readTree(answer.body());
  }
}
