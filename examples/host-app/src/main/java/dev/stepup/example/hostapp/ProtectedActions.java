package dev.stepup.example.hostapp;

import com.sun.net.httpserver.HttpExchange;
import dev.stepup.client.ElevatedTokenException;
import dev.stepup.client.Introspection;
import dev.stepup.client.StepUpClient;
import dev.stepup.client.StepUpException;
import dev.stepup.client.VerifiedToken;
import dev.stepup.example.hostapp.DemoSignIn.Account;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The two actions this app protects with step-up. "Export key" needs a single-use token for {@code
 * wallet:export}, spent on the step-up server ({@code consume}); "Send" needs a multi-use token for
 * {@code wallet:sign}, verified here against the server's keys ({@code verify}). Without such a
 * token of the signed-in user, both answer the RFC 9470 challenge the step-up server answers, so
 * the SDK's fetch wrapper steps up and retries. Tokens are never logged.
 */
final class ProtectedActions {

  static final String EXPORT = "wallet:export";
  static final String SIGN = "wallet:sign";
  private static final String TOKEN_HEADER = "X-Elevated-Access-Token";
  private static final Logger LOG = Logger.getLogger(ProtectedActions.class.getName());

  private final StepUpClient stepUp;
  private final DemoSignIn signIn;

  ProtectedActions(StepUpClient stepUp, DemoSignIn signIn) {
    this.stepUp = stepUp;
    this.signIn = signIn;
  }

  /** {@code POST /api/export}: one export per step-up. */
  void export(HttpExchange exchange) throws IOException {
    Optional<Account> account = signedIn(exchange);
    Optional<String> token = token(exchange);
    if (account.isEmpty() || token.isEmpty()) {
      refuse(exchange, account, "step_up_required", EXPORT);
      return;
    }
    Introspection spent;
    try {
      spent = stepUp.consume(token.get(), EXPORT);
    } catch (StepUpException e) {
      unavailable(exchange, e);
      return;
    }
    if (!spent.active() || !spent.userId().equals(Optional.of(account.get().userId()))) {
      refuse(exchange, account, "invalid_token", EXPORT);
      return;
    }
    LOG.info("export allowed for " + account.get().userId());
    Http.json(
        exchange,
        200,
        Map.of(
            "message",
            "Key exported for "
                + account.get().email()
                + ". The next export needs a new step-up."));
  }

  /** {@code POST /api/send}: any number of sends while the token lives. */
  void send(HttpExchange exchange) throws IOException {
    Optional<Account> account = signedIn(exchange);
    Optional<String> token = token(exchange);
    if (account.isEmpty() || token.isEmpty()) {
      refuse(exchange, account, "step_up_required", SIGN);
      return;
    }
    VerifiedToken verified;
    try {
      verified = stepUp.verify(token.get(), SIGN);
    } catch (ElevatedTokenException e) {
      refuse(exchange, account, e.code(), SIGN);
      return;
    } catch (StepUpException e) {
      unavailable(exchange, e);
      return;
    }
    if (!verified.userId().equals(account.get().userId())) {
      refuse(exchange, account, "invalid_token", SIGN);
      return;
    }
    LOG.info("send allowed for " + account.get().userId());
    Http.json(
        exchange,
        200,
        Map.of(
            "message",
            "Sent for "
                + account.get().email()
                + " (step-up valid until "
                + verified.expiresAt()
                + ")."));
  }

  private Optional<Account> signedIn(HttpExchange exchange) {
    return signIn.account(exchange);
  }

  private static Optional<String> token(HttpExchange exchange) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))
        .filter(t -> !t.isBlank());
  }

  /**
   * 401. Signed in: the step-up server's own RFC 9470 challenge for the scope (what the SDK steps
   * up for). Not signed in: a plain bearer challenge, since no step-up would help.
   */
  private static void refuse(
      HttpExchange exchange, Optional<Account> account, String code, String scope)
      throws IOException {
    if (account.isEmpty()) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"host-app\"");
      Http.json(exchange, 401, Map.of("code", "not_signed_in", "detail", "Sign in first."));
      return;
    }
    String detail = "This action needs step-up verification for " + scope + ".";
    exchange
        .getResponseHeaders()
        .set(
            "WWW-Authenticate",
            "Bearer error=\"insufficient_user_authentication\", error_description=\""
                + detail
                + "\", scope=\""
                + scope
                + "\"");
    Http.json(exchange, 401, Map.of("code", code, "detail", detail, "scope", scope));
  }

  private static void unavailable(HttpExchange exchange, StepUpException e) throws IOException {
    LOG.warning("step-up server unavailable: " + e.code() + " (" + e.status() + ")");
    Http.json(
        exchange,
        502,
        Map.of("code", "stepup_unavailable", "detail", "The step-up server could not be asked."));
  }
}
