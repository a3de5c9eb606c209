package dev.stepup.domain.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.domain.environment.Environment.Reconfiguration;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentTest {

  private final Environment demo = Environment.create(new EnvironmentId("demo"), "Demo");

  @Test
  void newEnvironmentStartsWithTheDefaultSettings() {
    assertThat(demo.id()).isEqualTo(new EnvironmentId("demo"));
    assertThat(demo.name()).isEqualTo("Demo");
    assertThat(demo.settings()).isEqualTo(StepUpSettings.defaults());
  }

  @Test
  void coherentSettingsAreApplied() {
    StepUpSettings proposed =
        StepUpSettings.defaults()
            .withMethod(VerificationMethod.SMS_OTP, false)
            .withAction(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.SINGLE));

    Reconfiguration outcome = demo.reconfigure(proposed);

    assertThat(outcome).isEqualTo(new Reconfiguration.Applied(StepUpSettings.defaults(), proposed));
    assertThat(demo.settings()).isEqualTo(proposed);
  }

  @Test
  void incoherentSettingsAreRejectedWithTheirProblemsAndChangeNothing() {
    StepUpSettings before = demo.settings();
    StepUpSettings nobodyCouldStepUp = new StepUpSettings(true, Set.of(), Map.of());

    Reconfiguration outcome = demo.reconfigure(nobodyCouldStepUp);

    assertThat(outcome).isInstanceOf(Reconfiguration.Rejected.class);
    assertThat(((Reconfiguration.Rejected) outcome).problems())
        .isEqualTo(nobodyCouldStepUp.problems())
        .isNotEmpty();
    assertThat(demo.settings()).isSameAs(before);
  }

  @Test
  void turningStepUpOffIsApplied() {
    Reconfiguration outcome = demo.reconfigure(StepUpSettings.defaults().withEnabled(false));

    assertThat(outcome).isInstanceOf(Reconfiguration.Applied.class);
    assertThat(demo.settings().enabled()).isFalse();
  }

  @Test
  void rejectedProblemsCannotBeChangedAfterwards() {
    Reconfiguration.Rejected rejected = new Reconfiguration.Rejected(new ArrayList<>(List.of("a")));

    assertThatThrownBy(() -> rejected.problems().add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void renameTrimsTheNewName() {
    demo.rename("  Production EU  ");

    assertThat(demo.name()).isEqualTo("Production EU");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void renameToABlankNameIsRefusedAndKeepsTheOldName(String blank) {
    assertThatThrownBy(() -> demo.rename(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-100 characters");
    assertThat(demo.name()).isEqualTo("Demo");
  }

  @Test
  void renameToMoreThanAHundredCharactersIsRefused() {
    assertThatThrownBy(() -> demo.rename("x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);

    demo.rename("x".repeat(100));
    assertThat(demo.name()).hasSize(100);
  }

  @Test
  void renameToNullIsABug() {
    assertThatThrownBy(() -> demo.rename(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void environmentCannotBeCreatedWithABlankName() {
    assertThatThrownBy(() -> Environment.create(new EnvironmentId("demo"), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "production",
        "a",
        "0",
        "eu-west_1",
        "a23456789012345678901234567890123456789012345678901234567890123"
      })
  void environmentIdAcceptsLowerCaseLettersDigitsDashesAndUnderscores(String value) {
    assertThat(new EnvironmentId(value).value()).isEqualTo(value);
    assertThat(new EnvironmentId(value)).hasToString(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Demo",
        "-demo",
        "_demo",
        "de mo",
        "demo/../admin",
        "démo",
        "a234567890123456789012345678901234567890123456789012345678901234"
      })
  void environmentIdRefusesAnythingThatWouldNotBeASafeUrlSegment(String value) {
    assertThatThrownBy(() -> new EnvironmentId(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment id must be 1-63");
  }

  @Test
  void environmentIdIsNeverNull() {
    assertThatThrownBy(() -> new EnvironmentId(null)).isInstanceOf(NullPointerException.class);
  }
}
