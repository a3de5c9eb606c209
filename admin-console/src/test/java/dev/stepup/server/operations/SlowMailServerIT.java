package dev.stepup.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.stepup.server.StepUpServerApplication;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A mail server that accepts connections and never answers must not hold the server hostage: while
 * 50 codes are being sent into it, checks, JWKS, token issue and health answer within a second;
 * once a real SMTP server takes its place on the same port, every queued code arrives exactly once.
 */
class SlowMailServerIT {

  private static final String KEY = "sk_demo_" + "t".repeat(40);
  private static final int SENDS = 50;
  private static final Duration QUICK = Duration.ofSeconds(1);
  private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

  @TempDir Path dataDir;

  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newFixedThreadPool(SENDS + 8))
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void aTarpitMailServerDelaysNoRequestAndEveryCodeArrivesOnceWhenMailIsBack() throws Exception {
    Tarpit tarpit = new Tarpit();
    int smtpPort = tarpit.port();
    try (ConfigurableApplicationContext server =
        new SpringApplicationBuilder(StepUpServerApplication.class)
            .run(
                "--stepup.data-dir=" + dataDir,
                "--server.port=0",
                "--stepup.bootstrap.demo-api-key=" + KEY,
                "--stepup.bootstrap.admin-password=tarpit admin password",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                // The production timeouts (application.yml) stay; retries come quickly here.
                "--stepup.delivery.first-retry-delay=200ms",
                "--stepup.delivery.max-retry-delay=1s",
                "--stepup.delivery.max-attempts=100",
                "--stepup.delivery.poll-interval=200ms")) {
      String base =
          "http://localhost:" + ((WebServerApplicationContext) server).getWebServer().getPort();
      String env = base + "/api/v1/environments/demo";

      List<String> addresses = new ArrayList<>();
      List<String> sessions = new ArrayList<>();
      String userId = null;
      String sessionId = null;
      for (int i = 0; i < SENDS; i++) {
        String address = "tarpit" + i + "@example.test";
        String user = field(post(env + "/users", KEY, "{\"email\":\"" + address + "\"}"), "id");
        HttpResponse<String> session = post(env + "/users/" + user + "/sessions", KEY, "{}");
        addresses.add(address);
        sessions.add(field(session, "sessionToken"));
        userId = user;
        sessionId = field(session, "sessionId");
      }

      String issue =
          "{\"userId\":\""
              + userId
              + "\",\"sessionId\":\""
              + sessionId
              + "\",\"scopes\":[\"wallet:sign\"]}";
      // Warm up every path once (first signing key, class loading), so what is measured below is
      // the tarpit's effect, not a cold start; the warm-up code goes into the tarpit too.
      List<String> slow = new CopyOnWriteArrayList<>();
      List<String> ignored = new ArrayList<>();
      String warmUpAddress = "tarpit-warm-up@example.test";
      String warmUpUser =
          field(post(env + "/users", KEY, "{\"email\":\"" + warmUpAddress + "\"}"), "id");
      String warmUpSession =
          field(post(env + "/users/" + warmUpUser + "/sessions", KEY, "{}"), "sessionToken");
      addresses.add(warmUpAddress);
      quickly(
          ignored, "warm-up send", () -> post(env + "/step-up/otp/send", warmUpSession, "{}"), 200);
      quickly(
          ignored, "warm-up token issue", () -> post(env + "/elevated-tokens", KEY, issue), 201);
      quickly(
          ignored,
          "warm-up check",
          () -> post(env + "/step-up/check", warmUpSession, "{\"scope\":\"wallet:sign\"}"),
          200);
      quickly(ignored, "warm-up jwks", () -> get(base + "/.well-known/jwks.json"), 200);
      quickly(ignored, "warm-up health", () -> get(base + "/actuator/health"), 200);

      List<CompletableFuture<HttpResponse<String>>> sends = new ArrayList<>();
      for (String session : sessions) {
        sends.add(postAsync(env + "/step-up/otp/send", session, "{}"));
      }
      for (int round = 0; round < 3; round++) {
        quickly(
            slow,
            "check",
            () -> post(env + "/step-up/check", sessions.get(0), "{\"scope\":\"wallet:sign\"}"),
            200);
        quickly(slow, "jwks", () -> get(base + "/.well-known/jwks.json"), 200);
        quickly(slow, "token issue", () -> post(env + "/elevated-tokens", KEY, issue), 201);
        quickly(slow, "health", () -> get(base + "/actuator/health"), 200);
      }
      for (CompletableFuture<HttpResponse<String>> send : sends) {
        HttpResponse<String> answer = send.get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      }
      // The workers are now stuck in the tarpit; the server still answers at once.
      quickly(
          slow,
          "check",
          () -> post(env + "/step-up/check", sessions.get(1), "{\"scope\":\"wallet:sign\"}"),
          200);
      quickly(slow, "health", () -> get(base + "/actuator/health"), 200);
      assertThat(slow).as("answers slower than " + QUICK).isEmpty();
      assertThat(get(base + "/actuator/health").body()).contains("\"status\":\"UP\"");

      tarpit.close();
      GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
      smtp.start();
      try {
        waitForCodes(smtp, addresses, Duration.ofSeconds(90));
        Thread.sleep(1_500); // a duplicate would arrive now
        Map<String, Integer> codesPerAddress = codesPer(smtp);
        assertThat(codesPerAddress.keySet()).containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(codesPerAddress.values()).as(codesPerAddress.toString()).containsOnly(1);
      } finally {
        smtp.stop();
      }
    } finally {
      tarpit.close();
    }
  }

  private interface Call {
    HttpResponse<String> run() throws Exception;
  }

  private static void quickly(List<String> slow, String what, Call call, int status)
      throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> answer = call.run();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(status);
    if (took.compareTo(QUICK) > 0) {
      slow.add(what + " took " + took.toMillis() + " ms");
    }
    System.out.println("SlowMailServerIT: " + what + " took " + took.toMillis() + " ms");
  }

  private static void waitForCodes(GreenMail smtp, List<String> addresses, Duration patience)
      throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    Map<String, Integer> counts = codesPer(smtp);
    while (counts.size() < addresses.size() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      counts = codesPer(smtp);
    }
  }

  private static Map<String, Integer> codesPer(GreenMail smtp) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (SIX_DIGITS.matcher(GreenMailUtil.getBody(m)).find()) {
        counts.merge(m.getAllRecipients()[0].toString(), 1, Integer::sum);
      }
    }
    return counts;
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String bearer, String body) throws Exception {
    return http.send(request(url, bearer, body), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> postAsync(
      String url, String bearer, String body) {
    return http.sendAsync(request(url, bearer, body), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest request(String url, String bearer, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + bearer)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String field(HttpResponse<String> response, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(response.body());
    assertThat(m.find()).as(response.body()).isTrue();
    return m.group(1);
  }

  /** An SMTP port that accepts every connection and never says a word. */
  private static final class Tarpit implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor();

    Tarpit() throws IOException {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      server.setReuseAddress(true);
      acceptor.execute(
          () -> {
            while (!server.isClosed()) {
              try {
                held.add(server.accept());
              } catch (IOException e) {
                return;
              }
            }
          });
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : held) {
        s.close();
      }
      acceptor.shutdownNow();
    }
  }
}
