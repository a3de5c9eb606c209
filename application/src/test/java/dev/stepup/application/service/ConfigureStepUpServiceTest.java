package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigureStepUpServiceTest {

  private final Fixture f = new Fixture();

  private ConfigureStepUpResult configure(StepUpSettings proposed) {
    return f.configure.configure(new ConfigureStepUpCommand(ENV, proposed, "carol", ORIGIN));
  }

  private StepUpSettings current() {
    return f.environments.find(ENV).orElseThrow().settings();
  }

  @Test
  void stepUpWithNoMethodIsRejectedWithTheProblemAndChangesNothing() {
    StepUpSettings before = current();

    ConfigureStepUpResult result = configure(new StepUpSettings(true, Set.of(), Map.of()));

    assertThat(result).isInstanceOf(ConfigureStepUpResult.Rejected.class);
    assertThat(((ConfigureStepUpResult.Rejected) result).problems())
        .singleElement()
        .asString()
        .contains("no verification method");
    assertThat(current()).isEqualTo(before);
    AuditEvent event = f.lastEvent(AuditEventType.SETTINGS_CHANGED);
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
    assertThat(event.reason()).contains("incoherent_settings");
    assertThat(event.actor()).contains("carol");
    assertThat(event.environmentId()).contains(ENV);
  }

  @Test
  void onlyMfaMethodsOrRecoveryCodesAloneAreRejected() {
    ConfigureStepUpResult mfaOnly =
        configure(
            new StepUpSettings(
                true, EnumSet.of(VerificationMethod.TOTP, VerificationMethod.PASSKEY), Map.of()));
    ConfigureStepUpResult recoveryAlone =
        configure(
            new StepUpSettings(
                true,
                EnumSet.of(VerificationMethod.EMAIL_OTP, VerificationMethod.RECOVERY_CODE),
                Map.of()));

    assertThat(mfaOnly).isInstanceOf(ConfigureStepUpResult.Rejected.class);
    assertThat(((ConfigureStepUpResult.Rejected) mfaOnly).problems())
        .anySatisfy(p -> assertThat(p).contains("re-authentication"));
    assertThat(recoveryAlone).isInstanceOf(ConfigureStepUpResult.Rejected.class);
    assertThat(((ConfigureStepUpResult.Rejected) recoveryAlone).problems())
        .anySatisfy(p -> assertThat(p).contains("Recovery codes"));
    assertThat(current()).isEqualTo(StepUpSettings.defaults());
    assertThat(f.events(AuditEventType.SETTINGS_CHANGED))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE));
  }

  @Test
  void coherentSettingsAreAppliedAuditedAndTakeEffect() {
    StepUpSettings proposed =
        StepUpSettings.defaults()
            .withMethod(VerificationMethod.SMS_OTP, false)
            .withAction(new ProtectedAction(Scope.WALLET_EXPORT, true, TokenUse.MULTI));

    ConfigureStepUpResult result = configure(proposed);

    assertThat(result).isEqualTo(new ConfigureStepUpResult.Applied(proposed));
    assertThat(current()).isEqualTo(proposed);
    AuditEvent event = f.lastEvent(AuditEventType.SETTINGS_CHANGED);
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(event.actor()).contains("carol");
    var token = f.issueToken(f.signIn(f.emailUser("ann@example.com")), Scope.WALLET_EXPORT);
    assertThat(token.singleUse()).isFalse();
    assertThat(token.expiresAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(10)));
  }

  @Test
  void turningStepUpOffIsCoherent() {
    ConfigureStepUpResult result = configure(current().withEnabled(false));

    assertThat(result).isInstanceOf(ConfigureStepUpResult.Applied.class);
    assertThat(current().enabled()).isFalse();
  }

  @Test
  void settingsOfOneEnvironmentLeaveTheOthersAlone() {
    configure(current().withEnabled(false));

    assertThat(f.environments.find(Fixture.OTHER_ENV).orElseThrow().settings())
        .isEqualTo(StepUpSettings.defaults());
  }

  @Test
  void anUnknownEnvironmentIsNotFound() {
    assertThatThrownBy(
            () ->
                f.configure.configure(
                    new ConfigureStepUpCommand(
                        new EnvironmentId("nowhere"), StepUpSettings.defaults(), "carol", ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.events(AuditEventType.SETTINGS_CHANGED)).isEmpty();
  }
}
