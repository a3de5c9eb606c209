package dev.stepup.adapter.in.web.api.cors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Lets {@link BrowserCors} answer for the controllers' handler mapping, which asks it once the
 * handler and path variables of a request (or preflight) are known.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserCorsConfiguration {

  @Bean
  static BeanPostProcessor browserCorsOnHandlerMappings(ObjectProvider<BrowserCors> cors) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerMapping mapping) {
          // Looked up once, on first use: a post-processor must not pull the use cases in early.
          SingletonSupplier<BrowserCors> source = SingletonSupplier.of(cors::getObject);
          mapping.setCorsConfigurationSource(
              request -> source.obtain().getCorsConfiguration(request));
        }
        return bean;
      }
    };
  }
}
