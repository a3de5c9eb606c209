package dev.stepup.adapter.out.persistence.cache;

import static dev.stepup.domain.testdata.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.InMemoryApiKeys;
import dev.stepup.application.fakes.InMemoryEnvironments;
import dev.stepup.application.fakes.InMemorySessions;
import dev.stepup.application.fakes.InMemoryUsers;
import dev.stepup.domain.access.ApiKey;
import dev.stepup.domain.access.ApiPermission;
import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.RedirectAllowList;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a cached port hands out is what the store holds, field for field, on the first read and on a
 * read served from memory; and a change through the port is seen by the next read.
 */
class CachedPortsTest {

  private static final Duration TTL = Duration.ofMinutes(1);
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final EnvironmentId ENV = new EnvironmentId("demo");

  @Test
  void anEnvironmentKeepsEverySetting() {
    InMemoryEnvironments stored = new InMemoryEnvironments();
    Environment environment =
        new Environment(
            ENV,
            "Demo",
            StepUpSettings.defaults()
                .withMethod(VerificationMethod.SMS_OTP, false)
                .withAction(
                    new ProtectedAction(Scope.WALLET_EXPORT, Enforcement.MONITOR, TokenUse.MULTI)),
            RedirectAllowList.of(List.of("https://app.example.com/done")));
    environment.allowSignUp(true);
    environment.allowBrowserOrigins(BrowserOrigins.of(List.of("https://app.example.com")));
    stored.save(environment);
    CachedEnvironments cached = new CachedEnvironments(stored, TTL);

    for (int read = 0; read < 2; read++) {
      assertThat(cached.find(ENV).orElseThrow())
          .usingRecursiveComparison()
          .isEqualTo(stored.find(ENV).orElseThrow());
    }
    Environment changed = cached.find(ENV).orElseThrow();
    changed.allowSignUp(false);
    changed.allowBrowserOrigins(BrowserOrigins.none());
    cached.save(changed);
    assertThat(cached.find(ENV).orElseThrow().allowsSignUp()).isFalse();
    assertThat(cached.find(ENV).orElseThrow().browserOrigins().entries()).isEmpty();
    assertThat(cached.find(ENV).orElseThrow().settings().action(Scope.WALLET_EXPORT).enforcement())
        .isEqualTo(Enforcement.MONITOR);
  }

  @Test
  void aUserKeepsEveryCredential() {
    InMemoryUsers stored = new InMemoryUsers();
    User user = aUser().withEmail("ann@example.com").withPasskey().withTotp().build();
    stored.save(user);
    CachedUsers cached = new CachedUsers(stored, TTL);

    for (int read = 0; read < 2; read++) {
      assertThat(cached.find(user.environmentId(), user.id()).orElseThrow())
          .usingRecursiveComparison()
          .isEqualTo(stored.find(user.environmentId(), user.id()).orElseThrow());
    }
  }

  @Test
  void aSessionKeepsItsUseAndEnd() {
    InMemorySessions stored = new InMemorySessions();
    Session session =
        new Session(
            new SessionId("ses_1"),
            ENV,
            aUser().build().id(),
            Optional.empty(),
            T0,
            T0.plus(Duration.ofHours(12)),
            T0.plusSeconds(90),
            Duration.ofMinutes(30),
            null);
    stored.create(session, "digest-1");
    CachedSessions cached = new CachedSessions(stored, TTL);

    for (int read = 0; read < 2; read++) {
      assertThat(cached.findByTokenDigest("digest-1").orElseThrow())
          .usingRecursiveComparison()
          .isEqualTo(stored.find(session.id()).orElseThrow());
    }
    Session ending = cached.find(session.id()).orElseThrow();
    ending.end(T0.plusSeconds(120));
    cached.save(ending);
    assertThat(cached.findByTokenDigest("digest-1").orElseThrow().endedAt())
        .contains(T0.plusSeconds(120));
  }

  @Test
  void anApiKeyKeepsItsPermissionsUseAndRevocation() {
    InMemoryApiKeys stored = new InMemoryApiKeys();
    ApiKey key =
        new ApiKey(
            "key_1",
            ENV,
            "backend",
            "digest-k",
            T0,
            Set.of(ApiPermission.USERS_READ),
            Optional.of(T0.plus(Duration.ofDays(30))),
            T0.plusSeconds(60),
            null);
    stored.save(key);
    CachedApiKeys cached = new CachedApiKeys(stored, TTL);

    for (int read = 0; read < 2; read++) {
      assertThat(cached.findByDigest("digest-k").orElseThrow())
          .usingRecursiveComparison()
          .isEqualTo(stored.findByDigest("digest-k").orElseThrow());
    }
    ApiKey revoking = cached.findByDigest("digest-k").orElseThrow();
    revoking.revoke(T0.plusSeconds(300));
    cached.save(revoking);
    assertThat(cached.findByDigest("digest-k").orElseThrow().revokedAt())
        .contains(T0.plusSeconds(300));
  }
}
