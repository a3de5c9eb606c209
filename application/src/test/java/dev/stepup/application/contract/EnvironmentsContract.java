package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.version.LegacyMfaUses;
import dev.stepup.domain.environment.ApiVersion;
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
import dev.stepup.domain.version.LegacyMfaUse;
import dev.stepup.domain.version.LegacyUseCount;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Environments} promises: every setting round-trips; listed by id. */
public abstract class EnvironmentsContract extends PortContract {

  Environments environments;

  @BeforeEach
  void environments() {
    environments = stores.environments();
  }

  @Test
  void hostScopesAndLifetimesRoundTripPerEnvironment() {
    Scope pay = Scope.host("payments:send", "send a payment");
    Environment env = environments.find(ENV).orElseThrow();
    env.reconfigure(
        env.settings()
            .withHostScope(
                new ProtectedAction(
                    pay, Enforcement.MONITOR, TokenUse.MULTI, Duration.ofMinutes(3)))
            .withAction(
                ProtectedAction.byDefault(Scope.WALLET_EXPORT)
                    .withLifetime(Duration.ofMinutes(1))));
    environments.save(env);

    StepUpSettings loaded = environments.find(ENV).orElseThrow().settings();
    ProtectedAction action = loaded.action(Scope.parse("payments:send"));
    assertThat(action.scope().action()).isEqualTo("send a payment");
    assertThat(action.enforcement()).isEqualTo(Enforcement.MONITOR);
    assertThat(action.tokenUse()).isEqualTo(TokenUse.MULTI);
    assertThat(action.lifetime()).isEqualTo(Duration.ofMinutes(3));
    assertThat(loaded.action(Scope.WALLET_EXPORT).lifetime()).isEqualTo(Duration.ofMinutes(1));
    assertThat(loaded.action(Scope.WALLET_SIGN).lifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(environments.find(OTHER_ENV).orElseThrow().settings().knows(pay)).isFalse();

    Environment again = environments.find(ENV).orElseThrow();
    again.reconfigure(again.settings().withoutHostScope(pay));
    environments.save(again);
    assertThat(environments.find(ENV).orElseThrow().settings().knows(pay)).isFalse();
  }

  @Test
  void environmentSettingsRoundTripWithEveryField() {
    StepUpSettings custom =
        new StepUpSettings(
            false,
            EnumSet.of(VerificationMethod.EMAIL_OTP, VerificationMethod.TOTP),
            Map.of(
                Scope.WALLET_SIGN, new ProtectedAction(Scope.WALLET_SIGN, false, TokenUse.SINGLE),
                Scope.WALLET_EXPORT, new ProtectedAction(Scope.WALLET_EXPORT, true, TokenUse.MULTI),
                Scope.WALLET_REFRESH,
                    new ProtectedAction(
                        Scope.WALLET_REFRESH, Enforcement.MONITOR, TokenUse.MULTI)));
    Environment env = environments.find(ENV).orElseThrow();
    env.rename("Production");
    env.reconfigure(custom);
    environments.save(env);

    Environment loaded = environments.find(ENV).orElseThrow();
    assertThat(loaded.name()).isEqualTo("Production");
    assertThat(loaded.settings()).isEqualTo(custom);
    assertThat(environments.all()).extracting(e -> e.id().value()).containsExactly("demo", "other");
    assertThat(environments.find(new EnvironmentId("nope"))).isEmpty();
  }

  @Test
  void theMinimumApiVersionRoundTripsAndStartsUnset() {
    assertThat(environments.find(ENV).orElseThrow().minimumApiVersion())
        .isEqualTo(ApiVersion.LEGACY);
    Environment env = environments.find(ENV).orElseThrow();
    env.requireApiVersion(ApiVersion.V2026_04_01);
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().minimumApiVersion())
        .isEqualTo(ApiVersion.V2026_04_01);
    assertThat(environments.find(new EnvironmentId("other")).orElseThrow().minimumApiVersion())
        .isEqualTo(ApiVersion.LEGACY);
  }

  @Test
  void legacyUsesAreCountedByKindAndVersionFromADayOn() {
    LegacyMfaUses uses = stores.legacyMfaUses();
    LocalDate today = LocalDate.of(2026, 4, 2);
    uses.record(ENV, today, LegacyMfaUse.CHECK, ApiVersion.LEGACY);
    uses.record(ENV, today, LegacyMfaUse.CHECK, ApiVersion.LEGACY);
    uses.record(ENV, today.minusDays(1), LegacyMfaUse.TOKEN_USED, ApiVersion.V2026_04_01);
    uses.record(ENV, today.minusDays(40), LegacyMfaUse.CHECK, ApiVersion.LEGACY);
    uses.record(new EnvironmentId("other"), today, LegacyMfaUse.CHECK, ApiVersion.LEGACY);

    assertThat(uses.countSince(ENV, today.minusDays(29)))
        .containsExactlyInAnyOrder(
            new LegacyUseCount(LegacyMfaUse.CHECK, ApiVersion.LEGACY, 2),
            new LegacyUseCount(LegacyMfaUse.TOKEN_USED, ApiVersion.V2026_04_01, 1));
  }

  @Test
  void allowedRedirectsRoundTripInOrder() {
    Environment env = environments.find(ENV).orElseThrow();
    env.allowRedirects(
        RedirectAllowList.of(List.of("https://b.example.com/cb", "http://localhost:3000")));
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().redirects().entries())
        .containsExactly("https://b.example.com/cb", "http://localhost:3000");
    assertThat(environments.find(OTHER_ENV).orElseThrow().redirects().entries()).isEmpty();
    env.allowRedirects(RedirectAllowList.none());
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().redirects().entries()).isEmpty();
  }

  @Test
  void browserOriginsRoundTripInOrderPerEnvironment() {
    assertThat(environments.find(ENV).orElseThrow().browserOrigins().entries()).isEmpty();
    Environment env = environments.find(ENV).orElseThrow();
    env.allowBrowserOrigins(
        BrowserOrigins.of(List.of("https://b.example.com", "http://localhost:3000")));
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().browserOrigins().entries())
        .containsExactly("https://b.example.com", "http://localhost:3000");
    assertThat(environments.find(OTHER_ENV).orElseThrow().browserOrigins().entries()).isEmpty();
    env.allowBrowserOrigins(BrowserOrigins.none());
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().browserOrigins().entries()).isEmpty();
  }

  @Test
  void signUpIsOffUntilAllowedAndRoundTrips() {
    assertThat(environments.find(ENV).orElseThrow().allowsSignUp()).isFalse();
    Environment env = environments.find(ENV).orElseThrow();
    env.allowSignUp(true);
    environments.save(env);
    assertThat(environments.find(ENV).orElseThrow().allowsSignUp()).isTrue();
    assertThat(environments.find(OTHER_ENV).orElseThrow().allowsSignUp()).isFalse();
    Environment created = Environment.create(new EnvironmentId("fresh"), "Fresh");
    created.allowSignUp(true);
    environments.save(created);
    assertThat(environments.find(new EnvironmentId("fresh")).orElseThrow().allowsSignUp()).isTrue();
  }

  @Test
  void newEnvironmentKeepsTheDefaults() {
    assertThat(environments.find(ENV).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
  }

  @Test
  void aLoadedEnvironmentIsACopyUntilSaved() {
    Environment env = environments.find(ENV).orElseThrow();
    env.rename("Changed but not saved");
    assertThat(environments.find(ENV).orElseThrow().name()).isEqualTo("Demo");
  }
}
