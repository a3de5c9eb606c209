package dev.stepup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.bootstrap.BootstrapCommand;
import dev.stepup.application.port.in.bootstrap.BootstrapResult;
import dev.stepup.application.port.in.bootstrap.BootstrapUseCase;
import dev.stepup.application.port.in.environment.ManageSocialProvidersUseCase;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.social.SocialProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.dao.DuplicateKeyException;

/**
 * Nodes started together on an empty shared database all try the first-start bootstrap; the
 * database's unique keys let one commit and refuse the others' rows. A node that loses must start
 * as a node of an installed server, not fail (an exception here ends the server's start).
 */
class FirstStartBootstrapTest {

  @Test
  void aNodeThatLosesTheFirstStartRaceStartsLikeANodeOfAnInstalledServer() {
    List<BootstrapCommand> calls = new ArrayList<>();
    BootstrapUseCase lostTheRace =
        command -> {
          calls.add(command);
          if (calls.size() == 1) {
            // What the PostgreSQL adapter throws when another node's admin row committed first.
            throw new DuplicateKeyException("duplicate key value violates admin_accounts_pkey");
          }
          return new BootstrapResult(false, "admin", Optional.empty(), Optional.empty());
        };
    FirstStartBootstrap bootstrap =
        new FirstStartBootstrap(lostTheRace, new NoProviders(), properties());

    bootstrap.onReady(ready());

    assertThat(calls).hasSize(2);
  }

  private static StepUpProperties properties() {
    return new StepUpProperties(
        null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static ApplicationReadyEvent ready() {
    GenericApplicationContext context = new GenericApplicationContext();
    return new ApplicationReadyEvent(
        new SpringApplication(), new String[0], context, Duration.ZERO);
  }

  private static final class NoProviders implements ManageSocialProvidersUseCase {
    @Override
    public void register(
        SocialProvider provider, String clientSecret, String actor, RequestOrigin origin) {
      throw new AssertionError("no provider is configured");
    }

    @Override
    public List<SocialProvider> providers(EnvironmentId environmentId) {
      return List.of();
    }
  }
}
