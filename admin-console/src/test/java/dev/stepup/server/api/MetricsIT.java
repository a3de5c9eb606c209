package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a platform's scraper sees at {@code /actuator/prometheus}: the step-up counters move by
 * exactly what happened, with bounded tags and no user ids; nobody without the scrape token reads
 * them.
 */
class MetricsIT extends ApiTestServer {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void stepUpCountersMoveByExactlyWhatHappened() {
    awaitDeliveries();
    Scrape before = scrape();
    int mailsBefore = SMTP.getReceivedMessages().length;

    TestUser user = newUser();
    ApiClient.Answer started =
        api.post(
            ENV + "/users/" + user.id() + "/sessions",
            API_KEY,
            Map.of("signInCredentialId", user.credential("email")));
    String session = started.text("sessionToken");
    String sessionId = started.text("sessionId");

    ApiClient.Answer required =
        api.post(ENV + "/step-up/check", session, Map.of("scope", "credential:link"));
    assertThat(required.json().get("isRequired").asBoolean()).isTrue();

    assertThat(api.post(ENV + "/step-up/otp/send", session, Map.of()).status()).isEqualTo(200);
    String code = mailedCode(user.email());
    ApiClient.Answer wrong =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of(
                "verificationToken", other(code), "requestedScopes", List.of("credential:link")));
    assertThat(wrong.status()).isEqualTo(400);
    ApiClient.Answer verified =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", code, "requestedScopes", List.of("credential:link")));
    assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
    String token = verified.text("elevatedAccessToken");

    ApiClient.Answer notRequired =
        api.post(
            ENV + "/step-up/check",
            session,
            Map.of("scope", "credential:link"),
            Map.of("X-Elevated-Access-Token", token));
    assertThat(notRequired.json().get("isRequired").asBoolean()).isFalse();

    Map<String, Object> consume =
        Map.of("token", token, "scope", "credential:link", "consume", true);
    ApiClient.Answer consumed = api.post(ENV + "/elevated-tokens/introspect", API_KEY, consume);
    assertThat(consumed.json().get("active").asBoolean()).isTrue();
    ApiClient.Answer spent = api.post(ENV + "/elevated-tokens/introspect", API_KEY, consume);
    assertThat(spent.raw().body()).isEqualTo("{\"active\":false}");

    Map<String, Object> issue = new HashMap<>();
    issue.put("userId", user.id());
    issue.put("sessionId", sessionId);
    issue.put("scopes", List.of("wallet:refresh"));
    ApiClient.Answer backendIssued = api.post(ENV + "/elevated-tokens", API_KEY, issue);
    assertThat(backendIssued.status()).as(backendIssued.raw().body()).isEqualTo(201);
    assertThat(
            api.post(
                    ENV + "/elevated-tokens/revoke",
                    API_KEY,
                    Map.of("token", backendIssued.text("elevatedAccessToken")))
                .status())
        .isEqualTo(200);

    awaitDeliveries();
    int mailsSent = SMTP.getReceivedMessages().length - mailsBefore;
    Scrape after = scrape();

    Map<String, String> demo = Map.of("environment", "demo");
    assertThat(after.delta(before, "stepup_checks_total", with(demo, "outcome", "required")))
        .isEqualTo(1);
    assertThat(after.delta(before, "stepup_checks_total", with(demo, "outcome", "not_required")))
        .isEqualTo(1);
    Map<String, String> email = with(demo, "method", "email_otp");
    assertThat(after.delta(before, "stepup_codes_sent_total", with(email, "outcome", "success")))
        .isEqualTo(1);
    assertThat(after.delta(before, "stepup_verifications_total", with(email, "outcome", "failure")))
        .isEqualTo(1);
    assertThat(after.delta(before, "stepup_verifications_total", with(email, "outcome", "success")))
        .isEqualTo(1);
    assertThat(after.delta(before, "stepup_tokens_issued_total", email)).isEqualTo(1);
    assertThat(after.delta(before, "stepup_tokens_issued_total", demo)).isEqualTo(2);
    assertThat(after.delta(before, "stepup_tokens_consumed_total", demo)).isEqualTo(1);
    assertThat(after.delta(before, "stepup_tokens_refused_total", with(demo, "reason", "consumed")))
        .isEqualTo(1);
    assertThat(after.delta(before, "stepup_tokens_revoked_total", demo)).isEqualTo(1);

    // Every mail handed to the SMTP server was counted as sent; the queue is drained.
    assertThat(mailsSent).isGreaterThanOrEqualTo(1);
    Map<String, String> mail = Map.of("channel", "email");
    assertThat(after.delta(before, "stepup_delivery_attempts_total", with(mail, "outcome", "sent")))
        .isEqualTo(mailsSent);
    assertThat(after.value("stepup_delivery_waiting", mail)).isZero();
    assertThat(after.value("stepup_delivery_dead_letters_recent", Map.of("channel", "sms")))
        .isNotNull();
    assertThat(after.value("stepup_delivery_oldest_waiting_seconds", mail)).isNotNull();

    // Request latencies, by route template (never a user id).
    assertThat(
            after.delta(
                before,
                "http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/environments/{environmentId}/step-up/check")))
        .isEqualTo(2);
    assertThat(after.text).doesNotContain(user.id()).doesNotContain(user.email());
  }

  @Test
  void aScrapeWithoutTheTokenIsRefusedAndLeavesNoSession() throws Exception {
    for (String authorization : new String[] {null, "Bearer wrong-" + "m".repeat(40)}) {
      HttpResponse<String> refused = get(authorization);
      assertThat(refused.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(refused.body()).doesNotContain("stepup_");
      assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    }
    HttpResponse<String> scraped = get("Bearer " + SCRAPE_TOKEN);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().allValues("Set-Cookie")).isEmpty();
  }

  private Scrape scrape() {
    HttpResponse<String> answer;
    try {
      answer = get("Bearer " + SCRAPE_TOKEN);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new Scrape(answer.body());
  }

  private HttpResponse<String> get(String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> with(Map<String, String> tags, String key, String value) {
    Map<String, String> all = new HashMap<>(tags);
    all.put(key, value);
    return all;
  }

  /** One scrape in Prometheus text format. */
  private record Scrape(String text) {

    /** The sum of the samples of {@code name} whose labels include {@code tags}; null if none. */
    Double value(String name, Map<String, String> tags) {
      Double sum = null;
      for (String line : text.split("\n")) {
        Matcher sample = SAMPLE.matcher(line.strip());
        if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
          continue;
        }
        Map<String, String> labels = new HashMap<>();
        Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
        if (labels.entrySet().containsAll(tags.entrySet())) {
          sum = (sum == null ? 0 : sum) + Double.parseDouble(sample.group(3));
        }
      }
      return sum;
    }

    long delta(Scrape before, String name, Map<String, String> tags) {
      Double now = value(name, tags);
      Double then = before.value(name, tags);
      return Math.round((now == null ? 0 : now) - (then == null ? 0 : then));
    }
  }
}
