package dev.stepup.server;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.session.web.http.CookieSerializer.CookieValue;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * The console and the hosted pages never share an HTTP session, and the API has none. The console's
 * session cookie is {@value #CONSOLE} ({@code server.servlet.session.cookie}, {@code Path=/admin});
 * a session made while serving any other page (the hosted pages hold step-up state in theirs) is
 * handed out as {@value #HOSTED} with {@code Path=/hosted}, and only that cookie is read outside
 * the console. Both are {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} over https. A
 * session id starts with its area's prefix, so a swapped cookie is not resumed in the other area.
 * Requests under {@code /api/} are bearer-authenticated: no session id is read for them, so they
 * never cost a session query.
 */
final class SessionCookieAreas implements HttpSessionIdResolver {

  static final String CONSOLE = "stepup_console";
  static final String HOSTED = "stepup_hosted";
  static final String HOSTED_PATH = "/hosted";

  /** Which side of the server a request belongs to, for its session. */
  enum Area {
    CONSOLE("c."),
    HOSTED("h."),
    /** Bearer-authenticated API calls: no session is read or made. */
    API("-");

    /** How this area's session ids begin, so an id is only ever looked up in its own area. */
    final String prefix;

    Area(String prefix) {
      this.prefix = prefix;
    }

    /** A new session id of this area: the prefix and a random UUID. */
    String newId() {
      return prefix + UUID.randomUUID();
    }

    static Area of(HttpServletRequest request) {
      // An error page is rendered for the request that failed: judge that request's address.
      Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      String uri = failed instanceof String s ? s : request.getRequestURI();
      if (console(uri)) {
        return CONSOLE;
      }
      return uri != null && uri.startsWith("/api/") ? API : HOSTED;
    }
  }

  private final DefaultCookieSerializer console;
  private final DefaultCookieSerializer hosted;

  /**
   * @param consoleName the console cookie's name ({@code server.servlet.session.cookie.name})
   * @param consolePath its path ({@code server.servlet.session.cookie.path})
   */
  SessionCookieAreas(String consoleName, String consolePath) {
    this.console = serializer(consoleName == null ? CONSOLE : consoleName, consolePath);
    this.hosted = serializer(HOSTED, HOSTED_PATH);
  }

  /** The console: its sign-in form and everything under {@code /admin}. */
  static boolean console(String uri) {
    return uri != null
        && (uri.equals("/admin") || uri.startsWith("/admin/") || uri.equals("/login"));
  }

  @Override
  public List<String> resolveSessionIds(HttpServletRequest request) {
    Area area = Area.of(request);
    List<String> ids =
        switch (area) {
          case CONSOLE -> console.readCookieValues(request);
          case HOSTED -> hosted.readCookieValues(request);
          case API -> List.of();
        };
    // An id made in the other area (a swapped cookie) is not even looked up.
    return ids.stream().filter(id -> id.startsWith(area.prefix)).toList();
  }

  @Override
  public void setSessionId(HttpServletRequest request, HttpServletResponse response, String id) {
    write(request, response, id);
  }

  @Override
  public void expireSession(HttpServletRequest request, HttpServletResponse response) {
    write(request, response, "");
  }

  private void write(HttpServletRequest request, HttpServletResponse response, String value) {
    switch (Area.of(request)) {
      case CONSOLE -> console.writeCookieValue(new CookieValue(request, response, value));
      case HOSTED -> hosted.writeCookieValue(new CookieValue(request, response, value));
      case API -> {} // never a session cookie on the API
    }
  }

  private static DefaultCookieSerializer serializer(String name, String path) {
    DefaultCookieSerializer cookie = new DefaultCookieSerializer();
    cookie.setCookieName(name);
    cookie.setCookiePath(path == null ? "/" : path);
    cookie.setUseHttpOnlyCookie(true);
    cookie.setSameSite("Lax");
    // The id as it is (a random UUID), as the servlet container wrote it before.
    cookie.setUseBase64Encoding(false);
    // Secure follows the request: set over https, left off on plain http (development).
    return cookie;
  }
}
