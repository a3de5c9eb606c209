package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.server.Deliveries;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server on a random port with a fresh H2 file database, a real SMTP server (GreenMail)
 * receiving the codes, a local HTTP stub standing in for the SMS gateway, and a clock the tests can
 * move. One server serves every API test class; each test makes its own users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiTestServer.TestClock.class)
public abstract class ApiTestServer {

  protected static final String ENV = "/api/v1/environments/demo";
  protected static final String API_KEY = "sk_demo_" + "k".repeat(40);
  protected static final String SCRAPE_TOKEN = "scrape-" + "m".repeat(40);
  protected static final MutableClock CLOCK = new MutableClock(Instant.now());

  protected static final GreenMail SMTP = new GreenMail(ServerSetup.SMTP.dynamicPort());
  protected static final List<String> SMS_TEXTS = new CopyOnWriteArrayList<>();
  protected static final HttpServer SMS_GATEWAY = smsGateway();
  private static final Path DATA_DIR = tempDir();
  private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

  static {
    SMTP.start();
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  protected ApiClient api;

  /** The server's database, for waiting on the delivery queue from static helpers. */
  private static volatile JdbcClient queue;

  @TestConfiguration(proxyBeanMethods = false)
  protected static class TestClock {
    @Bean
    @Primary
    MutableClock testClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  protected static void server(DynamicPropertyRegistry registry) {
    registry.add("stepup.data-dir", DATA_DIR::toString);
    registry.add("stepup.bootstrap.demo-api-key", () -> API_KEY);
    registry.add("stepup.bootstrap.admin-password", () -> "correct horse battery staple");
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add(
        "stepup.sms.gateway-url",
        () -> "http://localhost:" + SMS_GATEWAY.getAddress().getPort() + "/messages");
    registry.add("stepup.sms.bearer-token", () -> "gateway-secret");
    registry.add("stepup.metrics.scrape-token", () -> SCRAPE_TOKEN);
    // Browser tests run WebAuthn from pages on other localhost ports.
    registry.add("stepup.passkeys.origins", () -> "http://localhost");
    registry.add("stepup.passkeys.allow-origin-port", () -> "true");
    // The shortest retention; the scheduled purge first runs an hour after start (PurgeIT runs it).
    registry.add("stepup.purge.retention", () -> "1h");
  }

  @BeforeEach
  protected void client() {
    api = new ApiClient(port);
    queue = jdbc;
    // Whole seconds keep TOTP steps and JWT times aligned with what the server computes.
    CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /** A user of the demo environment, created by the host backend. */
  protected record TestUser(String id, JsonNode json, String email) {
    public String credential(String format) {
      for (JsonNode c : json.get("credentials")) {
        if (c.get("format").asString().equals(format)) {
          return c.get("id").asString();
        }
      }
      throw new AssertionError("no " + format + " credential in " + json);
    }
  }

  protected TestUser newUser(Map<String, Object> extra) {
    String email = "u" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    Map<String, Object> body = new java.util.HashMap<>(extra);
    body.putIfAbsent("email", email);
    ApiClient.Answer created = api.post(ENV + "/users", API_KEY, body);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return new TestUser(created.text("id"), created.json(), (String) body.get("email"));
  }

  protected TestUser newUser() {
    return newUser(Map.of("embeddedWallet", true));
  }

  /** Signs the user in with the given credential and answers the session token. */
  protected String signIn(TestUser user, String credentialId) {
    ApiClient.Answer session =
        api.post(
            ENV + "/users/" + user.id() + "/sessions",
            API_KEY,
            credentialId == null ? Map.of() : Map.of("signInCredentialId", credentialId));
    assertThat(session.status()).as(session.raw().body()).isEqualTo(201);
    return session.text("sessionToken");
  }

  /** Waits (bounded) until the messages queued so far have been sent: delivery is asynchronous. */
  protected static void awaitDeliveries() {
    if (queue != null) {
      Deliveries.settle(queue);
    }
  }

  /** The latest code mailed to this address, read from the SMTP server; notices are skipped. */
  protected static String mailedCode(String address) {
    awaitDeliveries();
    try {
      MimeMessage latest = null;
      for (MimeMessage m : SMTP.getReceivedMessages()) {
        if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
            && SIX_DIGITS.matcher(GreenMailUtil.getBody(m)).find()) {
          latest = m;
        }
      }
      assertThat(latest).as("a mail to " + address).isNotNull();
      return sixDigits(GreenMailUtil.getBody(latest));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Subjects of the security notices mailed to this address, oldest first. */
  protected static List<String> noticesTo(String address) {
    awaitDeliveries();
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      try {
        if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
            && !SIX_DIGITS.matcher(GreenMailUtil.getBody(m)).find()) {
          subjects.add(m.getSubject());
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return subjects;
  }

  /** How many codes were mailed to this address (notices not counted). */
  protected static int codesMailedTo(String address) {
    awaitDeliveries();
    int count = 0;
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      try {
        if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)
            && SIX_DIGITS.matcher(GreenMailUtil.getBody(m)).find()) {
          count++;
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return count;
  }

  protected static String sixDigits(String text) {
    Matcher matcher = SIX_DIGITS.matcher(text);
    assertThat(matcher.find()).as("a code in: " + text).isTrue();
    return matcher.group(1);
  }

  /** Steps up a re-auth user by email OTP and answers the token response. */
  protected ApiClient.Answer stepUpByEmail(String session, TestUser user, String... scopes) {
    ApiClient.Answer sent = api.post(ENV + "/step-up/otp/send", session, Map.of());
    assertThat(sent.status()).as(sent.raw().body()).isEqualTo(200);
    ApiClient.Answer verified =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", mailedCode(user.email()), "requestedScopes", scopes));
    assertThat(verified.status()).as(verified.raw().body()).isEqualTo(200);
    return verified;
  }

  protected record Enrolled(
      TestUser user, String session, String deviceId, byte[] secret, List<String> codes) {}

  /** Enrolment itself is protected: a re-auth step-up for credential:link comes first. */
  protected Enrolled enrolTotp() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    ApiClient.Answer unprotected = api.post(ENV + "/mfa/totp/devices", session, Map.of());
    assertThat(unprotected.status()).isEqualTo(401);
    assertThat(unprotected.code()).isEqualTo("step_up_required");

    String link = stepUpByEmail(session, user, "credential:link").text("elevatedAccessToken");
    ApiClient.Answer started =
        api.post(
            ENV + "/mfa/totp/devices",
            session,
            Map.of("alias", "Phone"),
            Map.of("X-Elevated-Access-Token", link));
    assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
    String secretText = started.text("secret");
    assertThat(started.text("otpauthUri")).startsWith("otpauth://totp/").contains(secretText);
    assertThat(URI.create(started.text("otpauthUri")).getQuery()).contains("secret=" + secretText);
    assertThat(started.text("qrCode")).startsWith("data:image/png;base64,iVBORw0KGgo");
    byte[] secret = Base32.decode(pad(secretText));
    String deviceId = started.text("deviceId");

    ApiClient.Answer wrong =
        api.post(
            ENV + "/mfa/totp/devices/" + deviceId + "/confirm",
            session,
            Map.of("code", other(JdkTotp.codeAt(secret, CLOCK.instant()))));
    assertThat(wrong.status()).isEqualTo(400);

    ApiClient.Answer confirmed =
        api.post(
            ENV + "/mfa/totp/devices/" + deviceId + "/confirm",
            session,
            Map.of("code", JdkTotp.codeAt(secret, CLOCK.instant())));
    assertThat(confirmed.status()).as(confirmed.raw().body()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    confirmed.json().get("recoveryCodes").forEach(c -> codes.add(c.asString()));
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    // The next step's code: the confirming one was spent.
    CLOCK.advance(Duration.ofSeconds(30));
    return new Enrolled(user, session, deviceId, secret, codes);
  }

  protected static String other(String code) {
    return code.equals("123456") ? "654321" : "123456";
  }

  protected static String pad(String base32) {
    return base32 + "=".repeat((8 - base32.length() % 8) % 8);
  }

  private static HttpServer smsGateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext(
          "/messages",
          exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("Bearer gateway-secret".equals(auth)) {
              SMS_TEXTS.add(new String(body, StandardCharsets.UTF_8));
              exchange.sendResponseHeaders(202, -1);
            } else {
              exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("stepup-api-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
