package dev.stepup.adapter.in.web.api.version;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every REST API request has its API version read first. */
@Configuration(proxyBeanMethods = false)
public class ApiVersionWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiVersionInterceptor()).addPathPatterns("/api/**");
  }
}
