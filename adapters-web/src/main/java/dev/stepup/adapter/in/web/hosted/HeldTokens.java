package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.security.SealBrowserSecretsUseCase;
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
import org.springframework.stereotype.Component;

/**
 * What the hosted pages keep for a browser between requests, on the server (the HTTP session,
 * shared by every node through the database), never in the page: elevated tokens from a completed
 * step-up (the action that waits for one is kept by {@link DeferredActions}). A token is sealed
 * with the master key before it goes into the session, so the session table never holds it
 * readable. Everything is tied to the hosted session it was made for, so a different sign-in in the
 * same browser never inherits it.
 */
@Component
class HeldTokens {

  private static final String TOKENS = "stepup.hosted.tokens";

  private final SealBrowserSecretsUseCase seals;

  HeldTokens(SealBrowserSecretsUseCase seals) {
    this.seals = seals;
  }

  /** A token as kept in the session: sealed. */
  record Held(
      String environmentId,
      String sessionId,
      Set<Scope> scopes,
      byte[] sealedToken,
      boolean singleUse,
      Instant expiresAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Held[sessionId=" + sessionId + ", scopes=" + scopes + "]";
    }
  }

  /** A token handed over, opened. */
  record Taken(String token, Set<Scope> scopes, boolean singleUse, Instant expiresAt) {
    @Override
    public String toString() {
      return "Taken[scopes=" + scopes + "]";
    }
  }

  void keep(HttpServletRequest request, SessionContext context, IssuedElevatedToken t) {
    HttpSession http = request.getSession(true);
    synchronized (HeldTokens.class) {
      List<Held> held = new ArrayList<>(tokens(http));
      held.add(
          new Held(
              context.environmentId().value(),
              context.sessionId().value(),
              Set.copyOf(t.scopes()),
              seals.seal(t.elevatedAccessToken()),
              t.singleUse(),
              t.expiresAt()));
      http.setAttribute(TOKENS, held);
    }
  }

  /**
   * A held, unexpired token of this session covering {@code scope}; a single-use token is handed
   * out once per scope and then held for its other scopes only, since the action will spend that
   * scope (single use per scope: the token's other scopes stay usable).
   */
  Optional<String> take(
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
      found.filter(Held::singleUse).ifPresent(h -> forgetScope(held, h, scope));
      http.setAttribute(TOKENS, held);
      return found.flatMap(h -> seals.open(h.sealedToken()));
    }
  }

  /**
   * The newest held token of this session covering {@code scope}, left in place: what the hosted
   * page presents when it asks the server whether step-up is still needed.
   */
  Optional<String> peek(HttpServletRequest request, SessionContext context, Scope scope) {
    HttpSession http = request.getSession(false);
    if (http == null) {
      return Optional.empty();
    }
    synchronized (HeldTokens.class) {
      return tokens(http).stream()
          .filter(h -> h.environmentId().equals(context.environmentId().value()))
          .filter(h -> h.sessionId().equals(context.sessionId().value()))
          .filter(h -> h.scopes().contains(scope))
          .reduce((older, newer) -> newer)
          .flatMap(h -> seals.open(h.sealedToken()));
    }
  }

  /**
   * Hands over, and forgets, every unexpired token of this session covering one of {@code scopes}:
   * a host's prompt takes them to give them to the host.
   */
  List<Taken> handOver(
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
      List<Taken> opened = new ArrayList<>();
      for (Held h : taken) {
        seals
            .open(h.sealedToken())
            .ifPresent(t -> opened.add(new Taken(t, h.scopes(), h.singleUse(), h.expiresAt())));
      }
      return opened;
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
  /** Replaces {@code h} by the same token held for its other scopes (none left: forgotten). */
  private static void forgetScope(List<Held> held, Held h, Scope scope) {
    int at = held.indexOf(h);
    held.remove(at);
    Set<Scope> rest = new java.util.LinkedHashSet<>(h.scopes());
    rest.remove(scope);
    if (!rest.isEmpty()) {
      held.add(
          at,
          new Held(
              h.environmentId(),
              h.sessionId(),
              Set.copyOf(rest),
              h.sealedToken(),
              h.singleUse(),
              h.expiresAt()));
    }
  }

  private static List<Held> tokens(HttpSession http) {
    Object value = http.getAttribute(TOKENS);
    return value instanceof List<?> list ? (List<Held>) list : List.of();
  }
}
