package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.RecordedAuditLog;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase.Dashboard;
import dev.stepup.application.port.in.environment.ConfigureStepUpCommand;
import dev.stepup.application.port.in.environment.ConfigureStepUpResult;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.admin.DashboardService;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.StepUpSettings;
import dev.stepup.domain.policy.StepUpDecision.NotRequired.Why;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Monitor mode: check and the protected actions let users through and count what enforcing would
 * ask.
 */
class MonitorModeServiceTest {

  private final Fixture f = new Fixture();
  private final User ann =
      f.createUser(ENV, Optional.of("ann@example.com"), Optional.empty(), true);
  private final SessionContext session = f.signIn(ann);
  private final CredentialId walletId = ann.credentials().get(1).id();
  private final DashboardService dashboard =
      new DashboardService(f.environments, new RecordedAuditLog(f.audit), f.tokens, f.clock);

  /** Sets one scope's enforcement the way the console does: through the configure use case. */
  private void set(Scope scope, Enforcement enforcement) {
    StepUpSettings current = f.environments.find(ENV).orElseThrow().settings();
    ConfigureStepUpResult result =
        f.configure.configure(
            new ConfigureStepUpCommand(
                ENV,
                current.withAction(current.action(scope).withEnforcement(enforcement)),
                "carol",
                ORIGIN));
    assertThat(result).isInstanceOf(ConfigureStepUpResult.Applied.class);
  }

  private CheckStepUpResult check(Scope scope, Optional<String> token) {
    return f.checkService.check(
        new CheckStepUpQuery(ENV, session.sessionId(), scope, ORIGIN, token));
  }

  @Test
  void aMonitoredCheckAnswersNotRequiredAndIsCountedForItsScopeOnly() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);

    CheckStepUpResult export = check(Scope.WALLET_EXPORT, Optional.empty());
    CheckStepUpResult sign = check(Scope.WALLET_SIGN, Optional.empty());

    assertThat(export.isRequired()).isFalse();
    assertThat(export.notRequiredBecause()).contains(Why.MONITORED);
    assertThat(sign.isRequired()).isTrue();
    AuditEvent monitored = f.lastEvent(AuditEventType.STEP_UP_MONITORED);
    assertThat(f.events(AuditEventType.STEP_UP_MONITORED)).hasSize(1);
    assertThat(monitored.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(monitored.reason()).contains("check");
    assertThat(monitored.userId()).contains(ann.id());
    assertThat(monitored.sessionId()).contains(session.sessionId());
    assertThat(f.events(AuditEventType.SETTINGS_CHANGED)).isNotEmpty();
  }

  @Test
  void inMonitorModeAForgedOrExpiredTokenIsNotHeldButAValidOneIs() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    String valid = f.issueToken(session, Scope.WALLET_EXPORT).elevatedAccessToken();

    assertThat(check(Scope.WALLET_EXPORT, Optional.of(valid)).notRequiredBecause())
        .contains(Why.VALID_TOKEN_HELD);
    assertThat(f.events(AuditEventType.STEP_UP_MONITORED)).isEmpty();
    assertThat(check(Scope.WALLET_EXPORT, Optional.of(valid + "x")).notRequiredBecause())
        .contains(Why.MONITORED);
    f.clock.advance(Duration.ofMinutes(30));
    assertThat(check(Scope.WALLET_EXPORT, Optional.of(valid)).notRequiredBecause())
        .contains(Why.MONITORED);
    assertThat(f.events(AuditEventType.STEP_UP_MONITORED)).hasSize(2);
  }

  @Test
  void aMonitoredActionGoesThroughWithoutATokenAndIsCounted() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);

    String key = f.wallet.export(new WalletCommand(session, walletId, Optional.empty()));

    assertThat(key).startsWith("0x");
    AuditEvent monitored = f.lastEvent(AuditEventType.STEP_UP_MONITORED);
    assertThat(monitored.scopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(monitored.reason()).contains("action");
    // Another scope of the same environment is still enforced.
    assertThat(
            refusal(() -> f.wallet.reshare(new WalletCommand(session, walletId, Optional.empty())))
                .refusal())
        .isEqualTo(Refusal.STEP_UP_REQUIRED);
  }

  @Test
  void aMonitoredActionStillRefusesATokenThatIsNotGood() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    String valid = f.issueToken(session, Scope.WALLET_EXPORT).elevatedAccessToken();

    RefusedException forged =
        refusal(
            () -> f.wallet.export(new WalletCommand(session, walletId, Optional.of(valid + "x"))));
    f.wallet.export(new WalletCommand(session, walletId, Optional.of(valid)));
    RefusedException spent =
        refusal(() -> f.wallet.export(new WalletCommand(session, walletId, Optional.of(valid))));

    assertThat(forged.refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(forged.acrValues()).containsExactly("urn:stepup:acr:reauth");
    assertThat(spent.refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);
    assertThat(f.events(AuditEventType.STEP_UP_MONITORED)).isEmpty();
  }

  @Test
  void backToEnforceRequiresStepUpAgain() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    set(Scope.WALLET_EXPORT, Enforcement.ENFORCE);

    assertThat(check(Scope.WALLET_EXPORT, Optional.empty()).isRequired()).isTrue();
    assertThat(
            refusal(() -> f.wallet.export(new WalletCommand(session, walletId, Optional.empty())))
                .refusal())
        .isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(f.events(AuditEventType.STEP_UP_MONITORED)).isEmpty();
  }

  @Test
  void offLetsActionsThroughWithoutCountingThem() {
    set(Scope.WALLET_EXPORT, Enforcement.OFF);

    assertThat(check(Scope.WALLET_EXPORT, Optional.empty()).notRequiredBecause())
        .contains(Why.SCOPE_NOT_PROTECTED);
    f.wallet.export(new WalletCommand(session, walletId, Optional.empty()));

    assertThat(f.events(AuditEventType.STEP_UP_MONITORED)).isEmpty();
  }

  @Test
  void theDashboardCountsMonitoredChecksAndActionsPerScope() {
    set(Scope.WALLET_EXPORT, Enforcement.MONITOR);
    set(Scope.WALLET_REFRESH, Enforcement.MONITOR);
    check(Scope.WALLET_EXPORT, Optional.empty());
    check(Scope.WALLET_EXPORT, Optional.empty());
    f.wallet.export(new WalletCommand(session, walletId, Optional.empty()));
    check(Scope.WALLET_SIGN, Optional.empty());

    Dashboard today = dashboard.today(ENV);

    assertThat(today.monitored())
        .containsOnlyKeys(Scope.WALLET_EXPORT, Scope.WALLET_REFRESH)
        .containsEntry(Scope.WALLET_EXPORT, new Dashboard.Monitored(2, 1))
        .containsEntry(Scope.WALLET_REFRESH, new Dashboard.Monitored(0, 0));
    assertThat(dashboard.today(Fixture.OTHER_ENV).monitored()).isEmpty();
    f.clock.advance(Duration.ofDays(1));
    assertThat(dashboard.today(ENV).monitored().get(Scope.WALLET_EXPORT))
        .isEqualTo(new Dashboard.Monitored(0, 0));
  }
}
