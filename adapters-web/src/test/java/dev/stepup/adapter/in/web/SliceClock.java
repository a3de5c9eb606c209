package dev.stepup.adapter.in.web;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The server's clock in the web slice tests, fixed so pages and cookies are the same every run. */
@TestConfiguration(proxyBeanMethods = false)
public class SliceClock {

  @Bean
  Clock clock() {
    return Clock.fixed(WebSliceTest.NOW, ZoneOffset.UTC);
  }
}
