package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.scope.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * "Remember the action, step up, come back, finish" for every hosted page: an action the user asked
 * for by POST (with its form's CSRF token) runs with a held token for its scope; when the server
 * asks for step-up, the action is kept on the server (the HTTP session, one slot per kind of
 * action) and the browser goes through the step-up page; back on the page, the action completes
 * once with the token the step-up left in {@link HeldTokens}.
 */
@Component
class DeferredActions {

  /** How long an action waits for the user to step up before it is forgotten. */
  static final Duration LIFETIME = Duration.ofMinutes(15);

  private static final String KEY = "stepup.hosted.pending.";

  /** Refusals that another step-up can cure. */
  private static final Set<Refusal> NEEDS_STEP_UP =
      EnumSet.of(
          Refusal.STEP_UP_REQUIRED,
          Refusal.TOKEN_CONSUMED,
          Refusal.TOKEN_EXPIRED,
          Refusal.TOKEN_REVOKED);

  /** An action that needs a token for its scope. Kept in the session, so it must be small. */
  interface PendingAction extends Serializable {
    Scope scope();
  }

  /** Does the action with the token held for its scope (empty if none); may refuse. */
  @FunctionalInterface
  interface Perform<A extends PendingAction> {
    void run(A action, Optional<String> token);
  }

  /** An action waiting for step-up, tied to the hosted session that asked for it. */
  record Deferred(String environmentId, String sessionId, PendingAction action, Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Deferred[scope=" + action.scope() + "]";
    }
  }

  private final Clock clock;
  private final HeldTokens held;

  DeferredActions(Clock clock, HeldTokens held) {
    this.clock = clock;
    this.held = held;
  }

  /**
   * Runs the action now if a held token (or none) suffices. Answers {@code false} when the server
   * asked for step-up: the action is remembered and the browser is on its way to the step-up page,
   * which returns to {@code comeBackTo}. Refusals step-up cannot cure are thrown to the caller.
   */
  <A extends PendingAction> boolean run(
      HttpServletRequest request,
      HttpServletResponse response,
      SessionContext context,
      A action,
      String comeBackTo,
      Perform<A> perform) {
    Optional<String> token = held.take(request, context, action.scope(), clock.instant());
    try {
      perform.run(action, token);
      return true;
    } catch (RefusedException e) {
      if (!NEEDS_STEP_UP.contains(e.refusal())) {
        throw e;
      }
    }
    request
        .getSession(true)
        .setAttribute(
            key(action.getClass()),
            new Deferred(
                context.environmentId().value(),
                context.sessionId().value(),
                action,
                clock.instant()));
    HostedPages.redirect(
        request, response, HostedPaths.stepUp(context.environmentId(), action.scope(), comeBackTo));
    return false;
  }

  /**
   * Back from step-up: completes the remembered action of this kind, once, if it is this session's,
   * still fresh and {@code applies}. Answers the message to show when it could not be done.
   */
  <A extends PendingAction> Optional<String> resume(
      HttpServletRequest request,
      SessionContext context,
      Class<A> kind,
      Predicate<A> applies,
      Perform<A> perform) {
    Optional<A> pending = take(request, context, kind).filter(applies);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    A action = pending.get();
    Optional<String> token = held.take(request, context, action.scope(), clock.instant());
    if (token.isEmpty()) {
      return Optional.of("Nothing was done: you did not confirm it was you. Try again.");
    }
    try {
      perform.run(action, token);
      return Optional.empty();
    } catch (RefusedException | IllegalArgumentException e) {
      return Optional.of(PageWords.of(e));
    }
  }

  /** The action of this kind this session waits to complete, once; stale or foreign ones drop. */
  private <A extends PendingAction> Optional<A> take(
      HttpServletRequest request, SessionContext context, Class<A> kind) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(key(kind)) instanceof Deferred deferred)) {
      return Optional.empty();
    }
    http.removeAttribute(key(kind));
    Instant now = clock.instant();
    return Optional.of(deferred)
        .filter(d -> d.environmentId().equals(context.environmentId().value()))
        .filter(d -> d.sessionId().equals(context.sessionId().value()))
        .filter(d -> now.isBefore(d.createdAt().plus(LIFETIME)))
        .map(Deferred::action)
        .filter(kind::isInstance)
        .map(kind::cast);
  }

  /** Forgets every remembered action of the browser's hosted pages (sign-in, sign-out). */
  static void forget(HttpServletRequest request) {
    HttpSession http = request.getSession(false);
    if (http != null) {
      for (String name : java.util.Collections.list(http.getAttributeNames())) {
        if (name.startsWith(KEY)) {
          http.removeAttribute(name);
        }
      }
    }
  }

  private static String key(Class<?> kind) {
    // One slot per kind of action (the interface the action's record implements).
    Class<?> slot =
        AccountChange.class.isAssignableFrom(kind) ? AccountChange.class : WalletAction.class;
    return KEY + slot.getSimpleName();
  }
}
