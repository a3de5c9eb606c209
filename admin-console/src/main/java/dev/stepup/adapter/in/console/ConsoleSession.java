package dev.stepup.adapter.in.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * What the console session records about an admin's second factor: a password alone grants {@code
 * ROLE_ADMIN_PASSWORD} (the second-factor pages only); a verified code grants {@code ROLE_ADMIN}
 * and marks when the admin last proved their second factor, which destructive actions require
 * within {@link #CONFIRMATION_WINDOW}.
 */
final class ConsoleSession {

  /** How long a verified code lets the admin take destructive actions without another code. */
  static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(5);

  private static final String CONFIRMED_AT = "stepup.console.confirmedAt";
  private static final HttpSessionSecurityContextRepository CONTEXTS =
      new HttpSessionSecurityContextRepository();

  private ConsoleSession() {}

  /**
   * The second factor was verified at sign-in: the session gets a new id and full admin rights, and
   * counts as freshly confirmed.
   */
  static void completeSignIn(
      HttpServletRequest request, HttpServletResponse response, String username, Instant now) {
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            username, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    SecurityContextHolder.setContext(context);
    CONTEXTS.saveContext(context, request, response);
    confirmed(request, now);
  }

  /** The admin entered a current code again. */
  static void confirmed(HttpServletRequest request, Instant now) {
    request.getSession(true).setAttribute(CONFIRMED_AT, now);
  }

  /** Whether the admin proved their second factor within the window. */
  static boolean freshlyConfirmed(HttpServletRequest request, Instant now) {
    HttpSession session = request.getSession(false);
    return session != null
        && session.getAttribute(CONFIRMED_AT) instanceof Instant at
        && !now.isBefore(at)
        && now.isBefore(at.plus(CONFIRMATION_WINDOW));
  }

  /** A console page to go back to: only a path inside the console, never another site. */
  static String safeReturn(String then) {
    if (then == null
        || !(then.equals("/admin") || then.startsWith("/admin/"))
        || then.contains("//")
        || then.contains("\\")
        || then.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      return "/admin";
    }
    return then;
  }
}
