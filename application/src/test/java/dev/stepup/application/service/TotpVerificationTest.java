package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.TOTP_STEP;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Step-up with an authenticator app (RFC 6238): the MFA path, checked by {@link
 * dev.stepup.application.service.stepup.TotpProofChecker}.
 */
class TotpVerificationTest {

  private static final String ANN = "ann@example.com";
  private static final Set<Scope> EXPORT = Set.of(Scope.WALLET_EXPORT);

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  /** Enrolled at the clock's start: the code of that time step is spent by the enrolment. */
  private final Fixture.Enrolled device = f.enrolTotpByEmail(session, ANN);

  private IssuedElevatedToken verify(String code) {
    return f.codes.verifyTotp(session, code, Optional.empty(), EXPORT);
  }

  private String codeAt(Duration offset) {
    return JdkTotp.codeAt(device.secret(), f.clock.instant().plus(offset));
  }

  @Test
  void theCurrentCodeIssuesATokenSayingTotp() {
    f.clock.advance(TOTP_STEP);

    IssuedElevatedToken issued = verify(f.totpNow(device.secret()));

    assertThat(issued.scopes()).isEqualTo(EXPORT);
    assertThat(f.tokens.find(issued.tokenId()).orElseThrow().method())
        .contains(VerificationMethod.TOTP);
    assertThat(f.signer.claimsOf(issued.elevatedAccessToken()).orElseThrow().amr())
        .containsExactly("otp", "totp");
    AuditEvent verification = f.lastEvent(AuditEventType.VERIFICATION);
    assertThat(verification.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(verification.method()).contains(VerificationMethod.TOTP);
  }

  @Test
  void aCodeCanBeCheckedAgainstANamedDevice() {
    f.clock.advance(TOTP_STEP);

    IssuedElevatedToken issued =
        f.codes.verifyTotp(
            session, f.totpNow(device.secret()), Optional.of(device.deviceId()), EXPORT);

    assertThat(issued.scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aDeviceThatIsNotTheUsersIsNotEligible() {
    f.clock.advance(TOTP_STEP);

    RefusedException refused =
        refusal(
            () ->
                f.codes.verifyTotp(
                    session,
                    f.totpNow(device.secret()),
                    Optional.of(new CredentialId("cred_someone_else")),
                    EXPORT));

    assertThat(refused.refusal()).isEqualTo(Refusal.NO_ELIGIBLE_CREDENTIAL);
  }

  @Test
  void theCodeUsedForEnrolmentCannotBeReplayed() {
    RefusedException replay = refusal(() -> verify(f.totpNow(device.secret())));

    assertThat(replay.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).hasSize(1); // the email step-up to enrol
  }

  @Test
  void aCodeAcceptedOnceIsNeverAcceptedAgain() {
    f.clock.advance(TOTP_STEP);
    String code = f.totpNow(device.secret());
    verify(code);
    f.clock.advance(Duration.ofSeconds(10));

    RefusedException replay = refusal(() -> verify(code));
    RefusedException wrong = refusal(() -> verify(f.wrongTotp(device.secret())));

    // Answered exactly as a wrong code: the answer must not confirm the code was right.
    assertThat(replay.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(replay.getMessage()).isEqualTo(wrong.getMessage()).doesNotContain("used");
    assertThat(replay.retryAfter()).isEqualTo(wrong.retryAfter());
    List<AuditEvent> failures =
        f.events(AuditEventType.VERIFICATION).stream()
            .filter(e -> e.outcome() == AuditEvent.Outcome.FAILURE)
            .toList();
    assertThat(failures)
        .extracting(e -> e.reason().orElseThrow())
        .containsExactly("replayed", "invalid_code");
    assertThat(f.messages.to(ANN, SecurityNotice.CODE_REPLAYED.headline())).hasSize(1);
    // The replay counted: with the wrong code, two of the five failures that pause TOTP.
    assertThat(f.tallies.find(ann.id(), VerificationMethod.TOTP).orElseThrow().failures())
        .isEqualTo(2);
  }

  @Test
  void theCodeOfThePreviousStepIsAccepted() {
    f.clock.advance(TOTP_STEP.multipliedBy(2));

    assertThat(verify(codeAt(TOTP_STEP.negated())).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aCodeOfTheNextStepIsRefused() {
    f.clock.advance(TOTP_STEP.multipliedBy(2));
    String next = codeAt(TOTP_STEP);
    boolean collides =
        next.equals(f.totpNow(device.secret())) || next.equals(codeAt(TOTP_STEP.negated()));

    if (!collides) {
      RefusedException refused = refusal(() -> verify(next));
      assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
      assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("invalid_code");
    }
    // The code of the current step still works: the refused one did not retire it.
    assertThat(verify(f.totpNow(device.secret())).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aCodeTwoStepsOldIsRefused() {
    f.clock.advance(TOTP_STEP.multipliedBy(3));
    String stale = codeAt(TOTP_STEP.multipliedBy(-2));
    Instant now = f.clock.instant();
    boolean collides =
        stale.equals(JdkTotp.codeAt(device.secret(), now.minus(TOTP_STEP)))
            || stale.equals(JdkTotp.codeAt(device.secret(), now))
            || stale.equals(JdkTotp.codeAt(device.secret(), now.plus(TOTP_STEP)));

    if (!collides) {
      RefusedException refused = refusal(() -> verify(stale));
      assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
      assertThat(refused.reason()).isEqualTo(RefusalReason.INVALID_TOTP_CODE);
    }
  }

  @Test
  void aWrongCodeIsRefusedAndMalformedInputToo() {
    f.clock.advance(TOTP_STEP);

    assertThat(refusal(() -> verify(f.wrongTotp(device.secret()))).refusal())
        .isEqualTo(Refusal.INVALID_CODE);
    assertThat(refusal(() -> verify("12 34")).refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(refusal(() -> verify(null)).refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).outcome())
        .isEqualTo(AuditEvent.Outcome.FAILURE);
    assertThat(verify(f.totpNow(device.secret())).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void fiveWrongCodesLockTotpEvenForTheRightCode() {
    f.clock.advance(TOTP_STEP);
    for (int i = 0; i < 4; i++) {
      refusal(() -> verify(f.wrongTotp(device.secret())));
    }

    RefusedException locking = refusal(() -> verify(f.wrongTotp(device.secret())));
    RefusedException right = refusal(() -> verify(f.totpNow(device.secret())));

    assertThat(locking.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(locking.retryAfter()).contains(Duration.ofMinutes(15));
    assertThat(right.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(right.retryAfter()).isPresent();
    assertThat(f.lastEvent(AuditEventType.LOCKOUT).method()).contains(VerificationMethod.TOTP);
    // The attempt refused by the lock is on record too, with its reason.
    var refusedWhileLocked = f.lastEvent(AuditEventType.VERIFICATION);
    assertThat(refusedWhileLocked.reason()).contains("too_many_attempts");
    assertThat(refusedWhileLocked.scopes()).isEqualTo(EXPORT);

    f.clock.advance(Duration.ofMinutes(15));
    assertThat(verify(f.totpNow(device.secret())).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aUserWithoutAnAuthenticatorAppCannotUseTotp() {
    SessionContext bob = f.signIn(f.emailUser("bob@example.com"));

    RefusedException refused =
        refusal(() -> f.codes.verifyTotp(bob, "123456", Optional.empty(), EXPORT));

    assertThat(refused.refusal()).isEqualTo(Refusal.NO_ELIGIBLE_CREDENTIAL);
  }

  @Test
  void totpTurnedOffByTheAdminIsRefused() {
    f.changeSettings(
        Fixture.ENV,
        s ->
            s.withMethod(VerificationMethod.TOTP, false)
                .withMethod(VerificationMethod.RECOVERY_CODE, false));
    f.clock.advance(TOTP_STEP);

    RefusedException refused = refusal(() -> verify(f.totpNow(device.secret())));

    assertThat(refused.refusal()).isEqualTo(Refusal.METHOD_DISABLED);
  }

  @Test
  void ofConcurrentEntriesOfOneCodeExactlyOneEarnsAToken() throws InterruptedException {
    f.clock.advance(TOTP_STEP);
    String code = f.totpNow(device.secret());

    List<Object> outcomes = Fixture.race(4, () -> verify(code));

    assertThat(outcomes).filteredOn(IssuedElevatedToken.class::isInstance).hasSize(1);
    assertThat(outcomes).filteredOn(RefusedException.class::isInstance).hasSize(3);
  }

  @Test
  void simultaneousGuessesAreNotTriedBeyondTheLockThreshold() throws InterruptedException {
    int guesses = 10;
    CountDownLatch allArrived = new CountDownLatch(guesses);
    AtomicInteger tried = new AtomicInteger();
    TotpVerifier observed =
        new TotpVerifier() {
          @Override
          public byte[] newSecret() {
            return f.totp.newSecret();
          }

          @Override
          public OptionalLong matchingTimeStep(byte[] secret, String code, Instant now) {
            tried.incrementAndGet();
            allArrived.countDown();
            try {
              allArrived.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return f.totp.matchingTimeStep(secret, code, now);
          }
        };
    Fixture.StepUpCodes codes = f.codesWith(observed);
    f.clock.advance(TOTP_STEP);
    String wrong = f.wrongTotp(device.secret());

    Fixture.race(guesses, () -> codes.verifyTotp(session, wrong, Optional.empty(), EXPORT));

    assertThat(tried.get()).isLessThanOrEqualTo(FailureTally.THRESHOLD);
  }
}
