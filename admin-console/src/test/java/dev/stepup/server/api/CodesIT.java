package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Codes tried as an attacker would, over real HTTP: a replayed code tells nothing, parallel sends
 * send once, and a stranger's wrong sign-in codes never lock the owner out of step-up.
 */
class CodesIT extends ApiTestServer {

  private static final String REPLAYED =
      "A code that was already used was entered again on your account";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  @AfterEach
  void forgetHostedSignInFailures() {
    // This test's client is every test's client (127.0.0.1): do not leave it locked.
    jdbc.sql("DELETE FROM admin_sign_in_tallies WHERE subject LIKE 'hosted-%'").update();
  }

  /** What a client sees of a refusal; {@code instance} and time stamps aside. */
  private static Map<String, Object> problem(ApiClient.Answer answer) {
    Map<String, Object> seen = new LinkedHashMap<>();
    seen.put("status", answer.status());
    seen.put("contentType", answer.contentType());
    seen.put("retryAfter", answer.header("Retry-After"));
    for (String field : List.of("status", "code", "title", "detail", "type")) {
      seen.put(field + "Field", answer.text(field));
    }
    return seen;
  }

  @Test
  void aReplayedEmailCodeGetsExactlyTheProblemOfAWrongOneAndTheUserIsTold() {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));
    stepUpByEmail(session, user, "wallet:export");
    String used = mailedCode(user.email());

    ApiClient.Answer replay =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", used, "requestedScopes", List.of("wallet:export")));
    ApiClient.Answer wrong =
        api.post(
            ENV + "/step-up/otp/verify",
            session,
            Map.of("verificationToken", other(used), "requestedScopes", List.of("wallet:export")));

    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.code()).isEqualTo("invalid_code");
    assertThat(problem(replay)).isEqualTo(problem(wrong));
    assertThat(replay.raw().body()).doesNotContainIgnoringCase("used");
    assertThat(noticesTo(user.email())).contains(REPLAYED);
    assertThat(reasons(user.id())).containsSubsequence("replayed", "invalid_code");
  }

  @Test
  void aReplayedTotpOrRecoveryCodeGetsExactlyTheProblemOfAWrongOne() {
    Enrolled e = enrolTotp();
    String now = JdkTotp.codeAt(e.secret(), CLOCK.instant());
    assertThat(totp(e, now).status()).isEqualTo(200);
    CLOCK.advance(Duration.ofSeconds(5));

    ApiClient.Answer totpReplay = totp(e, now);
    ApiClient.Answer totpWrong = totp(e, other(now));

    assertThat(totpReplay.code()).isEqualTo("invalid_code");
    assertThat(problem(totpReplay)).isEqualTo(problem(totpWrong));

    String recoveryCode = e.codes().get(0);
    assertThat(recovery(e, recoveryCode).status()).isEqualTo(200);
    ApiClient.Answer recoveryReplay = recovery(e, recoveryCode);
    ApiClient.Answer recoveryWrong = recovery(e, "2345-6789-abcd-efgh-jkmn-pqrs");

    assertThat(recoveryReplay.code()).isEqualTo("invalid_code");
    assertThat(problem(recoveryReplay)).isEqualTo(problem(recoveryWrong));
    assertThat(noticesTo(e.user().email()))
        .contains(REPLAYED, "A recovery code was used on your account");
    assertThat(reasons(e.user().id())).containsSubsequence("replayed", "invalid_code", "replayed");
  }

  @Test
  void aCodeForTheNextTimeStepIsRefused() {
    Enrolled e = enrolTotp();
    String next = JdkTotp.codeAt(e.secret(), CLOCK.instant().plusSeconds(30));
    String current = JdkTotp.codeAt(e.secret(), CLOCK.instant());
    String previous = JdkTotp.codeAt(e.secret(), CLOCK.instant().minusSeconds(30));
    if (next.equals(current) || next.equals(previous)) {
      return; // one in a million: the steps share a code
    }

    ApiClient.Answer early = totp(e, next);

    assertThat(early.status()).isEqualTo(400);
    assertThat(early.code()).isEqualTo("invalid_code");
  }

  @Test
  void eightParallelSendsForOneSessionSendExactlyOneCode() throws Exception {
    TestUser user = newUser();
    String session = signIn(user, user.credential("email"));

    List<Integer> statuses =
        parallel(8, () -> api.post(ENV + "/step-up/otp/send", session, Map.of()).status());

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
    awaitCodes(user.email(), 1);
    assertThat(codesMailedTo(user.email())).isEqualTo(1);
  }

  @Test
  void eightParallelHostedSignInSendsForOneAddressSendExactlyOneCode() throws Exception {
    TestUser user = newUser();

    List<Integer> statuses =
        parallel(
            8,
            () -> {
              Browser browser = new Browser();
              return browser.post("/sign-in/code", Map.of("email", user.email())).statusCode();
            });

    awaitCodes(user.email(), 1);
    assertThat(codesMailedTo(user.email())).as("statuses %s", statuses).isEqualTo(1);
  }

  @Test
  void wrongHostedSignInCodesForAVictimsAddressLeaveTheirApiStepUpWorking() {
    TestUser victim = newUser();
    String session = signIn(victim, victim.credential("email"));
    Browser stranger = new Browser();
    HttpResponse<String> sent = stranger.post("/sign-in/code", Map.of("email", victim.email()));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    String code = mailedCode(victim.email());

    List<String> pages = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      pages.add(
          stranger
              .post("/sign-in/verify", Map.of("email", victim.email(), "code", other(code)))
              .body());
    }
    assertThat(pages.get(0)).contains("not right");
    assertThat(pages.get(6)).contains("Too many failed attempts");

    // The owner's own step-up through the API is untouched by the stranger's guesses.
    CLOCK.advance(Duration.ofSeconds(31));
    ApiClient.Answer verified = stepUpByEmail(session, victim, "wallet:export");
    assertThat(verified.text("elevatedAccessToken")).isNotBlank();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private ApiClient.Answer totp(Enrolled e, String code) {
    return api.post(
        ENV + "/step-up/totp/verify",
        e.session(),
        Map.of("code", code, "requestedScopes", List.of("wallet:sign")));
  }

  private ApiClient.Answer recovery(Enrolled e, String code) {
    return api.post(
        ENV + "/step-up/recovery-code/verify",
        e.session(),
        Map.of("code", code, "requestedScopes", List.of("wallet:export")));
  }

  private List<String> reasons(String userId) {
    return jdbc.sql(
            "SELECT reason FROM audit_trail WHERE user_id = ? AND type = 'verification'"
                + " AND outcome = 'failure' ORDER BY pending NULLS FIRST, id")
        .param(userId)
        .query(String.class)
        .list();
  }

  private static void awaitCodes(String address, int atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (codesMailedTo(address) < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Thread.sleep(500); // time for any extra code to arrive, so "exactly" means it
  }

  private static <T> List<T> parallel(int n, java.util.concurrent.Callable<T> work)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return work.call();
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A browser on the hosted pages: keeps its cookies and sends the form's CSRF token. */
  private final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base = "http://localhost:" + port + "/hosted/demo";

    HttpResponse<String> post(String path, Map<String, String> form) {
      try {
        HttpResponse<String> page =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("a CSRF token on " + page.body()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf.group(1));
        String body =
            fields.entrySet().stream()
                .map(
                    f ->
                        URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
