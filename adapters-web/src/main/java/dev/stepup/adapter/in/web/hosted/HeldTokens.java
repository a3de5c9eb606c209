package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the hosted pages keep for a browser between requests, on the server (the HTTP session),
 * never in the page: elevated tokens from a completed step-up (the action that waits for one is
 * kept by {@link DeferredActions}). Everything is tied to the hosted session it was made for, so a
 * different sign-in in the same browser never inherits it.
 */
final class HeldTokens {

  private static final String TOKENS = "stepup.hosted.tokens";

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

  /**
   * Hands over, and forgets, every unexpired token of this session covering one of {@code scopes}:
   * a host's prompt takes them to give them to the host.
   */
  static List<Held> handOver(
      HttpServletRequest request, SessionContext context, Set<Scope> scopes, Instant now) {
    HttpSession http = request.getSession(false);
    if (http == null) {
      return List.of();
    }
    synchronized (HeldTokens.class) {
      List<Held> held = new ArrayList<>(tokens(http));
      held.removeIf(h -> !now.isBefore(h.expiresAt()));
      List<Held> taken =
          held.stream()
              .filter(h -> h.environmentId().equals(context.environmentId().value()))
              .filter(h -> h.sessionId().equals(context.sessionId().value()))
              .filter(h -> h.scopes().stream().anyMatch(scopes::contains))
              .toList();
      held.removeAll(taken);
      http.setAttribute(TOKENS, held);
      return taken;
    }
  }

  /** Forgets everything held for the browser's hosted pages (sign-in, sign-out). */
  static void forget(HttpServletRequest request) {
    HttpSession http = request.getSession(false);
    if (http != null) {
      http.removeAttribute(TOKENS);
    }
    DeferredActions.forget(request);
  }

  @SuppressWarnings("unchecked")
  private static List<Held> tokens(HttpSession http) {
    Object value = http.getAttribute(TOKENS);
    return value instanceof List<?> list ? (List<Held>) list : List.of();
  }
}
