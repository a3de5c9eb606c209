package dev.stepup.domain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StepUpSettingsTest {

  private final StepUpSettings defaults = StepUpSettings.defaults();

  @Test
  void stepUpIsOnByDefault() {
    assertThat(defaults.enabled()).isTrue();
  }

  @Test
  void everyMethodIsEnabledByDefault() {
    assertThat(defaults.enabledMethods()).containsExactlyInAnyOrder(VerificationMethod.values());
    for (VerificationMethod method : VerificationMethod.values()) {
      assertThat(defaults.isEnabled(method)).as(method.wire()).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.stepup.domain.scope.Scope#builtIns")
  void everyScopeIsProtectedByDefault(Scope scope) {
    assertThat(defaults.action(scope).isProtected()).isTrue();
    assertThat(defaults.action(scope).scope()).isEqualTo(scope);
    assertThat(defaults.requiresStepUp(scope)).isTrue();
  }

  @Test
  void signingIsMultiUseByDefault() {
    assertThat(defaults.action(Scope.WALLET_SIGN).tokenUse()).isEqualTo(TokenUse.MULTI);
  }

  @ParameterizedTest
  @MethodSource("dev.stepup.domain.scope.Scope#builtIns")
  void everyOtherScopeIsSingleUseByDefault(Scope scope) {
    if (scope.equals(Scope.WALLET_SIGN)) {
      return;
    }
    assertThat(defaults.action(scope).tokenUse()).isEqualTo(TokenUse.SINGLE);
    assertThat(ProtectedAction.byDefault(scope))
        .isEqualTo(new ProtectedAction(scope, true, TokenUse.SINGLE));
  }

  @Test
  void defaultSettingsAreCoherent() {
    assertThat(defaults.problems()).isEmpty();
  }

  @Test
  void missingActionsAreFilledWithTheDefaultRule() {
    StepUpSettings settings =
        new StepUpSettings(
            true,
            EnumSet.allOf(VerificationMethod.class),
            Map.of(
                Scope.WALLET_EXPORT,
                new ProtectedAction(Scope.WALLET_EXPORT, false, TokenUse.MULTI)));

    assertThat(settings.actions()).hasSize(Scope.builtIns().size());
    assertThat(settings.action(Scope.WALLET_EXPORT))
        .isEqualTo(new ProtectedAction(Scope.WALLET_EXPORT, false, TokenUse.MULTI));
    assertThat(settings.action(Scope.WALLET_SIGN))
        .isEqualTo(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.MULTI));
  }

  @Test
  void actionFiledUnderAnotherScopeIsRefused() {
    Map<Scope, ProtectedAction> misfiled =
        Map.of(Scope.WALLET_EXPORT, ProtectedAction.byDefault(Scope.WALLET_SIGN));

    assertThatThrownBy(
            () -> new StepUpSettings(true, EnumSet.allOf(VerificationMethod.class), misfiled))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wallet:export")
        .hasMessageContaining("wallet:sign");
  }

  @Test
  void settingsCannotBeChangedThroughTheirCollections() {
    Set<VerificationMethod> methods = EnumSet.of(VerificationMethod.EMAIL_OTP);
    StepUpSettings settings = new StepUpSettings(true, methods, Map.of());

    methods.add(VerificationMethod.PASSKEY);

    assertThat(settings.isEnabled(VerificationMethod.PASSKEY)).isFalse();
    assertThatThrownBy(() -> settings.enabledMethods().add(VerificationMethod.TOTP))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> settings.actions().remove(Scope.WALLET_SIGN))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void singleUseTokensLiveFiveMinutesAndMultiUseTokensTen() {
    assertThat(TokenUse.SINGLE.lifetime()).isEqualTo(Duration.ofMinutes(5));
    assertThat(TokenUse.MULTI.lifetime()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void unprotectedScopeNeedsNoStepUp() {
    StepUpSettings settings =
        defaults.withAction(new ProtectedAction(Scope.WALLET_REFRESH, false, TokenUse.SINGLE));

    assertThat(settings.requiresStepUp(Scope.WALLET_REFRESH)).isFalse();
    assertThat(settings.requiresStepUp(Scope.WALLET_EXPORT)).isTrue();
  }

  @Test
  void noScopeNeedsStepUpWhenStepUpIsOff() {
    StepUpSettings off = defaults.withEnabled(false);

    assertThat(off.enabled()).isFalse();
    for (Scope scope : Scope.builtIns()) {
      assertThat(off.requiresStepUp(scope)).as(scope.wire()).isFalse();
    }
  }

  @Test
  void withMethodTurnsOneMethodOffAndOnAgain() {
    StepUpSettings noTotp = defaults.withMethod(VerificationMethod.TOTP, false);

    assertThat(noTotp.isEnabled(VerificationMethod.TOTP)).isFalse();
    assertThat(noTotp.enabledMethods()).hasSize(VerificationMethod.values().length - 1);
    assertThat(noTotp.withMethod(VerificationMethod.TOTP, true)).isEqualTo(defaults);
    assertThat(defaults.isEnabled(VerificationMethod.TOTP)).as("original unchanged").isTrue();
  }

  @Test
  void withActionLeavesTheOtherScopesAlone() {
    StepUpSettings changed =
        defaults.withAction(new ProtectedAction(Scope.CREDENTIAL_LINK, false, TokenUse.MULTI));

    assertThat(changed.action(Scope.CREDENTIAL_LINK).isProtected()).isFalse();
    assertThat(changed.action(Scope.CREDENTIAL_UNLINK))
        .isEqualTo(defaults.action(Scope.CREDENTIAL_UNLINK));
    assertThat(defaults.action(Scope.CREDENTIAL_LINK).isProtected()).isTrue();
  }

  @Test
  void stepUpOnWithNoMethodIsAProblem() {
    StepUpSettings settings = new StepUpSettings(true, Set.of(), Map.of());

    assertThat(settings.problems())
        .singleElement(STRING)
        .contains("no verification method is enabled");
  }

  @Test
  void stepUpOffWithNoMethodIsFine() {
    assertThat(new StepUpSettings(false, Set.of(), Map.of()).problems()).isEmpty();
  }

  @Test
  void onlyMfaMethodsIsAProblemBecauseUsersWithoutMfaCouldNeverStepUp() {
    StepUpSettings settings =
        new StepUpSettings(
            true,
            EnumSet.of(
                VerificationMethod.PASSKEY,
                VerificationMethod.TOTP,
                VerificationMethod.RECOVERY_CODE),
            Map.of());

    assertThat(settings.problems())
        .singleElement(STRING)
        .contains("Only MFA methods")
        .contains("re-authentication method");
  }

  @Test
  void oneReauthMethodBesideMfaIsEnough() {
    StepUpSettings settings =
        new StepUpSettings(
            true, EnumSet.of(VerificationMethod.PASSKEY, VerificationMethod.SOCIAL), Map.of());

    assertThat(settings.problems()).isEmpty();
  }

  @Test
  void recoveryCodesWithoutPasskeyOrTotpAreAProblem() {
    StepUpSettings settings =
        new StepUpSettings(
            true,
            EnumSet.of(VerificationMethod.EMAIL_OTP, VerificationMethod.RECOVERY_CODE),
            Map.of());

    assertThat(settings.problems())
        .singleElement(STRING)
        .contains("Recovery codes are an MFA fallback");
  }

  @Test
  void recoveryCodesWithTotpAloneAreFine() {
    StepUpSettings settings =
        new StepUpSettings(
            true,
            EnumSet.of(
                VerificationMethod.EMAIL_OTP,
                VerificationMethod.TOTP,
                VerificationMethod.RECOVERY_CODE),
            Map.of());

    assertThat(settings.problems()).isEmpty();
  }

  @Test
  void recoveryCodesAloneCollectEveryProblemThatApplies() {
    StepUpSettings settings =
        new StepUpSettings(true, EnumSet.of(VerificationMethod.RECOVERY_CODE), Map.of());

    assertThat(settings.problems())
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("Only MFA methods"))
        .anySatisfy(p -> assertThat(p).contains("Recovery codes"));
  }

  @Test
  void protectedActionNeedsScopeAndTokenUse() {
    assertThatThrownBy(() -> new ProtectedAction(null, true, TokenUse.SINGLE))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("scope");
    assertThatThrownBy(() -> new ProtectedAction(Scope.WALLET_SIGN, true, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("tokenUse");
  }
}
