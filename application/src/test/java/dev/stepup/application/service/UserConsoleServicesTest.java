package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.domain.testdata.CredentialTestData.aPasskey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.fakes.InMemoryPasskeys;
import dev.stepup.application.fakes.InMemoryUserDirectory;
import dev.stepup.application.fakes.RecordedAuditLog;
import dev.stepup.application.fakes.RecordingMessages;
import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.audit.AuditEntry;
import dev.stepup.application.port.in.dashboard.ViewDashboardUseCase.Dashboard;
import dev.stepup.application.port.in.mfa.ResetMfaUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.MfaDevice;
import dev.stepup.application.port.in.user.SearchUsersQuery;
import dev.stepup.application.port.in.user.UserDetail;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.admin.DashboardService;
import dev.stepup.application.service.mfa.ResetMfaService;
import dev.stepup.application.service.user.UserDirectoryService;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.Passkey;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The admin console's use cases: finding users, one user's detail, resetting MFA, the dashboard.
 */
class UserConsoleServicesTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final InMemoryPasskeys passkeys = new InMemoryPasskeys();
  private final RecordedAuditLog auditLog = new RecordedAuditLog(f.audit);
  private final UserDirectoryService browse =
      new UserDirectoryService(
          f.users,
          new InMemoryUserDirectory(f.users, f.sessions),
          f.totpDevices,
          passkeys,
          f.recoveryCodes,
          f.tokens,
          auditLog,
          f.clock);
  private final ResetMfaService resetMfa =
      new ResetMfaService(
          f.users,
          f.totpDevices,
          passkeys,
          f.recoveryCodes,
          f.tokens,
          f.sessions,
          f.transactions,
          f.notifier,
          f.audit,
          f.clock);
  private final DashboardService dashboard =
      new DashboardService(f.environments, auditLog, f.tokens, f.clock);

  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  /** Registers a passkey the way a completed WebAuthn ceremony stores it. */
  private CredentialId addPasskey(User user, String alias) {
    CredentialId id = new CredentialId("cred_pk_" + alias);
    passkeys.add(
        new Passkey(
            id,
            user.id(),
            "webauthn-" + alias,
            "handle",
            new byte[] {1},
            0,
            alias,
            f.clock.instant()));
    User stored = f.reload(user);
    stored.addCredential(
        aPasskey()
            .withId(id.value())
            .identifiedBy("webauthn-" + alias)
            .aliased(alias)
            .addedAt(f.clock.instant())
            .build());
    f.users.save(stored);
    return id;
  }

  // ---- search and detail ----------------------------------------------------------------------

  @Test
  void usersAreFoundByIdOrPartOfAnAddressInTheirEnvironmentOnly() {
    f.clock.advance(Duration.ofSeconds(1));
    User bob =
        f.createUser(ENV, Optional.of("bob@example.org"), Optional.of("+14155550123"), false);
    User elsewhere =
        f.createUser(OTHER_ENV, Optional.of("ann@example.net"), Optional.empty(), false);

    assertThat(browse.search(new SearchUsersQuery(ENV, "ANN@", 50)))
        .extracting(User::id)
        .containsExactly(ann.id());
    assertThat(browse.search(new SearchUsersQuery(ENV, "5550123", 50)))
        .extracting(User::id)
        .containsExactly(bob.id());
    assertThat(browse.search(new SearchUsersQuery(ENV, bob.id().value(), 50)))
        .extracting(User::id)
        .containsExactly(bob.id());
    assertThat(browse.search(new SearchUsersQuery(ENV, "", 50)))
        .extracting(User::id)
        .containsExactly(bob.id(), ann.id());
    assertThat(browse.search(new SearchUsersQuery(ENV, elsewhere.id().value(), 50))).isEmpty();
  }

  @Test
  void aSearchIsBounded() {
    assertThatThrownBy(() -> new SearchUsersQuery(ENV, "x".repeat(256), 50))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SearchUsersQuery(ENV, "x", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SearchUsersQuery(ENV, null, 10).text()).isEmpty();
  }

  @Test
  void theDetailShowsCredentialsMfaSessionsActivityAndActiveTokens() {
    f.enrolTotpByEmail(session, ANN);
    addPasskey(ann, "YubiKey");
    f.issueToken(session, Scope.WALLET_SIGN);

    UserDetail detail = browse.detail(ENV, ann.id()).orElseThrow();

    assertThat(detail.user().credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL, CredentialFormat.TOTP, CredentialFormat.PASSKEY);
    assertThat(detail.mfaDevices())
        .extracting(MfaDevice::kind, MfaDevice::alias)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MfaDevice.Kind.TOTP, "Phone"),
            org.assertj.core.groups.Tuple.tuple(MfaDevice.Kind.PASSKEY, "YubiKey"));
    assertThat(detail.unusedRecoveryCodes()).isEqualTo(10);
    assertThat(detail.sessions()).extracting(s -> s.id()).containsExactly(session.sessionId());
    assertThat(detail.recentActivity())
        .extracting(AuditEntry::type)
        .contains(AuditEventType.VERIFICATION.wire(), AuditEventType.TOKEN_ISSUED.wire());
    assertThat(detail.recentActivity()).allSatisfy(e -> assertThat(e.userId()).contains(ann.id()));
    assertThat(detail.activeTokens()).isEqualTo(1);
    assertThat(browse.detail(OTHER_ENV, ann.id())).isEmpty();
  }

  // ---- reset MFA ------------------------------------------------------------------------------

  @Test
  void resettingMfaRemovesDevicesAndCodesRevokesTokensAndIsAuditedWithTheAdmin() {
    f.enrolTotpByEmail(session, ANN);
    addPasskey(ann, "YubiKey");
    IssuedElevatedToken outstanding = f.issueToken(session, Scope.WALLET_SIGN);

    ResetMfaUseCase.Result result =
        resetMfa.reset(new ResetMfaUseCase.Command(ENV, ann.id(), "root", ORIGIN));

    assertThat(result.devicesRemoved()).isEqualTo(2);
    assertThat(result.recoveryCodesRemoved()).isTrue();
    assertThat(result.tokensRevoked()).isGreaterThanOrEqualTo(1);
    assertThat(f.stateOf(outstanding)).isEqualTo(TokenState.REVOKED);
    User after = f.reload(ann);
    assertThat(after.hasMfa()).isFalse();
    assertThat(after.credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL);
    assertThat(f.totpDevices.confirmedForUser(ann.id())).isEmpty();
    assertThat(passkeys.forUser(ann.id())).isEmpty();
    assertThat(f.recoveryCodes.hasAny(ann.id())).isFalse();
    AuditEvent audited = f.lastEvent(AuditEventType.MFA_RESET);
    assertThat(audited.actor()).contains("root");
    assertThat(audited.userId()).contains(ann.id());
    assertThat(audited.environmentId()).contains(ENV);
  }

  @Test
  void theUserIsToldByEmailThatAnAdminResetTheirMfaWithoutAnySecret() {
    Fixture.Enrolled enrolment = f.enrolTotpByEmail(session, ANN);

    resetMfa.reset(new ResetMfaUseCase.Command(ENV, ann.id(), "root", ORIGIN));

    RecordingMessages.Message notice = f.messages.sent().get(f.messages.sent().size() - 1);
    assertThat(notice.recipient()).isEqualTo(ANN);
    assertThat(notice.subject())
        .isEqualTo("An administrator reset your account's two-step verification");
    assertThat(notice.body())
        .contains("were removed by an administrator on ")
        .contains("If it was not, someone may have access to your account");
    enrolment.recoveryCodes().forEach(code -> assertThat(notice.body()).doesNotContain(code));
  }

  @Test
  void resettingAUserWithoutMfaSendsNoNotice() {
    int before = f.messages.sent().size();

    resetMfa.reset(new ResetMfaUseCase.Command(ENV, ann.id(), "root", ORIGIN));

    assertThat(f.messages.sent()).hasSize(before);
  }

  @Test
  void afterAResetTheUserStepsUpByReauthenticationAgain() {
    f.enrolTotpByEmail(session, ANN);
    resetMfa.reset(new ResetMfaUseCase.Command(ENV, ann.id(), "root", ORIGIN));
    f.clock.advance(Duration.ofMinutes(1));
    // The reset ended the user's sessions: they sign in again first.
    SessionContext again = f.signIn(ann);

    IssuedElevatedToken token = f.stepUpWithEmail(again, ANN, Scope.WALLET_EXPORT);

    assertThat(f.stateOf(token)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void resettingAnotherEnvironmentsUserIsNotFound() {
    assertThatThrownBy(
            () -> resetMfa.reset(new ResetMfaUseCase.Command(OTHER_ENV, ann.id(), "root", ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                resetMfa.reset(
                    new ResetMfaUseCase.Command(ENV, new UserId("usr_nobody"), "root", ORIGIN)))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.events(AuditEventType.MFA_RESET)).isEmpty();
  }

  // ---- dashboard ------------------------------------------------------------------------------

  @Test
  void theDashboardCountsTodaysStepUpsFailuresLockoutsAndActiveTokens() {
    f.stepUpWithEmail(session, ANN, Scope.WALLET_SIGN);
    f.clock.advance(Duration.ofMinutes(1));
    String code = f.sendCode(session, ANN);
    for (int i = 0; i < 5; i++) {
      try {
        f.codes.verifyOtp(session, Fixture.otherThan(code), java.util.Set.of(Scope.WALLET_SIGN));
      } catch (RuntimeException expected) {
        // wrong codes are refused; the fifth locks email codes
      }
    }

    Dashboard today = dashboard.today(ENV);

    assertThat(today.stepUpsByMethod()).containsEntry(VerificationMethod.EMAIL_OTP, 1L);
    assertThat(today.stepUpsByMethod()).containsEntry(VerificationMethod.TOTP, 0L);
    assertThat(today.stepUps()).isEqualTo(1);
    assertThat(today.verifications()).isEqualTo(6);
    assertThat(today.failedVerifications()).isEqualTo(5);
    assertThat(today.failureRatePercent()).isEqualTo(83);
    assertThat(today.lockouts()).isEqualTo(1);
    assertThat(today.activeTokens()).isEqualTo(1);
    assertThat(today.since())
        .isEqualTo(Fixture.START.truncatedTo(java.time.temporal.ChronoUnit.DAYS));
    assertThat(dashboard.today(Fixture.OTHER_ENV).stepUps()).isZero();
  }

  @Test
  void yesterdaysEventsAreNotCountedToday() {
    f.stepUpWithEmail(session, ANN, Scope.WALLET_SIGN);
    f.clock.advance(Duration.ofDays(1));

    Dashboard today = dashboard.today(ENV);

    assertThat(today.stepUps()).isZero();
    assertThat(today.failureRatePercent()).isZero();
    assertThat(today.activeTokens()).isZero();
  }
}
