package dev.stepup.domain.policy;

import static dev.stepup.domain.Fixtures.ALICE;
import static dev.stepup.domain.Fixtures.BOB;
import static dev.stepup.domain.Fixtures.DEMO;
import static dev.stepup.domain.Fixtures.NOW;
import static dev.stepup.domain.Fixtures.PRODUCTION;
import static dev.stepup.domain.Fixtures.SESSION;
import static dev.stepup.domain.Fixtures.alice;
import static dev.stepup.domain.Fixtures.email;
import static dev.stepup.domain.Fixtures.passkey;
import static dev.stepup.domain.Fixtures.session;
import static dev.stepup.domain.Fixtures.tokenFor;
import static dev.stepup.domain.testdata.ElevatedTokenTestData.anElevatedToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.policy.StepUpDecision.NotRequired;
import dev.stepup.domain.policy.StepUpDecision.NotRequired.Why;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Monitor mode: "not required" exactly where enforcing would require step-up, and nowhere else. */
class StepUpPolicyMonitorTest {

  private final StepUpPolicy policy = new StepUpPolicy();

  private static StepUpSettings with(Scope scope, Enforcement enforcement) {
    StepUpSettings defaults = StepUpSettings.defaults();
    return defaults.withAction(defaults.action(scope).withEnforcement(enforcement));
  }

  private static final Map<String, User> USERS =
      Map.of(
          "re-auth user", alice(email("email", 1)),
          "MFA user", alice(email("email", 1), passkey("pk", 2)),
          "user with nothing to verify with", alice());

  /** Tokens a client might present: none, a good one, and every kind that must not count. */
  private static Map<String, List<ElevatedToken>> presented(Scope scope) {
    Scope other = scope == Scope.WALLET_SIGN ? Scope.WALLET_EXPORT : Scope.WALLET_SIGN;
    return Map.of(
        "none", List.of(),
        "valid", List.of(tokenFor(scope)),
        "for another scope", List.of(tokenFor(other)),
        "expired",
            List.of(
                anElevatedToken()
                    .in(DEMO)
                    .forUser(ALICE)
                    .inSession(SESSION)
                    .forScopes(scope)
                    .issuedAt(NOW.minus(Duration.ofMinutes(20)))
                    .expiringAt(NOW.minusSeconds(1))
                    .build()),
        "of another user",
            List.of(
                anElevatedToken()
                    .in(DEMO)
                    .forUser(BOB)
                    .inSession(SESSION)
                    .forScopes(scope)
                    .issuedAt(NOW)
                    .build()),
        "of another environment",
            List.of(
                anElevatedToken()
                    .in(PRODUCTION)
                    .forUser(ALICE)
                    .inSession(SESSION)
                    .forScopes(scope)
                    .issuedAt(NOW)
                    .build()));
  }

  @Test
  void monitorAnswersMonitoredExactlyWhereEnforceWouldRequireStepUp() {
    List<String> checked = new ArrayList<>();
    for (Scope scope : Scope.builtIns()) {
      for (boolean on : List.of(true, false)) {
        for (var user : USERS.entrySet()) {
          for (var tokens : presented(scope).entrySet()) {
            StepUpDecision enforced =
                policy.decide(
                    with(scope, Enforcement.ENFORCE).withEnabled(on),
                    user.getValue(),
                    session(),
                    scope,
                    tokens.getValue(),
                    NOW);
            StepUpDecision monitored =
                policy.decide(
                    with(scope, Enforcement.MONITOR).withEnabled(on),
                    user.getValue(),
                    session(),
                    scope,
                    tokens.getValue(),
                    NOW);
            String row = scope + ", on=" + on + ", " + user.getKey() + ", token " + tokens.getKey();
            assertThat(monitored.isRequired()).as(row).isFalse();
            assertThat(monitored)
                .as(row)
                .isEqualTo(enforced.isRequired() ? new NotRequired(Why.MONITORED) : enforced);
            checked.add(row);
          }
        }
      }
    }
    assertThat(checked).hasSize(Scope.builtIns().size() * 2 * USERS.size() * 6);
  }

  @Test
  void offAnswersNotProtectedWhateverTheUserHoldsOrPresents() {
    for (var user : USERS.values()) {
      for (var tokens : presented(Scope.WALLET_EXPORT).values()) {
        assertThat(
                policy.decide(
                    with(Scope.WALLET_EXPORT, Enforcement.OFF),
                    user,
                    session(),
                    Scope.WALLET_EXPORT,
                    tokens,
                    NOW))
            .isEqualTo(new NotRequired(Why.SCOPE_NOT_PROTECTED));
      }
    }
  }

  @Test
  void aPresentedValidTokenStillReadsAsHeldInMonitorMode() {
    assertThat(
            policy.decide(
                with(Scope.WALLET_EXPORT, Enforcement.MONITOR),
                alice(email("email", 1)),
                session(),
                Scope.WALLET_EXPORT,
                List.of(tokenFor(Scope.WALLET_EXPORT)),
                NOW))
        .isEqualTo(new NotRequired(Why.VALID_TOKEN_HELD));
  }

  @Test
  void stepUpOffOutranksMonitor() {
    assertThat(
            policy.decide(
                with(Scope.WALLET_EXPORT, Enforcement.MONITOR).withEnabled(false),
                alice(email("email", 1)),
                session(),
                Scope.WALLET_EXPORT,
                List.of(),
                NOW))
        .isEqualTo(new NotRequired(Why.STEP_UP_DISABLED));
  }

  @Test
  void monitoringOneScopeNeverLoosensAnother() {
    StepUpSettings exportMonitored = with(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    User user = alice(email("email", 1));
    for (Scope scope : Scope.builtIns()) {
      StepUpDecision decision =
          policy.decide(exportMonitored, user, session(), scope, List.of(), NOW);
      if (scope == Scope.WALLET_EXPORT) {
        assertThat(decision).isEqualTo(new NotRequired(Why.MONITORED));
      } else {
        assertThat(decision.isRequired()).as(scope.wire()).isTrue();
        assertThat(exportMonitored.requiresStepUp(scope)).isTrue();
        assertThat(exportMonitored.monitors(scope)).isFalse();
      }
    }
  }

  @Test
  void theSettingsSayWhichScopesNeedATokenAndWhichAreOnlyCounted() {
    StepUpSettings monitored = with(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    assertThat(monitored.requiresStepUp(Scope.WALLET_EXPORT)).isFalse();
    assertThat(monitored.monitors(Scope.WALLET_EXPORT)).isTrue();
    assertThat(monitored.withEnabled(false).monitors(Scope.WALLET_EXPORT)).isFalse();
    assertThat(monitored.enforcing(Scope.WALLET_EXPORT).requiresStepUp(Scope.WALLET_EXPORT))
        .isTrue();
    assertThat(with(Scope.WALLET_EXPORT, Enforcement.OFF).monitors(Scope.WALLET_EXPORT)).isFalse();
  }

  @Test
  void theOldBooleanMeansEnforceOrOff() {
    assertThat(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.MULTI).enforcement())
        .isEqualTo(Enforcement.ENFORCE);
    assertThat(new ProtectedAction(Scope.WALLET_SIGN, false, TokenUse.MULTI).enforcement())
        .isEqualTo(Enforcement.OFF);
    ProtectedAction monitor =
        new ProtectedAction(Scope.WALLET_SIGN, Enforcement.MONITOR, TokenUse.MULTI);
    assertThat(monitor.isProtected()).isFalse();
    assertThat(monitor.isMonitored()).isTrue();
    assertThat(ProtectedAction.byDefault(Scope.WALLET_EXPORT).enforcement())
        .isEqualTo(Enforcement.ENFORCE);
    for (Enforcement e : Enforcement.values()) {
      assertThat(Enforcement.fromWire(e.wire())).contains(e);
    }
    assertThat(Enforcement.fromWire("ENFORCE")).isEmpty();
  }
}
