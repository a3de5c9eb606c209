package dev.stepup.adapter.in.web.api.caller;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets API controllers take their authenticated {@link Caller} and the {@link ElevatedAccessToken}
 * it presents as parameters.
 */
@Configuration(proxyBeanMethods = false)
public class CallerConfiguration implements WebMvcConfigurer {

  static {
    // Both come from headers that the security schemes and operation descriptions document; the
    // parameters themselves are no part of the API document.
    SpringDocUtils.getConfig().addAnnotationsToIgnore(Caller.class, ElevatedAccessToken.class);
  }

  private final CallerArgumentResolver callers;
  private final ElevatedAccessTokenArgumentResolver elevatedTokens;

  public CallerConfiguration(
      CallerArgumentResolver callers, ElevatedAccessTokenArgumentResolver elevatedTokens) {
    this.callers = callers;
    this.elevatedTokens = elevatedTokens;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(callers);
    resolvers.add(elevatedTokens);
  }
}
