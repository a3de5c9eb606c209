package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.port.in.admin.AddAdminUseCase;
import dev.stepup.application.port.in.environment.CreateApiKeyUseCase;
import dev.stepup.application.port.in.environment.CreateEnvironmentUseCase;
import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.client.Webhooks;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.server.ConsoleHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: a JDK HTTP server plays the host's endpoint and checks every delivery
 * independently (the HMAC recomputed here from the documented formula). Retries are shortened so a
 * dead letter takes a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhooksIT {

  private static final String API_KEY = "sk_demo_" + "w".repeat(40);
  private static final String ENV = "/api/v1/environments/demo";
  private static final RequestOrigin ORIGIN = new RequestOrigin("127.0.0.1", "test");
  private static final Receiver HOST = new Receiver();

  @LocalServerPort int port;
  @Autowired ConfigureWebhookUseCase webhooks;
  @Autowired CreateEnvironmentUseCase environments;
  @Autowired CreateApiKeyUseCase apiKeys;
  @Autowired AddAdminUseCase admins;
  @Autowired JdbcClient jdbc;
  ApiClient api;

  @DynamicPropertySource
  static void server(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("stepup-webhooks-it").toString();
    registry.add("stepup.data-dir", () -> dataDir);
    registry.add("stepup.bootstrap.demo-api-key", () -> API_KEY);
    registry.add("stepup.bootstrap.admin-password", () -> "correct horse battery staple");
    registry.add("stepup.delivery.max-attempts", () -> "3");
    registry.add("stepup.delivery.first-retry-delay", () -> "100ms");
    registry.add("stepup.delivery.max-retry-delay", () -> "200ms");
    registry.add("stepup.delivery.poll-interval", () -> "100ms");
    registry.add("stepup.webhooks.read-timeout", () -> "2s");
  }

  @AfterAll
  static void stop() {
    HOST.server.stop(0);
  }

  @BeforeEach
  void reset() {
    api = new ApiClient(port);
    HOST.answers.clear();
  }

  @Test
  void eachEventArrivesOnceSignedAsDocumentedAndWithoutTheToken() throws Exception {
    String secret =
        configure("demo", "/hook", Set.of("token.issued", "token.consumed", "token.revoked"));
    String user = newUser(ENV, API_KEY);
    String spent = issue(ENV, API_KEY, user);
    assertThat(
            api.post(
                    ENV + "/elevated-tokens/introspect",
                    API_KEY,
                    Map.of("token", spent, "scope", "wallet:export", "consume", true))
                .text("active"))
        .isEqualTo("true");
    String revoked = issue(ENV, API_KEY, user);
    assertThat(
            api.post(ENV + "/elevated-tokens/revoke", API_KEY, Map.of("token", revoked)).status())
        .isEqualTo(200);

    List<Delivery> got = HOST.await(d -> d.body().contains(user), 4);
    assertThat(got)
        .extracting(d -> d.json().get("type").asString())
        .containsExactlyInAnyOrder(
            "token.issued", "token.issued", "token.consumed", "token.revoked");
    assertThat(got).extracting(Delivery::eventId).doesNotHaveDuplicates();
    for (Delivery d : got) {
      assertThat(d.path()).isEqualTo("/hook");
      assertThat(d.contentType()).startsWith("application/json");
      assertThat(d.json().get("id").asString()).isEqualTo(d.eventId()).startsWith("evt_");
      assertThat(d.json().get("environment").asString()).isEqualTo("demo");
      assertThat(d.json().get("user_id").asString()).isEqualTo(user);
      assertThat(d.json().get("scopes").get(0).asString()).isEqualTo("wallet:export");
      assertThat(Instant.parse(d.json().get("occurred_at").asString())).isNotNull();
      assertThat(d.body()).doesNotContain(spent).doesNotContain(revoked).doesNotContain(secret);
      // The signature, recomputed from the documented formula.
      Map<String, String> sig = parts(d.signature());
      assertThat(sig.get("t")).isEqualTo(d.timestamp());
      assertThat(sig.get("v1")).isEqualTo(hmac(secret, sig.get("t") + "." + d.body()));
      long t = Long.parseLong(sig.get("t"));
      assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(60);
      // The Java client agrees, and refuses a replay outside the tolerance or a changed body.
      assertThat(Webhooks.verify(secret, d.signature(), d.body(), Duration.ofMinutes(5))).isTrue();
      Instant later = Instant.ofEpochSecond(t).plus(Duration.ofMinutes(6));
      assertThat(Webhooks.verify(secret, d.signature(), d.body(), Duration.ofMinutes(5), later))
          .isFalse();
      assertThat(Webhooks.verify(secret, d.signature(), d.body() + " ", Duration.ofMinutes(5)))
          .isFalse();
      assertThat(Webhooks.verify(secret + "x", d.signature(), d.body(), Duration.ofMinutes(5)))
          .isFalse();
      // A replay with a fresh timestamp but the old v1 does not verify: t is signed.
      String moved = "t=" + (t + 1) + ",v1=" + sig.get("v1");
      assertThat(Webhooks.verify(secret, moved, d.body(), Duration.ofMinutes(5))).isFalse();
    }
    // Settled: nothing more arrives (each event once).
    Thread.sleep(500);
    assertThat(HOST.received.stream().filter(d -> d.body().contains(user))).hasSize(4);
  }

  @Test
  void aRefusedDeliveryIsRetriedWithTheSameEventIdUntilItIsTaken() {
    configure("demo", "/hook", Set.of("token.issued"));
    HOST.answers.add(500);
    String user = newUser(ENV, API_KEY);
    issue(ENV, API_KEY, user);

    List<Delivery> got = HOST.await(d -> d.body().contains(user), 2);
    assertThat(got.get(0).eventId()).isEqualTo(got.get(1).eventId());
    JsonNode delivery = deliveryOf(got.get(0).eventId(), "sent");
    assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
    assertThat(delivery.get("type").asString()).isEqualTo("token.issued");
  }

  @Test
  void anEndpointThatKeepsFailingGetsADeadLetterAfterTheLastAttempt() throws Exception {
    configure("demo", "/hook", Set.of("token.issued"));
    HOST.answers.addAll(List.of(500, 503, 500));
    String user = newUser(ENV, API_KEY);
    issue(ENV, API_KEY, user);

    List<Delivery> got = HOST.await(d -> d.body().contains(user), 3);
    JsonNode dead = deliveryOf(got.get(0).eventId(), "dead");
    assertThat(dead.get("attempts").asInt()).isEqualTo(3);
    assertThat(dead.get("lastError").asString()).contains("HTTP 500");
    Thread.sleep(500);
    assertThat(HOST.received.stream().filter(d -> d.body().contains(user))).hasSize(3);
  }

  @Test
  void aRedirectIsNotFollowed() {
    configure("demo", "/redirect", Set.of("token.issued"));
    String user = newUser(ENV, API_KEY);
    issue(ENV, API_KEY, user);

    List<Delivery> got = HOST.await(d -> d.body().contains(user), 1);
    assertThat(got.get(0).path()).isEqualTo("/redirect");
    JsonNode retrying = deliveryOf(got.get(0).eventId(), "retrying", "dead");
    assertThat(retrying.get("lastError").asString()).contains("HTTP 302");
    assertThat(HOST.received.stream().filter(d -> d.path().equals("/hook")))
        .noneMatch(d -> d.body().contains(user));
  }

  @Test
  void anEnvironmentsEventsNeverGoToAnotherEnvironmentsEndpoint() {
    EnvironmentId other = new EnvironmentId("webhooks-other");
    environments.create(new CreateEnvironmentUseCase.Command(other, "Other", "test", ORIGIN));
    String otherKey =
        apiKeys
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    other, "host", ApiPermission.ALL, Optional.empty(), "test", ORIGIN))
            .secret();
    String otherEnv = "/api/v1/environments/" + other.value();
    configure(other.value(), "/other", Set.of("token.issued"));
    configure("demo", "/hook", Set.of("token.issued"));

    String demoUser = newUser(ENV, API_KEY);
    issue(ENV, API_KEY, demoUser);
    String otherUser = newUser(otherEnv, otherKey);
    issue(otherEnv, otherKey, otherUser);

    assertThat(HOST.await(d -> d.body().contains(otherUser), 1).get(0).path()).isEqualTo("/other");
    assertThat(HOST.await(d -> d.body().contains(demoUser), 1).get(0).path()).isEqualTo("/hook");
    assertThat(HOST.received)
        .filteredOn(d -> d.path().equals("/other"))
        .allSatisfy(
            d -> assertThat(d.json().get("environment").asString()).isEqualTo(other.value()));
    assertThat(HOST.received)
        .filteredOn(d -> d.path().equals("/hook"))
        .allSatisfy(d -> assertThat(d.json().get("environment").asString()).isEqualTo("demo"));
  }

  @Test
  void plainHttpAndMetadataEndpointsAreRefused() {
    assertThatThrownBy(() -> configureUrl("demo", "http://hooks.example.com/in"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("https");
    assertThatThrownBy(() -> configureUrl("demo", "https://169.254.169.254/latest/meta-data"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link-local");
    assertThatThrownBy(() -> configureUrl("demo", "https://[fd00:ec2::254]/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("link-local");
  }

  @Test
  void theDeliveriesNeedTheWebhooksReadPermission() {
    String introspectOnly =
        apiKeys
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    new EnvironmentId("demo"),
                    "no webhooks",
                    Set.of(ApiPermission.TOKENS_INTROSPECT),
                    Optional.empty(),
                    "test",
                    ORIGIN))
            .secret();
    ApiClient.Answer refused = api.get(ENV + "/webhooks/deliveries", introspectOnly);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("insufficient_permission");
    assertThat(api.get(ENV + "/webhooks/deliveries", API_KEY).status()).isEqualTo(200);
  }

  @Test
  void anAdminRemovesTheWebhookAfterAConfirmStepAndItsWaitingDeliveriesAreDropped()
      throws Exception {
    EnvironmentId env = new EnvironmentId("webhooks-removal");
    environments.create(new CreateEnvironmentUseCase.Command(env, "Removal", "test", ORIGIN));
    String key =
        apiKeys
            .createApiKey(
                new CreateApiKeyUseCase.Command(
                    env, "host", ApiPermission.ALL, Optional.empty(), "test", ORIGIN))
            .secret();
    String envPath = "/api/v1/environments/" + env.value();
    configure(env.value(), "/hook", Set.of("token.issued"));
    // A delivery waiting for its next attempt, an hour away.
    jdbc.sql(
            "INSERT INTO deliveries (environment_id, channel, recipient, status, attempts,"
                + " created_at, next_attempt_at, event_id, event_type, last_error)"
                + " VALUES (?, 'webhook', ?, 'queued', 1, ?, ?, 'evt_waiting', 'token.issued',"
                + " 'the endpoint answered HTTP 500')")
        .params(
            env.value(),
            HOST.url("/hook"),
            java.sql.Timestamp.from(Instant.now()),
            java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
        .update();
    String admin = "hooks-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    admins.add(
        new AddAdminUseCase.AddAdminCommand(
            "admin", admin, Optional.of("webhook removal password"), ORIGIN));
    ConsoleHttp console = new ConsoleHttp("http://localhost:" + port);
    console.password(admin, "webhook removal password");
    console.enrol(Instant.now());
    String page = "/admin/environments/" + env.value() + "/webhook";

    assertThat(console.get(page).body()).contains("id=\"webhook-remove-link\"");
    var confirm = console.get(page + "/remove");
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains(HOST.url("/hook"))
        .contains("id=\"webhook-remove-waiting\">1<");
    assertThat(webhookRows(env)).isEqualTo(1); // the confirm step changed nothing

    var removed = console.post(page + "/remove", page + "/remove", Map.of());

    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(removed.body())
        .contains("id=\"webhook-removed\"")
        .doesNotContain("webhook-remove-link");
    assertThat(webhookRows(env)).isZero();
    assertThat(
            jdbc.sql("SELECT status, last_error FROM deliveries WHERE event_id = 'evt_waiting'")
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
                .single())
        .isEqualTo("dead|the webhook was removed");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_trail WHERE environment_id = ?"
                        + " AND type = 'settings_changed' AND actor = ?"
                        + " AND reason LIKE 'webhook removed %'")
                .params(env.value(), admin)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    // Events after the removal are not queued; a webhook set up again starts afresh.
    String user = newUser(envPath, key);
    issue(envPath, key, user);
    configure(env.value(), "/other", Set.of("token.issued"));
    Thread.sleep(500);
    assertThat(HOST.received).noneMatch(d -> d.body().contains(user));
    assertThat(HOST.received).noneMatch(d -> "evt_waiting".equals(d.eventId()));
  }

  private long webhookRows(EnvironmentId env) {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_settings WHERE environment_id = ?")
        .param(env.value())
        .query(Long.class)
        .single();
  }

  // --- helpers -------------------------------------------------------------------------------

  private String configure(String env, String path, Set<String> events) {
    ConfigureWebhookUseCase.Result result =
        webhooks.configure(
            new ConfigureWebhookUseCase.Command(
                new EnvironmentId(env), HOST.url(path), events, "test", ORIGIN));
    result.newSecret().ifPresent(secret -> SECRETS.put(env, secret));
    return SECRETS.get(env);
  }

  /** The secret of each environment, as it was shown once. */
  private static final Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

  private void configureUrl(String env, String url) {
    webhooks.configure(
        new ConfigureWebhookUseCase.Command(
            new EnvironmentId(env), url, Set.of("token.issued"), "test", ORIGIN));
  }

  private String newUser(String env, String key) {
    ApiClient.Answer created =
        api.post(env + "/users", key, Map.of("email", "w" + System.nanoTime() + "@example.test"));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.text("id");
  }

  private String issue(String env, String key, String user) {
    ApiClient.Answer issued =
        api.post(
            env + "/elevated-tokens",
            key,
            Map.of("userId", user, "scopes", List.of("wallet:export")));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.text("elevatedAccessToken");
  }

  /** The delivery of the event as the API lists it, once it reached one of the states. */
  private JsonNode deliveryOf(String eventId, String... states) {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      ApiClient.Answer listed = api.get(ENV + "/webhooks/deliveries?limit=200", API_KEY);
      assertThat(listed.status()).as(listed.raw().body()).isEqualTo(200);
      for (JsonNode d : listed.json().get("deliveries")) {
        if (d.get("eventId").asString().equals(eventId)) {
          last = d;
          if (List.of(states).contains(d.get("status").asString())) {
            assertThat(d.toString()).doesNotContain("\"body\"");
            return d;
          }
        }
      }
      pause();
    }
    throw new AssertionError(
        "delivery " + eventId + " never reached " + List.of(states) + ": " + last);
  }

  private static Map<String, String> parts(String header) {
    Map<String, String> parts = new java.util.HashMap<>();
    for (String p : header.split(",")) {
      String[] kv = p.split("=", 2);
      parts.put(kv[0], kv[1]);
    }
    return parts;
  }

  private static String hmac(String secret, String signed) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  record Delivery(
      String path,
      String contentType,
      String eventId,
      String timestamp,
      String signature,
      String body,
      int answered) {
    JsonNode json() {
      return ApiClient.JSON.readTree(body);
    }
  }

  /** The host's endpoint: records every request, answers the queued statuses, then 200. */
  static final class Receiver {
    final List<Delivery> received = new CopyOnWriteArrayList<>();
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    final HttpServer server;

    Receiver() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/hook", this::answer);
      server.createContext("/other", this::answer);
      server.createContext("/redirect", this::redirect);
      server.start();
    }

    String url(String path) {
      return "http://localhost:" + server.getAddress().getPort() + path;
    }

    private void answer(HttpExchange exchange) throws IOException {
      Integer queued = answers.poll();
      int status = queued == null ? 200 : queued;
      record(exchange, status);
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    }

    private void redirect(HttpExchange exchange) throws IOException {
      record(exchange, 302);
      exchange.getResponseHeaders().add("Location", url("/hook"));
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    }

    private void record(HttpExchange exchange, int status) throws IOException {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      var h = exchange.getRequestHeaders();
      received.add(
          new Delivery(
              exchange.getRequestURI().getPath(),
              h.getFirst("Content-Type"),
              h.getFirst("Stepup-Event-Id"),
              h.getFirst("Stepup-Timestamp"),
              h.getFirst("Stepup-Signature"),
              body,
              status));
    }

    /** Waits (10 s at most) for {@code count} matching requests, in arrival order. */
    List<Delivery> await(Predicate<Delivery> matching, int count) {
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        List<Delivery> got = received.stream().filter(matching).toList();
        if (got.size() >= count) {
          return got;
        }
        pause();
      }
      throw new AssertionError(
          "expected " + count + " deliveries, got " + received.stream().filter(matching).toList());
    }
  }
}
