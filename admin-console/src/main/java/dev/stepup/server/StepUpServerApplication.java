package dev.stepup.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The composition root: the only place that sees every adapter. Controllers of the inbound adapters
 * are found by scanning; everything else is assembled by the {@code @Bean} methods of this package,
 * so the application ring never meets Spring.
 */
@SpringBootApplication(scanBasePackages = {"dev.stepup.server", "dev.stepup.adapter.in"})
@EnableConfigurationProperties({StepUpProperties.class, SessionProperties.class})
public class StepUpServerApplication {

  public static void main(String[] args) {
    if (RotateMasterKeyCommand.isRequested(args)) {
      System.exit(RotateMasterKeyCommand.run(args, System.out));
    }
    SpringApplication.run(StepUpServerApplication.class, args);
  }
}
