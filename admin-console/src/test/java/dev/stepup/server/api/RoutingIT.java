package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.adapter.in.web.routing.SievedHandlerMapping;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxExceptionHandlerExceptionResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The running server routes controllers with the sieved mapping, and htmx's pieces of Spring MVC
 * stay in place beside it (two unranked registrations made Spring use neither).
 */
class RoutingIT extends ApiTestServer {

  @Autowired ApplicationContext context;

  @Test
  void controllersAreRoutedByTheSievedMappingAndHtmxKeepsItsResolver() {
    assertThat(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))
        .isInstanceOf(SievedHandlerMapping.class);
    assertThat(context.getBean("handlerExceptionResolver", HandlerExceptionResolverComposite.class))
        .satisfies(
            composite ->
                assertThat(composite.getExceptionResolvers())
                    .filteredOn(ExceptionHandlerExceptionResolver.class::isInstance)
                    .singleElement()
                    .isInstanceOf(HtmxExceptionHandlerExceptionResolver.class));
    // Routed calls still answer as before: a path with a variable, and one no mapping has.
    TestUser user = newUser();
    assertThat(api.get(ENV + "/users/" + user.id(), API_KEY).text("id")).isEqualTo(user.id());
    assertThat(api.get(ENV + "/no-such-thing", API_KEY).status()).isEqualTo(404);
  }

  /**
   * Every path of every mapping the server has, and near misses of it (one segment more, one less,
   * a final slash, the last segment's case changed), is routed exactly as Spring's own mapping
   * routes it.
   */
  @Test
  void everyMappingsPathsAreRoutedAsSpringRoutesThem() {
    SievedHandlerMapping filtered =
        context.getBean("requestMappingHandlerMapping", SievedHandlerMapping.class);
    RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
    spring.setPatternParser(filtered.getPatternParser());
    spring.setEmbeddedValueResolver(
        new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
    spring.setApplicationContext(context);
    spring.afterPropertiesSet();
    List<String> requests = new ArrayList<>();
    filtered
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (info.getPathPatternsCondition() == null) {
                return;
              }
              for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = samplePath(pattern.getPatternString());
                for (RequestMethod method : methodsOf(info.getMethodsCondition().getMethods())) {
                  for (String variant : variants(path)) {
                    requests.add(method.name() + " " + variant);
                  }
                }
              }
            });
    assertThat(requests).hasSizeGreaterThan(400);
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      assertThat(route(filtered, parts[0], parts[1]))
          .as(request)
          .isEqualTo(route(spring, parts[0], parts[1]));
    }
  }

  private static List<RequestMethod> methodsOf(java.util.Set<RequestMethod> methods) {
    return methods.isEmpty()
        ? List.of(RequestMethod.GET, RequestMethod.POST)
        : List.copyOf(methods);
  }

  /** The pattern with a digit for each variable and a segment or two for each wildcard. */
  private static String samplePath(String pattern) {
    return pattern
        .replaceAll("\\{\\*[^}]*}", "a/b")
        .replaceAll("\\{[^}]*}", "7")
        .replace("**", "a/b")
        .replace("*", "a");
  }

  private static List<String> variants(String path) {
    int last = path.lastIndexOf('/');
    String tail = path.substring(last + 1);
    List<String> variants = new ArrayList<>(List.of(path, path + "/", path + "/more"));
    if (last > 0) {
      variants.add(path.substring(0, last));
    }
    if (!tail.isEmpty()) {
      variants.add(path.substring(0, last + 1) + tail.toUpperCase(java.util.Locale.ROOT));
    }
    return variants;
  }

  private static String route(RequestMappingHandlerMapping mapping, String method, String path) {
    HttpServletRequest request = new MockHttpServletRequest(method, path);
    ServletRequestPathUtils.parseAndCache(request);
    try {
      HandlerExecutionChain chain = mapping.getHandler(request);
      if (chain == null) {
        return "no handler";
      }
      return ((HandlerMethod) chain.getHandler()).getMethod().toGenericString()
          + " "
          + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    } catch (Exception refused) {
      return refused.getClass().getSimpleName();
    }
  }
}
