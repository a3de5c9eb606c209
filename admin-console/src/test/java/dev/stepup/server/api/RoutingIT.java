package dev.stepup.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.adapter.in.web.routing.PrefixFilteredHandlerMapping;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxExceptionHandlerExceptionResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The running server routes controllers with the prefix-filtered mapping, and htmx's pieces of
 * Spring MVC stay in place beside it (two unranked registrations made Spring use neither).
 */
class RoutingIT extends ApiTestServer {

  @Autowired ApplicationContext context;

  @Test
  void controllersAreRoutedByThePrefixFilteredMappingAndHtmxKeepsItsResolver() {
    assertThat(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))
        .isInstanceOf(PrefixFilteredHandlerMapping.class);
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
}
