package dev.stepup.server;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Request logging: a correlation id and the environment in every log line of a request (JSON logs
 * with {@code logging.structured.format.console=ecs}, see README).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class RequestLoggingConfiguration {

  /** First of all filters, so that security's log lines carry the ids too. */
  @Bean
  FilterRegistrationBean<RequestCorrelation> requestCorrelation() {
    FilterRegistrationBean<RequestCorrelation> registration =
        new FilterRegistrationBean<>(new RequestCorrelation());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
