package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.HARD_LOCK_AFTER;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.UnlockStepUpUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hard cap across methods: failures in a row by any methods lock every step-up of the user,
 * code sends included, until an admin unlocks it or the cool-down passes.
 */
class HardLockTest {

  private static final String ANN = "ann@example.com";
  private static final Set<Scope> EXPORT = Set.of(Scope.WALLET_EXPORT);

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  /**
   * Fails {@code times} email-code entries, waiting out each per-method lock as a patient guesser
   * would.
   */
  private void failEmailCodes(int times) {
    int failed = 0;
    while (failed < times) {
      String code = f.sendCode(session, ANN);
      for (int i = 0; i < FailureTally.THRESHOLD - 1 && failed < times; i++, failed++) {
        refusal(() -> f.codes.verifyOtp(session, Fixture.otherThan(code), EXPORT));
      }
      // Wait out the method's window, so only the hard cap can stop the guesser.
      f.clock.advance(FailureTally.WINDOW);
    }
  }

  @Test
  void failuresInARowAcrossMethodsLockEveryMethodAndCodeSendsUntilTheCoolDown() {
    Fixture.Enrolled totp = f.enrolTotpByEmail(session, ANN); // ann is an MFA user now
    f.clock.advance(Fixture.TOTP_STEP);
    // Slow guessing: under the per-method threshold, but alternating methods adds up.
    int failed = 0;
    while (failed < HARD_LOCK_AFTER - 1) {
      for (int i = 0; i < FailureTally.THRESHOLD - 1 && failed < HARD_LOCK_AFTER - 1; i++) {
        refusal(
            () ->
                f.codes.verifyTotp(session, f.wrongTotp(totp.secret()), Optional.empty(), EXPORT));
        failed++;
        if (failed < HARD_LOCK_AFTER - 1) {
          refusal(
              () -> f.codes.verifyRecoveryCode(session, "2345-6789-abcd-efgh-jkmn-pqrs", EXPORT));
          failed++;
        }
      }
      f.clock.advance(FailureTally.WINDOW);
    }
    assertThat(f.events(AuditEventType.LOCKOUT)).isEmpty();

    RefusedException locking =
        refusal(() -> f.codes.verifyRecoveryCode(session, "2345-6789-abcd-efgh-jkmn-pqrs", EXPORT));

    assertThat(locking.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(locking.retryAfter()).contains(Fixture.HARD_LOCK_COOL_DOWN);
    assertThat(locking.reason()).isEqualTo(RefusalReason.ACCOUNT_LOCKED);
    AuditEvent lockout = f.lastEvent(AuditEventType.LOCKOUT);
    assertThat(lockout.reason()).contains("too_many_consecutive_failures");
    assertThat(lockout.userId()).contains(ann.id());
    assertThat(lockout.method()).isEmpty();
    assertThat(f.messages.to(ANN, SecurityNotice.LOCKED_OUT.headline()))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("any method"));

    // Every method refuses, even with the right code, long after the per-method locks end.
    f.clock.advance(Duration.ofHours(23));
    SessionContext later = f.signIn(ann); // sessions do not last a day
    RefusedException right =
        refusal(
            () -> f.codes.verifyTotp(later, f.totpNow(totp.secret()), Optional.empty(), EXPORT));
    assertThat(right.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(right.retryAfter()).contains(Duration.ofHours(1));
    assertThat(
            refusal(() -> f.codes.verifyRecoveryCode(later, totp.recoveryCodes().get(0), EXPORT))
                .refusal())
        .isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("too_many_attempts");

    f.clock.advance(Duration.ofHours(1));
    assertThat(
            f.codes.verifyTotp(later, f.totpNow(totp.secret()), Optional.empty(), EXPORT).scopes())
        .isEqualTo(EXPORT);
  }

  @Test
  void aHardLockRefusesCodeSendsAndOnlyAnAdminLiftsItEarly() {
    failEmailCodes(HARD_LOCK_AFTER);
    int codesSent =
        f.messages.sent().stream()
            .filter(m -> m.subject().startsWith("Your verification code"))
            .toList()
            .size();

    RefusedException send = refusal(() -> f.codes.send(session, Optional.empty()));

    assertThat(send.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(send.reason()).isEqualTo(RefusalReason.ACCOUNT_LOCKED);
    assertThat(f.lastEvent(AuditEventType.OTP_SENT).outcome())
        .isEqualTo(AuditEvent.Outcome.FAILURE);
    assertThat(
            f.messages.sent().stream()
                .filter(m -> m.subject().startsWith("Your verification code"))
                .toList())
        .hasSize(codesSent);
    assertThat(f.unlock.lockedUntil(ENV, ann.id())).isPresent();

    boolean lifted =
        f.unlock.unlock(new UnlockStepUpUseCase.Command(ENV, ann.id(), "admin", ORIGIN));

    assertThat(lifted).isTrue();
    assertThat(f.unlock.lockedUntil(ENV, ann.id())).isEmpty();
    AuditEvent reset = f.lastEvent(AuditEventType.LOCKOUT_RESET);
    assertThat(reset.actor()).contains("admin");
    assertThat(reset.userId()).contains(ann.id());
    assertThat(f.stepUpWithEmail(session, ANN, Scope.WALLET_EXPORT).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aSuccessStartsTheCountOver() {
    for (int round = 0; round < 4; round++) {
      failEmailCodes(FailureTally.THRESHOLD - 1);
      f.clock.advance(Duration.ofSeconds(31));
      assertThat(f.stepUpWithEmail(session, ANN, Scope.WALLET_EXPORT).scopes()).isEqualTo(EXPORT);
      f.clock.advance(Duration.ofMinutes(30)); // stay under the hourly send limit
    }
    assertThat(f.events(AuditEventType.LOCKOUT)).isEmpty();
    assertThat(f.lockouts.find(ann.id())).isEmpty();
  }
}
