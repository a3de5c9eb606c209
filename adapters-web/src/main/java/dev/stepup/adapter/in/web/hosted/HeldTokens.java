package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the hosted pages keep for a browser between requests, on the server (the HTTP session),
 * never in the page: elevated tokens from a completed step-up, and a protected action the user
 * asked for that waits for one. Everything is tied to the hosted session it was made for, so a
 * different sign-in in the same browser never inherits it.
 */
final class HeldTokens {

  private static final String TOKENS = "stepup.hosted.tokens";
  private static final String PENDING = "stepup.hosted.pending";

  /** How long an action waits for the user to step up before it is forgotten. */
  static final Duration PENDING_LIFETIME = Duration.ofMinutes(15);

  private HeldTokens() {}

  record Held(
      String environmentId,
      String sessionId,
      Set<Scope> scopes,
      String token,
      boolean singleUse,
      Instant expiresAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Held[sessionId=" + sessionId + ", scopes=" + scopes + "]";
    }
  }

  /** A protected action the user asked for (with CSRF protection) that waits for step-up. */
  record Pending(
      String environmentId,
      String sessionId,
      Scope scope,
      String walletId,
      String message,
      Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Pending[scope=" + scope + ", walletId=" + walletId + "]";
    }
  }

  static void keep(HttpServletRequest request, SessionContext context, IssuedElevatedToken t) {
    HttpSession http = request.getSession(true);
    synchronized (HeldTokens.class) {
      List<Held> held = new ArrayList<>(tokens(http));
      held.add(
          new Held(
              context.environmentId().value(),
              context.sessionId().value(),
              Set.copyOf(t.scopes()),
              t.elevatedAccessToken(),
              t.singleUse(),
              t.expiresAt()));
      http.setAttribute(TOKENS, held);
    }
  }

  /**
   * A held, unexpired token of this session covering {@code scope}; a single-use token is handed
   * out once and forgotten, since the action will consume it.
   */
  static Optional<String> take(
      HttpServletRequest request, SessionContext context, Scope scope, Instant now) {
    HttpSession http = request.getSession(false);
    if (http == null) {
      return Optional.empty();
    }
    synchronized (HeldTokens.class) {
      List<Held> held = new ArrayList<>(tokens(http));
      held.removeIf(h -> !now.isBefore(h.expiresAt()));
      Optional<Held> found =
          held.stream()
              .filter(h -> h.environmentId().equals(context.environmentId().value()))
              .filter(h -> h.sessionId().equals(context.sessionId().value()))
              .filter(h -> h.scopes().contains(scope))
              .findFirst();
      found.filter(Held::singleUse).ifPresent(held::remove);
      http.setAttribute(TOKENS, held);
      return found.map(Held::token);
    }
  }

  static void await(
      HttpServletRequest request,
      SessionContext context,
      Scope scope,
      CredentialId walletId,
      String message,
      Instant now) {
    request
        .getSession(true)
        .setAttribute(
            PENDING,
            new Pending(
                context.environmentId().value(),
                context.sessionId().value(),
                scope,
                walletId.value(),
                message,
                now));
  }

  /** The action this session waits to complete, once; stale or foreign ones are dropped. */
  static Optional<Pending> takePending(
      HttpServletRequest request, SessionContext context, Instant now) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(PENDING) instanceof Pending pending)) {
      return Optional.empty();
    }
    http.removeAttribute(PENDING);
    return Optional.of(pending)
        .filter(p -> p.environmentId().equals(context.environmentId().value()))
        .filter(p -> p.sessionId().equals(context.sessionId().value()))
        .filter(p -> now.isBefore(p.createdAt().plus(PENDING_LIFETIME)));
  }

  /** Forgets everything held for the browser's hosted pages (sign-in, sign-out). */
  static void forget(HttpServletRequest request) {
    HttpSession http = request.getSession(false);
    if (http != null) {
      http.removeAttribute(TOKENS);
      http.removeAttribute(PENDING);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Held> tokens(HttpSession http) {
    Object value = http.getAttribute(TOKENS);
    return value instanceof List<?> list ? (List<Held>) list : List.of();
  }
}
