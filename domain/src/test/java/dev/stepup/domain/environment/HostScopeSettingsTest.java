package dev.stepup.domain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.scope.UnknownScopeException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostScopeSettingsTest {

  private static final Scope PAY = Scope.host("payments:send", "send a payment");

  private final StepUpSettings defaults = StepUpSettings.defaults();

  private static ProtectedAction pay(TokenUse use, int minutes) {
    return new ProtectedAction(PAY, Enforcement.ENFORCE, use, Duration.ofMinutes(minutes));
  }

  @Test
  void defaultsKeepTodaysLifetimes() {
    assertThat(defaults.action(Scope.WALLET_EXPORT).lifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.action(Scope.WALLET_SIGN).lifetime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.hostActions()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15})
  void aLifetimeFromOneToFifteenMinutesIsAllowed(int minutes) {
    assertThat(pay(TokenUse.SINGLE, minutes).lifetime()).isEqualTo(Duration.ofMinutes(minutes));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, -1})
  void aLifetimeOutsideOneToFifteenMinutesIsRefused(int minutes) {
    assertThatThrownBy(() -> pay(TokenUse.SINGLE, minutes))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("1 to 15");
  }

  @Test
  void aLifetimeOfPartMinutesIsRefused() {
    assertThatThrownBy(
            () -> ProtectedAction.byDefault(Scope.WALLET_SIGN).withLifetime(Duration.ofSeconds(90)))
        .isInstanceOf(InvalidScopeException.class);
  }

  @Test
  void anUnknownHostScopeIsUnknownHere() {
    Scope read = Scope.parse("payments:send");

    assertThat(defaults.knows(read)).isFalse();
    assertThatThrownBy(() -> defaults.action(read))
        .isInstanceOf(UnknownScopeException.class)
        .hasMessageContaining("'payments:send'");
    assertThatThrownBy(() -> defaults.requiresStepUp(read))
        .isInstanceOf(UnknownScopeException.class);
    assertThatThrownBy(() -> defaults.lifetimeFor(Scope.setOf(Scope.WALLET_SIGN, read)))
        .isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void anAddedHostScopeIsKnownWithItsRuleAndWords() {
    StepUpSettings settings = defaults.withHostScope(pay(TokenUse.MULTI, 3));
    Scope read = Scope.parse("payments:send");

    assertThat(settings.knows(read)).isTrue();
    assertThat(settings.requiresStepUp(read)).isTrue();
    assertThat(settings.scope(read).action()).isEqualTo("send a payment");
    assertThat(settings.action(read).tokenUse()).isEqualTo(TokenUse.MULTI);
    assertThat(settings.lifetimeFor(Scope.setOf(read))).isEqualTo(Duration.ofMinutes(3));
    assertThat(settings.hostActions()).extracting(ProtectedAction::scope).containsExactly(PAY);
    assertThat(settings.actions()).hasSize(7);
  }

  @Test
  void theShortestLifetimeAmongTheScopesWins() {
    StepUpSettings settings =
        defaults
            .withHostScope(pay(TokenUse.MULTI, 2))
            .withAction(
                ProtectedAction.byDefault(Scope.WALLET_SIGN).withLifetime(Duration.ofMinutes(12)));

    assertThat(settings.lifetimeFor(Scope.setOf(Scope.WALLET_SIGN, PAY)))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.lifetimeFor(Scope.setOf(Scope.WALLET_SIGN, Scope.WALLET_EXPORT)))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.lifetimeFor(Scope.setOf(Scope.WALLET_SIGN)))
        .isEqualTo(Duration.ofMinutes(12));
  }

  @Test
  void aHostScopeNameIsUniquePerEnvironment() {
    StepUpSettings settings = defaults.withHostScope(pay(TokenUse.SINGLE, 5));
    ProtectedAction again =
        new ProtectedAction(
            Scope.host("payments:send", "pay someone"), Enforcement.OFF, TokenUse.MULTI);

    assertThatThrownBy(() -> settings.withHostScope(again))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("already");
  }

  @Test
  void aBuiltInCannotBeAddedOrRemovedAsAHostScope() {
    assertThatThrownBy(() -> defaults.withHostScope(ProtectedAction.byDefault(Scope.WALLET_SIGN)))
        .isInstanceOf(InvalidScopeException.class);
    assertThatThrownBy(() -> defaults.withoutHostScope(Scope.WALLET_SIGN))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("built-in");
    assertThat(defaults.knows(Scope.WALLET_SIGN)).isTrue();
  }

  @Test
  void aRemovedHostScopeIsUnknownAgain() {
    StepUpSettings settings =
        defaults
            .withHostScope(pay(TokenUse.SINGLE, 5))
            .withoutHostScope(Scope.parse("payments:send"));

    assertThat(settings.knows(PAY)).isFalse();
    assertThatThrownBy(() -> settings.action(PAY)).isInstanceOf(UnknownScopeException.class);
    assertThatThrownBy(() -> defaults.withoutHostScope(PAY))
        .isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void changingAHostScopesRuleKeepsItsWords() {
    StepUpSettings settings =
        defaults
            .withHostScope(pay(TokenUse.SINGLE, 5))
            .withAction(
                new ProtectedAction(
                    Scope.parse("payments:send"),
                    Enforcement.MONITOR,
                    TokenUse.MULTI,
                    Duration.ofMinutes(7)));

    ProtectedAction changed = settings.action(PAY);
    assertThat(changed.scope().action()).isEqualTo("send a payment");
    assertThat(changed.enforcement()).isEqualTo(Enforcement.MONITOR);
    assertThat(changed.lifetime()).isEqualTo(Duration.ofMinutes(7));
  }

  @Test
  void withActionDoesNotSneakInAnUnknownScope() {
    assertThatThrownBy(() -> defaults.withAction(pay(TokenUse.SINGLE, 5)))
        .isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void anEnvironmentHasAtMostFiftyHostScopes() {
    StepUpSettings settings = defaults;
    for (int i = 0; i < StepUpSettings.MAX_HOST_SCOPES; i++) {
      settings =
          settings.withHostScope(
              new ProtectedAction(
                  Scope.host("host:a" + i, "act " + i), Enforcement.ENFORCE, TokenUse.SINGLE));
    }
    StepUpSettings full = settings;

    assertThatThrownBy(
            () ->
                full.withHostScope(
                    new ProtectedAction(
                        Scope.host("host:last", "one too many"),
                        Enforcement.ENFORCE,
                        TokenUse.SINGLE)))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("at most 50");
  }
}
