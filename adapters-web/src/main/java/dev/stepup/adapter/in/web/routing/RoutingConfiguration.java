package dev.stepup.adapter.in.web.routing;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Routes requests to controllers with {@link SievedHandlerMapping}. Spring Boot uses registrations
 * only if they are unique or primary, and htmx's auto-configuration registers its own: with two and
 * neither primary, Spring silently used neither. These are primary and hand htmx's adapter and
 * exception resolver through, so its features stay as they were.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

  @Bean
  @Primary
  WebMvcRegistrations prefixFilteredRouting(ObjectProvider<HtmxMvcAutoConfiguration> htmx) {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new SievedHandlerMapping();
      }

      @Override
      public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        HtmxMvcAutoConfiguration registered = htmx.getIfAvailable();
        return registered == null ? null : registered.getRequestMappingHandlerAdapter();
      }

      @Override
      public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
        HtmxMvcAutoConfiguration registered = htmx.getIfAvailable();
        return registered == null ? null : registered.getExceptionHandlerExceptionResolver();
      }
    };
  }
}
