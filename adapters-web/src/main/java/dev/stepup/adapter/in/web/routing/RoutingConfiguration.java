package dev.stepup.adapter.in.web.routing;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Routes requests to controllers with {@link PrefixFilteredHandlerMapping}. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

  @Bean
  WebMvcRegistrations prefixFilteredRouting() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefixFilteredHandlerMapping();
      }
    };
  }
}
