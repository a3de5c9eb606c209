package dev.stepup.adapter.in.web.routing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

class SievedHandlerMappingTest {

  @RestController
  static class Routes {
    @PostMapping("/api/v1/environments/{environmentId}/elevated-tokens")
    String issue() {
      return "issue";
    }

    @GetMapping("/api/v1/environments/{environmentId}/elevated-tokens/{tokenId}")
    String read() {
      return "read";
    }

    @PostMapping("/api/v1/environments/{environmentId}/elevated-tokens/introspect")
    String introspect() {
      return "introspect";
    }

    @GetMapping("/api/v1/environments/{environmentId}/keys/{number:\\d+}")
    String key() {
      return "key";
    }

    @GetMapping("/api/v1/environments/{environmentId}/exports/{name}.json")
    String export() {
      return "export";
    }

    @PostMapping("/hosted/{environmentId}/step-up")
    String hosted() {
      return "hosted";
    }

    @GetMapping("/{page}")
    String page() {
      return "page";
    }

    @GetMapping("/.well-known/jwks.json")
    String jwks() {
      return "jwks";
    }

    @GetMapping("/files/**")
    String files() {
      return "files";
    }
  }

  private final SievedHandlerMapping filtered = started(new SievedHandlerMapping());
  private final RequestMappingHandlerMapping spring = started(new RequestMappingHandlerMapping());

  @ParameterizedTest
  @CsvSource({
    "POST, /api/v1/environments/demo/elevated-tokens",
    "POST, /api/v1/environments/%64emo/elevated-tokens",
    "POST, /api/v1/environments/demo;v=1/elevated-tokens",
    "POST, /api/v1/environments/demo/elevated-tokens/",
    "GET, /api/v1/environments/demo/elevated-tokens/t1",
    "GET, /api/v1/environments/demo/elevated-tokens/t1/",
    "GET, /api/v1/environments/demo/elevated-tokens/t1/more",
    "GET, /api/v1/environments//elevated-tokens/t1",
    "POST, /api/v1/environments/demo/elevated-tokens/introspect",
    "GET, /api/v1/environments/demo/elevated-tokens/introspect",
    "POST, /api/v1/environments/demo/Elevated-tokens/introspect",
    "GET, /api/v1/environments/demo/keys/12",
    "GET, /api/v1/environments/demo/keys/twelve",
    "GET, /api/v1/environments/demo/exports/all.json",
    "GET, /api/v1/environments/demo/exports/all",
    "GET, /API/v1/environments/demo/elevated-tokens/t1",
    "GET, //api/v1/environments/demo/elevated-tokens/t1",
    "PUT, /api/v1/environments/demo/elevated-tokens",
    "POST, /hosted/demo/step-up",
    "GET, /hosted/demo/step-up",
    "GET, /about",
    "GET, /.well-known/jwks.json",
    "GET, /files/a/b",
    "GET, /nowhere/at/all",
    "GET, /"
  })
  void routesEveryRequestAsSpringDoes(String method, String path) {
    assertThat(route(filtered, method, path)).isEqualTo(route(spring, method, path));
  }

  @Test
  void setsAsideMappingsWhoseTextOrSegmentsThePathCannotHave() {
    assertThat(setAside("/api/v1/environments/demo/elevated-tokens"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "issue", false,
                "read", true,
                "introspect", true,
                "key", false, // a regular expression: only its beginning is compared
                "export", false,
                "hosted", true,
                "page", false,
                "jwks", true,
                "files", true));
    assertThat(setAside("/api/v1/environments/demo/elevated-tokens/introspect"))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "issue", true,
                "read", false,
                "introspect", false,
                "key", false,
                "export", false,
                "hosted", true,
                "page", false,
                "jwks", true,
                "files", true));
  }

  @Test
  void aPathWithAnEmptySegmentIsToldApartByItsBeginningOnly() {
    assertThat(setAside("/api/v1/environments/demo/elevated-tokens/"))
        .containsEntry("issue", false)
        .containsEntry("read", false)
        .containsEntry("hosted", true);
    assertThat(setAside("/api/v1/environments//elevated-tokens"))
        .containsEntry("issue", false)
        .containsEntry("introspect", false);
  }

  /** Whether each route's mapping is set aside for a POST to {@code path}. */
  private Map<String, Boolean> setAside(String path) {
    MockHttpServletRequest request = request("POST", path);
    Map<String, Boolean> setAside = new java.util.TreeMap<>();
    filtered
        .getHandlerMethods()
        .forEach(
            (info, handler) ->
                setAside.put(handler.getMethod().getName(), filtered.setsAside(info, request)));
    return setAside;
  }

  @Test
  void withCaseInsensitivePatternsSpringAloneDecides() {
    PathPatternParser insensitive = new PathPatternParser();
    insensitive.setCaseSensitive(false);
    SievedHandlerMapping sieved = new SievedHandlerMapping();
    sieved.setPatternParser(insensitive);
    RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
    plain.setPatternParser(insensitive);
    started(sieved);
    started(plain);
    for (String path :
        List.of(
            "/API/v1/environments/demo/elevated-tokens",
            "/api/v1/environments/demo/ELEVATED-TOKENS/introspect",
            "/Hosted/demo/step-up")) {
      assertThat(route(sieved, "POST", path))
          .as(path)
          .isEqualTo(route(plain, "POST", path))
          .isNotEqualTo("no handler");
    }
  }

  @Test
  void aPathSpringDecodesIsLeftToSpring() {
    RequestMappingInfo hosted =
        filtered.getHandlerMethods().entrySet().stream()
            .filter(entry -> entry.getValue().getMethod().getName().equals("hosted"))
            .findFirst()
            .orElseThrow()
            .getKey();
    assertThat(filtered.setsAside(hosted, request("POST", "/%68osted/demo/step-up"))).isFalse();
    assertThat(filtered.setsAside(hosted, request("POST", "/api;x/demo/step-up"))).isFalse();
    assertThat(filtered.setsAside(hosted, request("POST", "/api/demo/step-up"))).isTrue();
  }

  @Test
  void aMappingNotRegisteredHereIsLeftToSpring() {
    RequestMappingInfo elsewhere =
        RequestMappingInfo.paths("/hosted/{environmentId}/step-up")
            .options(spring.getBuilderConfiguration())
            .build();
    assertThat(filtered.setsAside(elsewhere, request("POST", "/api/demo/step-up"))).isFalse();
  }

  private static <M extends RequestMappingHandlerMapping> M started(M mapping) {
    StaticApplicationContext context = new StaticApplicationContext();
    context.registerSingleton("routes", Routes.class);
    context.refresh();
    mapping.setApplicationContext(context);
    mapping.afterPropertiesSet();
    return mapping;
  }

  private static MockHttpServletRequest request(String method, String path) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    org.springframework.web.util.ServletRequestPathUtils.parseAndCache(request);
    return request;
  }

  /** The handler and path variables a request is routed to, or the refusal Spring raises. */
  private static String route(RequestMappingHandlerMapping mapping, String method, String path) {
    HttpServletRequest request = request(method, path);
    try {
      HandlerExecutionChain chain = mapping.getHandler(request);
      if (chain == null) {
        return "no handler";
      }
      return ((HandlerMethod) chain.getHandler()).getMethod().getName()
          + " "
          + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    } catch (Exception refused) {
      return refused.getClass().getSimpleName();
    }
  }
}
