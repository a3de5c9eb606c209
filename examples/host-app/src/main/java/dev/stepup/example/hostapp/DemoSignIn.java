package dev.stepup.example.hostapp;

import com.sun.net.httpserver.HttpExchange;
import dev.stepup.client.NewUser;
import dev.stepup.client.Session;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.client.User;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The host app's own sign-in, reduced to a demo: whoever names an email address is signed in (a
 * real app checks a password or a passkey first). The app keeps its users' step-up ids in memory,
 * as a real one keeps them in its user table, creates the step-up user on the first sign-in and a
 * step-up session on each, and hands the page that session's token for the SDK.
 */
final class DemoSignIn {

  /** Who is signed in to this app: its account and the step-up user behind it. */
  record Account(String email, String userId, String emailCredentialId) {}

  private static final Logger LOG = Logger.getLogger(DemoSignIn.class.getName());
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[a-z]{2,}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StepUpClient stepUp;
  private final String environment;
  private final Map<String, Account> byEmail = new ConcurrentHashMap<>();
  private final Map<String, Account> bySession = new ConcurrentHashMap<>();

  DemoSignIn(StepUpClient stepUp, String environment) {
    this.stepUp = stepUp;
    this.environment = environment;
  }

  /** {@code POST /api/sign-in} with {@code email}: sets this app's cookie, answers the token. */
  void signIn(HttpExchange exchange) throws IOException {
    String email = Http.form(exchange).getOrDefault("email", "").trim().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      Http.json(exchange, 400, Map.of("code", "validation_failed", "detail", "Enter an email."));
      return;
    }
    Account account;
    Session session;
    try {
      account = byEmail.computeIfAbsent(email, this::register);
      session = stepUp.createSession(account.userId(), account.emailCredentialId());
    } catch (StepUpException e) {
      LOG.warning("step-up server refused the sign-in: " + e.code() + " (" + e.status() + ")");
      String detail =
          switch (e.code()) {
            case "credential_in_use" ->
                "The step-up server already has a user with this email that this app does not"
                    + " know (it keeps its users in memory). Use another email.";
            case "unreachable" -> "The step-up server could not be reached: is it running?";
            default -> "The step-up server refused the sign-in: " + e.detail();
          };
      Http.json(exchange, 502, Map.of("code", e.code(), "detail", detail));
      return;
    }
    // This app's own session: an HttpOnly cookie the page's script never sees (add Secure on
    // https).
    String hostSession = randomId();
    bySession.put(hostSession, account);
    exchange
        .getResponseHeaders()
        .add(
            "Set-Cookie",
            Http.SESSION_COOKIE + "=" + hostSession + "; Path=/; HttpOnly; SameSite=Strict");
    LOG.info("signed in " + account.userId());
    Http.json(
        exchange,
        200,
        Map.of("email", email, "environment", environment, "sessionToken", session.sessionToken()));
  }

  /** The account of the request's cookie, if it is signed in. */
  Optional<Account> account(HttpExchange exchange) {
    return Http.cookie(exchange, Http.SESSION_COOKIE).map(bySession::get);
  }

  private Account register(String email) {
    User user = stepUp.createUser(NewUser.withEmail(email));
    String credential = user.credential("email").map(User.Credential::id).orElseThrow();
    LOG.info("created step-up user " + user.id());
    return new Account(email, user.id(), credential);
  }

  private static String randomId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
