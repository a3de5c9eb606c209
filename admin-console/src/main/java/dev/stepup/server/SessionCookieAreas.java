package dev.stepup.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import org.apache.catalina.Session;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.CookieProcessor;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.ServerCookies;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The console and the hosted pages never share an HTTP session. The servlet session cookie is the
 * console's ({@code server.servlet.session.cookie}: {@value #CONSOLE}, {@code Path=/admin}); a
 * session made while serving any other page (the hosted pages hold step-up tokens in theirs) is
 * handed out as {@value #HOSTED} with {@code Path=/hosted} instead, and only that cookie is read
 * outside the console. So a hosted session presented to {@code /admin} is unknown there (the
 * sign-in page), and a console session never rides into the hosted pages.
 */
@Component
class SessionCookieAreas implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  static final String CONSOLE = "stepup_console";
  static final String HOSTED = "stepup_hosted";
  static final String HOSTED_PATH = "/hosted";

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          context.setCookieProcessor(new Renaming(context.getCookieProcessor()));
          context.getPipeline().addValve(new HostedSessionId());
        });
  }

  /** The console: its sign-in form and everything under {@code /admin}. */
  static boolean console(String uri) {
    return uri != null
        && (uri.equals("/admin") || uri.startsWith("/admin/") || uri.equals("/login"));
  }

  /**
   * Outside the console the session id comes from the hosted cookie only; and a session belongs to
   * the area that made it, so an id from the other area (a swapped cookie) is ignored, not resumed.
   */
  static final class HostedSessionId extends ValveBase {
    private static final String AREA = "stepup.session.area";

    HostedSessionId() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      String area = console(request.getRequestURI()) ? CONSOLE : HOSTED;
      if (area.equals(HOSTED)) {
        String id = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
          for (Cookie c : cookies) {
            if (HOSTED.equals(c.getName())) {
              id = c.getValue();
              break;
            }
          }
        }
        use(request, id);
      }
      String requested = request.getRequestedSessionId();
      if (requested != null) {
        Session existing = request.getContext().getManager().findSession(requested);
        if (existing != null && !area.equals(areaOf(existing))) {
          use(request, null);
        }
      }
      getNext().invoke(request, response);
      Session made = request.getSessionInternal(false);
      if (made != null && made.isValid() && areaOf(made) == null) {
        made.getSession().setAttribute(AREA, area);
      }
    }

    private static void use(Request request, String id) {
      request.setRequestedSessionId(id);
      request.setRequestedSessionCookie(id != null);
      request.setRequestedSessionURL(false);
    }

    private static Object areaOf(Session session) {
      try {
        return session.getSession().getAttribute(AREA);
      } catch (IllegalStateException invalidated) {
        return null;
      }
    }
  }

  /** Hands a session made outside the console out under the hosted name and path. */
  static final class Renaming implements CookieProcessor {
    private final CookieProcessor delegate;

    Renaming(CookieProcessor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void parseCookieHeader(MimeHeaders headers, ServerCookies serverCookies) {
      delegate.parseCookieHeader(headers, serverCookies);
    }

    @Override
    public String generateHeader(Cookie cookie, HttpServletRequest request) {
      if (CONSOLE.equals(cookie.getName()) && !console(request.getRequestURI())) {
        Cookie hosted = new Cookie(HOSTED, cookie.getValue());
        hosted.setPath(HOSTED_PATH);
        hosted.setHttpOnly(true);
        hosted.setSecure(cookie.getSecure());
        hosted.setMaxAge(cookie.getMaxAge());
        hosted.setAttribute("SameSite", "Lax");
        return delegate.generateHeader(hosted, request);
      }
      return delegate.generateHeader(cookie, request);
    }

    @Override
    public Charset getCharset() {
      return delegate.getCharset();
    }
  }
}
