package dev.stepup.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.server.api.ApiClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/** What a host backend and its users do, through any client of the cluster (proxy or one node). */
final class ClusterUsers {

  static final String ENV = Cluster.ENV;
  static final String API_KEY = Cluster.API_KEY;

  private ClusterUsers() {}

  /** A user of the demo environment with an embedded wallet, signed in with their email. */
  record SignedIn(String id, String email, String wallet, String sessionId, String session) {
    @Override
    public String toString() {
      return email; // assertion messages name the user, never print the session token
    }
  }

  static SignedIn signedInUser(ApiClient api) {
    String email = "c" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    ApiClient.Answer created =
        api.post(ENV + "/users", API_KEY, Map.of("email", email, "embeddedWallet", true));
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String emailCredential = credential(created.json(), "email");
    ApiClient.Answer session =
        api.post(
            ENV + "/users/" + created.text("id") + "/sessions",
            API_KEY,
            Map.of("signInCredentialId", emailCredential));
    assertThat(session.status()).as(session.raw().body()).isEqualTo(201);
    return new SignedIn(
        created.text("id"),
        email,
        credential(created.json(), "blockchain"),
        session.text("sessionId"),
        session.text("sessionToken"));
  }

  /** A token the host backend issues for the user's session. */
  static String issue(ApiClient api, SignedIn user, String... scopes) {
    ApiClient.Answer issued =
        api.post(
            ENV + "/elevated-tokens",
            API_KEY,
            Map.of("userId", user.id(), "sessionId", user.sessionId(), "scopes", List.of(scopes)));
    assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
    return issued.text("elevatedAccessToken");
  }

  static ApiClient.Answer introspect(ApiClient api, String token, boolean consume) {
    return api.post(
        ENV + "/elevated-tokens/introspect",
        API_KEY,
        consume
            ? Map.of("token", token, "scope", "wallet:export", "consume", true)
            : Map.of("token", token));
  }

  static ApiClient.Answer verifyCode(ApiClient api, SignedIn user, String code) {
    return api.post(
        ENV + "/step-up/otp/verify",
        user.session(),
        Map.of("verificationToken", code, "requestedScopes", List.of("wallet:export")));
  }

  /** Wrong codes for a fresh user until the method locks (at most 10): each answer seen. */
  static List<String> wrongCodesUntilLocked(Cluster cluster, ApiClient api) {
    SignedIn user = signedInUser(api);
    assertThat(api.post(ENV + "/step-up/otp/send", user.session(), Map.of()).status())
        .isEqualTo(200);
    String code = cluster.mailedCode(user.email(), 0);
    String wrong = code.equals("000000") ? "111111" : "000000";
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 10 && !seen.contains("429 too_many_attempts"); i++) {
      ApiClient.Answer answer = verifyCode(api, user, wrong);
      seen.add(answer.status() + " " + answer.code());
    }
    return seen;
  }

  static String credential(JsonNode user, String format) {
    for (JsonNode c : user.get("credentials")) {
      if (c.get("format").asString().equals(format)) {
        return c.get("id").asString();
      }
    }
    throw new AssertionError("no " + format + " credential in " + user);
  }

  /** Runs {@code calls} calls released at the same moment; answers their results in order. */
  static <T> List<T> atOnce(int calls, IntFunction<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        Callable<T> task =
            () -> {
              start.await();
              return call.apply(n);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
