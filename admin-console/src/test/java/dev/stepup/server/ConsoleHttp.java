package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for console tests over real HTTP: keeps cookies as a browser does (by
 * name and path), reads CSRF tokens from pages, and walks the two-step sign-in.
 */
public final class ConsoleHttp {

  private static final Pattern CSRF_TAG =
      Pattern.compile("<(?:input|meta)[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern CSRF_VALUE = Pattern.compile("(?:value|content)=\"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("id=\"totp-key\">([A-Z2-7 ]+)<");

  public final String base;
  public final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  public ConsoleHttp(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Posts a form as the page {@code from} would, with that page's CSRF token. */
  public HttpResponse<String> post(String from, String action, Map<String, String> form)
      throws Exception {
    return post(from, action, form, Map.of());
  }

  public HttpResponse<String> post(
      String from, String action, Map<String, String> form, Map<String, String> headers)
      throws Exception {
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.put("_csrf", csrf(get(from).body()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    headers.forEach(request::header);
    return send(request);
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The password step; answers where it leads. */
  public HttpResponse<String> password(String username, String password) throws Exception {
    return post("/login", "/login", Map.of("username", username, "password", password));
  }

  /** Enrols an authenticator app from the enrolment page with the code of {@code at}. */
  public byte[] enrol(Instant at) throws Exception {
    HttpResponse<String> page = get("/admin/sign-in/enrol");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher key = KEY.matcher(page.body());
    assertThat(key.find()).as(page.body()).isTrue();
    byte[] secret = AdminTotp.secret(key.group(1));
    HttpResponse<String> done =
        post(
            "/admin/sign-in/enrol",
            "/admin/sign-in/enrol",
            Map.of("code", AdminTotp.code(secret, at)));
    assertThat(location(done)).as(done.body()).isEqualTo("/admin");
    return secret;
  }

  /** The second step with the code of {@code at}. */
  public HttpResponse<String> code(byte[] secret, Instant at) throws Exception {
    return post(
        "/admin/sign-in/second-factor",
        "/admin/sign-in/second-factor",
        Map.of("code", AdminTotp.code(secret, at)));
  }

  /** Where a redirect leads, as a path (with its query) on this server. */
  public static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .map(URI::create)
        .map(u -> u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()))
        .orElse("(none)");
  }

  /** The cookie of that name the browser keeps, if any. */
  public HttpCookie cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  public static String csrf(String page) {
    Matcher tag = CSRF_TAG.matcher(page);
    assertThat(tag.find()).as(page).isTrue();
    Matcher value = CSRF_VALUE.matcher(tag.group());
    assertThat(value.find()).as(tag.group()).isTrue();
    return value.group(1);
  }

  private static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
