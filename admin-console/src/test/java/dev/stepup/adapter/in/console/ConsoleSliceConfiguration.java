package dev.stepup.adapter.in.console;

import dev.stepup.application.fakes.XorSecretCipher;
import dev.stepup.application.service.operations.SealBrowserSecretsService;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The console slice tests' fixed clock and stand-in security chain. */
@TestConfiguration(proxyBeanMethods = false)
class ConsoleSliceConfiguration {

  @Bean
  Clock clock() {
    return Clock.fixed(ConsoleSliceTest.NOW, ZoneOffset.UTC);
  }

  /** The real sealing over the tests' stand-in cipher. */
  @Bean
  SealBrowserSecretsService sealBrowserSecrets() {
    return new SealBrowserSecretsService(new XorSecretCipher());
  }

  /** Signed-in pages and the console's own sign-in page (not Spring's generated one). */
  @Bean
  SecurityFilterChain consolePages(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            auth -> auth.requestMatchers("/login").permitAll().anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login"))
        .build();
  }
}
