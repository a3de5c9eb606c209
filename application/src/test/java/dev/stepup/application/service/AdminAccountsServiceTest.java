package dev.stepup.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.DirectTransactions;
import dev.stepup.application.fakes.FakeSecretHasher;
import dev.stepup.application.fakes.InMemoryAdminAccounts;
import dev.stepup.application.fakes.InMemorySignInTallies;
import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.fakes.MutableClock;
import dev.stepup.application.fakes.RecordingAuditTrail;
import dev.stepup.application.fakes.XorSecretCipher;
import dev.stepup.application.port.in.admin.AddAdminUseCase.AddAdminCommand;
import dev.stepup.application.port.in.admin.AdminChange;
import dev.stepup.application.port.in.admin.AdminTotpEnrolment;
import dev.stepup.application.port.in.admin.ChangeAdminPasswordUseCase.ChangeAdminPasswordCommand;
import dev.stepup.application.port.in.admin.ConfirmAdminTotpEnrolmentUseCase;
import dev.stepup.application.port.in.admin.SecondFactorOutcome;
import dev.stepup.application.port.in.admin.VerifyAdminTotpUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.admin.AdminSecondFactorService;
import dev.stepup.application.service.admin.ManageAdminsService;
import dev.stepup.domain.access.AdminAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Console admin accounts: passwords under the rule, second factors spent once and throttled. */
class AdminAccountsServiceTest {

  private static final RequestOrigin OFFICE = new RequestOrigin("198.51.100.1", "browser");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-02T09:00:10Z"));
  private final InMemoryAdminAccounts admins = new InMemoryAdminAccounts();
  private final InMemorySignInTallies tallies = new InMemorySignInTallies();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final FakeSecretHasher hasher = new FakeSecretHasher();
  private final JdkTotp totp = new JdkTotp();
  private final ManageAdminsService manage =
      new ManageAdminsService(admins, hasher, new DirectTransactions(), tallies, audit, clock);
  private final AdminSecondFactorService secondFactor =
      new AdminSecondFactorService(
          admins,
          totp,
          totp,
          new XorSecretCipher(),
          new DirectTransactions(),
          tallies,
          audit,
          clock);

  private long events(AuditEventType type, AuditEvent.Outcome outcome) {
    return audit.events().stream().filter(e -> e.type() == type && e.outcome() == outcome).count();
  }

  private byte[] enrol(String username) {
    AdminTotpEnrolment enrolment = secondFactor.startEnrolment(username);
    byte[] secret = HexFormat.of().parseHex(enrolment.key());
    assertThat(
            secondFactor.confirmEnrolment(
                new ConfirmAdminTotpEnrolmentUseCase.Command(
                    username,
                    enrolment.sealedSecret(),
                    JdkTotp.codeAt(secret, clock.instant()),
                    OFFICE)))
        .isInstanceOf(SecondFactorOutcome.Accepted.class);
    return secret;
  }

  @Test
  void anAdminAddsAnotherWhoseGeneratedPasswordIsAnsweredOnceAndFollowsTheRule() {
    AdminChange added = manage.add(new AddAdminCommand("admin", "ops", Optional.empty(), OFFICE));
    String password = ((AdminChange.Done) added).generatedPassword().orElseThrow();
    assertThat(password).hasSize(24);
    assertThat(hasher.passwordMatches(password, admins.find("ops").orElseThrow().passwordHash()))
        .isTrue();
    assertThat(admins.find("ops").orElseThrow().secondFactorEnrolled()).isFalse();
    assertThat(manage.add(new AddAdminCommand("admin", "ops", Optional.of("x".repeat(3)), OFFICE)))
        .isInstanceOf(AdminChange.Refused.class);
    assertThat(events(AuditEventType.ADMIN_ADDED, AuditEvent.Outcome.SUCCESS)).isEqualTo(1);
  }

  @Test
  void shortAndCommonPasswordsAreRefusedWithTheirReason() {
    assertThat(manage.add(new AddAdminCommand("admin", "ops", Optional.of("short1!"), OFFICE)))
        .isEqualTo(new AdminChange.Refused("The password must have at least 12 characters."));
    AdminChange common =
        manage.add(new AddAdminCommand("admin", "ops", Optional.of("Password2024!"), OFFICE));
    assertThat(((AdminChange.Refused) common).message()).contains("too common");
    assertThat(admins.find("ops")).isEmpty();
    assertThat(events(AuditEventType.ADMIN_ADDED, AuditEvent.Outcome.FAILURE)).isEqualTo(2);
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPassword() {
    admins.save(
        new AdminAccount("ops", hasher.hashPassword("violet kettle drums"), clock.instant()));
    assertThat(
            manage.changePassword(
                new ChangeAdminPasswordCommand("ops", "wrong one", "amber lantern fields", OFFICE)))
        .isEqualTo(new AdminChange.Refused("The current password is wrong."));
    assertThat(
            manage.changePassword(
                new ChangeAdminPasswordCommand(
                    "ops", "violet kettle drums", "amber lantern fields", OFFICE)))
        .isInstanceOf(AdminChange.Done.class);
    assertThat(
            hasher.passwordMatches(
                "amber lantern fields", admins.find("ops").orElseThrow().passwordHash()))
        .isTrue();
    assertThat(events(AuditEventType.ADMIN_PASSWORD_CHANGED, AuditEvent.Outcome.SUCCESS))
        .isEqualTo(1);
  }

  @Test
  void aCodeIsAcceptedOnceAndAReplayIsRefused() {
    admins.save(new AdminAccount("ops", "hash", clock.instant()));
    byte[] secret = enrol("ops");
    assertThat(admins.find("ops").orElseThrow().totp().orElseThrow().sealedSecret())
        .isNotEqualTo(secret);
    // The enrolling code is spent: the same step is a replay.
    assertThat(
            secondFactor.verify(
                new VerifyAdminTotpUseCase.Command(
                    "ops", JdkTotp.codeAt(secret, clock.instant()), OFFICE)))
        .isInstanceOf(SecondFactorOutcome.Rejected.class);
    clock.advance(Duration.ofSeconds(30));
    String next = JdkTotp.codeAt(secret, clock.instant());
    assertThat(secondFactor.verify(new VerifyAdminTotpUseCase.Command("ops", next, OFFICE)))
        .isInstanceOf(SecondFactorOutcome.Accepted.class);
    assertThat(secondFactor.verify(new VerifyAdminTotpUseCase.Command("ops", next, OFFICE)))
        .isInstanceOf(SecondFactorOutcome.Rejected.class);
    assertThat(events(AuditEventType.ADMIN_SECOND_FACTOR_ENROLLED, AuditEvent.Outcome.SUCCESS))
        .isEqualTo(1);
    assertThat(events(AuditEventType.ADMIN_SECOND_FACTOR, AuditEvent.Outcome.FAILURE)).isEqualTo(2);
  }

  @Test
  void wrongCodesAreThrottledEvenBeforeTheRightOne() {
    admins.save(new AdminAccount("ops", "hash", clock.instant()));
    byte[] secret = enrol("ops");
    for (int i = 0; i < 5; i++) {
      assertThat(secondFactor.verify(new VerifyAdminTotpUseCase.Command("ops", "000000", OFFICE)))
          .isInstanceOf(SecondFactorOutcome.Rejected.class);
    }
    clock.advance(Duration.ofSeconds(30));
    assertThat(
            secondFactor.verify(
                new VerifyAdminTotpUseCase.Command(
                    "ops", JdkTotp.codeAt(secret, clock.instant()), OFFICE)))
        .isInstanceOf(SecondFactorOutcome.Throttled.class);
  }

  @Test
  void anAdminWithoutAnAppHasNothingToVerify() {
    admins.save(new AdminAccount("ops", "hash", clock.instant()));
    assertThat(secondFactor.enrolled("ops")).isFalse();
    assertThat(secondFactor.verify(new VerifyAdminTotpUseCase.Command("ops", "123456", OFFICE)))
        .isInstanceOf(SecondFactorOutcome.Rejected.class);
  }
}
