package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which session cookie each side of the server reads and writes, and how it is marked. */
class SessionCookieAreasTest {

  private final SessionCookieAreas areas = new SessionCookieAreas("stepup_console", "/admin");

  private static MockHttpServletRequest request(String uri, Cookie... cookies) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    if (cookies.length > 0) {
      request.setCookies(cookies);
    }
    return request;
  }

  @Test
  void theConsoleCookieIsHttpOnlyLaxOnAdminAndSecureOnlyOverHttps() {
    MockHttpServletResponse plain = new MockHttpServletResponse();
    areas.setSessionId(request("/admin/users"), plain, "c.1");
    assertThat(plain.getHeader("Set-Cookie"))
        .startsWith("stepup_console=c.1;")
        .contains("Path=/admin", "HttpOnly", "SameSite=Lax")
        .doesNotContain("Secure", "Max-Age");

    MockHttpServletRequest https = request("/login");
    https.setSecure(true);
    MockHttpServletResponse secure = new MockHttpServletResponse();
    areas.setSessionId(https, secure, "c.2");
    assertThat(secure.getHeader("Set-Cookie")).startsWith("stepup_console=c.2;").contains("Secure");
  }

  @Test
  void hostedPagesGetTheirOwnCookieOnHostedAndItExpiresOnSignOut() {
    MockHttpServletRequest https = request("/hosted/demo/account");
    https.setSecure(true);
    MockHttpServletResponse made = new MockHttpServletResponse();
    areas.setSessionId(https, made, "h.1");
    assertThat(made.getHeader("Set-Cookie"))
        .startsWith("stepup_hosted=h.1;")
        .contains("Path=/hosted", "HttpOnly", "SameSite=Lax", "Secure");

    MockHttpServletResponse ended = new MockHttpServletResponse();
    areas.expireSession(request("/hosted/demo/sign-out"), ended);
    assertThat(ended.getHeader("Set-Cookie")).startsWith("stepup_hosted=;").contains("Max-Age=0");
  }

  @Test
  void eachAreaReadsOnlyItsOwnCookieAndOnlyIdsItMade() {
    Cookie console = new Cookie("stepup_console", "c.1");
    Cookie hosted = new Cookie("stepup_hosted", "h.1");
    assertThat(areas.resolveSessionIds(request("/admin", console, hosted))).containsExactly("c.1");
    assertThat(areas.resolveSessionIds(request("/hosted/demo/wallet", console, hosted)))
        .containsExactly("h.1");
    // A swapped cookie: the other area's id under this area's name is not even looked up.
    assertThat(areas.resolveSessionIds(request("/admin", new Cookie("stepup_console", "h.1"))))
        .isEmpty();
    assertThat(
            areas.resolveSessionIds(
                request("/hosted/demo/wallet", new Cookie("stepup_hosted", "c.1"))))
        .isEmpty();
  }

  @Test
  void apiRequestsReadNoSessionAndGetNoCookie() {
    MockHttpServletRequest api =
        request(
            "/api/v1/environments/demo/step-up/check",
            new Cookie("stepup_hosted", "h.1"),
            new Cookie("stepup_console", "c.1"));
    assertThat(areas.resolveSessionIds(api)).isEmpty();
    MockHttpServletResponse response = new MockHttpServletResponse();
    areas.setSessionId(api, response, "h.2");
    assertThat(response.getHeader("Set-Cookie")).isNull();
  }

  @Test
  void anErrorPageBelongsToTheAreaOfTheRequestThatFailed() {
    MockHttpServletRequest error = request("/error", new Cookie("stepup_console", "c.1"));
    error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/admin/users");
    assertThat(areas.resolveSessionIds(error)).containsExactly("c.1");
  }
}
