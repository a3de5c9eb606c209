package dev.stepup.server;

import dev.stepup.application.port.in.environment.FindEnvironmentsUseCase;
import dev.stepup.domain.method.VerificationMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The {@code prod} profile refuses to start with the embedded defaults that are unsafe there: a
 * master key generated beside the database it protects, and codes with nowhere real to go. The
 * configuration is checked before any bean exists (so no key file is generated), the environments'
 * methods once the database is open; every problem is named at once.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionSafeguards {

  @Bean
  static BeanFactoryPostProcessor productionConfiguration(Environment spring) {
    return beanFactory -> {
      List<String> problems = configurationProblems(spring);
      if (!problems.isEmpty()) {
        throw refused(problems);
      }
    };
  }

  @Bean
  SmartInitializingSingleton productionMethods(
      StepUpProperties stepUp, FindEnvironmentsUseCase environments) {
    return () -> {
      if (stepUp.sms().gatewayUrl() != null) {
        return;
      }
      environments.all().stream()
          .filter(e -> e.settings().isEnabled(VerificationMethod.SMS_OTP))
          .findFirst()
          .ifPresent(
              e -> {
                throw refused(
                    List.of(
                        "stepup.sms.gateway-url is not set, but environment "
                            + e.id().value()
                            + " enables SMS codes: set a gateway or turn SMS off in the"
                            + " console."));
              });
    };
  }

  static List<String> configurationProblems(Environment spring) {
    List<String> problems = new ArrayList<>();
    if (blank(spring.getProperty("stepup.master-key"))) {
      String file = spring.getProperty("stepup.master-key-file");
      if (blank(file)) {
        problems.add(
            "No master key is configured: set stepup.master-key (STEPUP_MASTER_KEY) or"
                + " stepup.master-key-file to a file outside the data directory; a key"
                + " generated beside the database would leave a stolen backup readable.");
      } else {
        Path key = Path.of(file).toAbsolutePath().normalize();
        Path data =
            Path.of(spring.getProperty("stepup.data-dir", "data")).toAbsolutePath().normalize();
        if (key.startsWith(data)) {
          problems.add(
              "stepup.master-key-file "
                  + key
                  + " is inside the data directory "
                  + data
                  + ": keep the key apart from the database it protects.");
        } else if (!Files.isReadable(key)) {
          problems.add("stepup.master-key-file " + key + " cannot be read.");
        }
      }
    }
    if (blank(spring.getProperty("spring.mail.host"))) {
      problems.add(
          "spring.mail.host is not set: codes and notices are emailed, and production has no"
              + " development outbox.");
    }
    return problems;
  }

  private static IllegalStateException refused(List<String> problems) {
    return new IllegalStateException(
        "The prod profile refuses to start:\n - " + String.join("\n - ", problems));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
