package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

  private static final UserId ANN = new UserId("usr_ann");
  private static final SessionContext CONTEXT =
      new SessionContext(ENV, new SessionId("ses_ann"), ORIGIN);

  private final Fixture f = new Fixture();
  private final AttemptLimiter limiter =
      new AttemptLimiter(f.tallies, new Audit(f.audit, f.clock), f.clock);

  private Optional<Duration> fail(VerificationMethod method) {
    return limiter.failed(limiter.begin(CONTEXT, ANN, method));
  }

  @Test
  void theFifthFailureLocksTheMethodForFifteenMinutesAndIsAudited() {
    for (int i = 0; i < 4; i++) {
      assertThat(fail(VerificationMethod.SMS_OTP)).isEmpty();
    }
    limiter.ensureNotLocked(ANN, VerificationMethod.SMS_OTP);

    assertThat(fail(VerificationMethod.SMS_OTP)).contains(Duration.ofMinutes(15));

    RefusedException locked =
        refusal(() -> limiter.ensureNotLocked(ANN, VerificationMethod.SMS_OTP));
    assertThat(locked.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(locked.retryAfter()).contains(Duration.ofMinutes(15));
    assertThat(locked.reason()).isEqualTo(RefusalReason.METHOD_LOCKED);
    AuditEvent lockout = f.lastEvent(AuditEventType.LOCKOUT);
    assertThat(lockout.userId()).contains(ANN);
    assertThat(lockout.sessionId()).contains(CONTEXT.sessionId());
    assertThat(lockout.method()).contains(VerificationMethod.SMS_OTP);
    assertThat(f.events(AuditEventType.LOCKOUT)).hasSize(1);
  }

  @Test
  void aLockCoversOnlyItsUserAndMethodAndEnds() {
    for (int i = 0; i < 5; i++) {
      fail(VerificationMethod.SMS_OTP);
    }

    limiter.ensureNotLocked(ANN, VerificationMethod.TOTP);
    limiter.ensureNotLocked(new UserId("usr_bob"), VerificationMethod.SMS_OTP);
    f.clock.advance(Duration.ofMinutes(14).plusSeconds(1));
    assertThat(refusal(() -> limiter.ensureNotLocked(ANN, VerificationMethod.SMS_OTP)).retryAfter())
        .contains(Duration.ofSeconds(59));
    f.clock.advance(Duration.ofSeconds(59));
    limiter.ensureNotLocked(ANN, VerificationMethod.SMS_OTP);
  }

  @Test
  void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
    for (int i = 0; i < 4; i++) {
      fail(VerificationMethod.TOTP);
    }
    f.clock.advance(Duration.ofMinutes(15));

    assertThat(fail(VerificationMethod.TOTP)).isEmpty();
    limiter.ensureNotLocked(ANN, VerificationMethod.TOTP);
  }

  @Test
  void aSuccessClearsTheCount() {
    for (int i = 0; i < 4; i++) {
      fail(VerificationMethod.TOTP);
    }

    limiter.succeeded(limiter.begin(CONTEXT, ANN, VerificationMethod.TOTP));

    for (int i = 0; i < 4; i++) {
      assertThat(fail(VerificationMethod.TOTP)).isEmpty();
    }
    limiter.ensureNotLocked(ANN, VerificationMethod.TOTP);
  }

  @Test
  void attemptsWhileLockedAreRefusedAndDoNotExtendTheLock() {
    for (int i = 0; i < 5; i++) {
      fail(VerificationMethod.TOTP);
    }
    f.clock.advance(Duration.ofMinutes(10));

    RefusedException refused = refusal(() -> limiter.begin(CONTEXT, ANN, VerificationMethod.TOTP));
    assertThat(refused.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(5));
    assertThat(f.events(AuditEventType.LOCKOUT)).hasSize(1);
  }

  @Test
  void anAttemptThatDoesNotCountIsTakenBack() {
    for (int i = 0; i < 4; i++) {
      fail(VerificationMethod.EMAIL_OTP);
    }
    // The fifth attempt would lock, but its code had expired: it does not count.
    limiter.release(limiter.begin(CONTEXT, ANN, VerificationMethod.EMAIL_OTP));
    limiter.ensureNotLocked(ANN, VerificationMethod.EMAIL_OTP);
    assertThat(fail(VerificationMethod.EMAIL_OTP)).contains(Duration.ofMinutes(15));
  }

  @Test
  void attemptsInFlightCountBeforeTheyAreChecked() {
    // Five guesses started together, none finished: the sixth is refused at once.
    for (int i = 0; i < 5; i++) {
      limiter.begin(CONTEXT, ANN, VerificationMethod.TOTP);
    }
    assertThat(refusal(() -> limiter.begin(CONTEXT, ANN, VerificationMethod.TOTP)).refusal())
        .isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
  }
}
