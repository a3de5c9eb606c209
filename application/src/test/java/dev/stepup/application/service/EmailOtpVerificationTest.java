package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.fakes.RecordingMessages.Message;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase.CodeSent;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.ElevatedToken;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Email and SMS one-time codes: the re-auth path of {@link
 * dev.stepup.application.service.stepup.VerifyStepUpService}.
 */
class EmailOtpVerificationTest {

  private static final String ANN = "ann@example.com";
  private static final Set<Scope> EXPORT = Set.of(Scope.WALLET_EXPORT);

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  private RefusedException wrongEntry(String code) {
    return refusal(() -> f.codes.verifyOtp(session, Fixture.otherThan(code), EXPORT));
  }

  // ---- sending ---------------------------------------------------------------------------------

  @Test
  void aCodeIsEmailedToTheSignInAddressAndTheSendIsAudited() {
    CodeSent sent = f.codes.send(session, Optional.empty());

    Credential email = Fixture.credential(ann, CredentialFormat.EMAIL);
    assertThat(sent.channel()).isEqualTo(VerificationMethod.EMAIL_OTP);
    assertThat(sent.credentialId()).isEqualTo(email.id());
    assertThat(f.messages.sent())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.channel()).isEqualTo("email");
              assertThat(m.recipient()).isEqualTo(ANN);
              assertThat(m.body()).contains("expires in 10 minutes");
            });
    assertThat(f.messages.lastCodeTo(ANN)).hasValueSatisfying(c -> assertThat(c).hasSize(6));
    AuditEvent event = f.lastEvent(AuditEventType.OTP_SENT);
    assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(event.userId()).contains(ann.id());
    assertThat(event.method()).contains(VerificationMethod.EMAIL_OTP);
  }

  @Test
  void aUserWhoSignedInWithTheirPhoneGetsATextUnlessTheyAskForTheirEmail() {
    User bob =
        f.createUser(ENV, Optional.of("bob@example.com"), Optional.of("+14155550123"), false);
    Credential phone = Fixture.credential(bob, CredentialFormat.PHONE_NUMBER);
    Credential email = Fixture.credential(bob, CredentialFormat.EMAIL);
    SessionContext bobSession = f.signIn(bob, phone.id());

    CodeSent text = f.codes.send(bobSession, Optional.empty());
    f.clock.advance(Duration.ofSeconds(30));
    CodeSent mail = f.codes.send(bobSession, Optional.of(email.id()));

    assertThat(text.channel()).isEqualTo(VerificationMethod.SMS_OTP);
    assertThat(mail.channel()).isEqualTo(VerificationMethod.EMAIL_OTP);
    assertThat(f.messages.sent())
        .extracting(Message::channel, Message::recipient)
        .containsExactly(tuple("sms", "+14155550123"), tuple("email", "bob@example.com"));
    IssuedElevatedToken token =
        f.codes.verifyOtp(
            bobSession, f.messages.lastCodeTo("bob@example.com").orElseThrow(), EXPORT);
    assertThat(f.tokens.find(token.tokenId()).orElseThrow().method())
        .contains(VerificationMethod.EMAIL_OTP);
  }

  @Test
  void theCodeIsStoredOnlyAsAHash() {
    String code = f.sendCode(session, ANN);

    OtpChallenge stored = f.challenges.latestForSession(session.sessionId()).orElseThrow();
    assertThat(stored.codeDigest()).doesNotContain(code);
    assertThat(stored.id()).doesNotContain(code);
    assertThat(stored.credentialId().value()).doesNotContain(code);
    assertThat(f.audit.events())
        .allSatisfy(e -> assertThat(e.reason().orElse("")).doesNotContain(code));
  }

  @Test
  void aResendWithinThirtySecondsIsThrottled() {
    f.sendCode(session, ANN);
    f.clock.advance(Duration.ofSeconds(10));

    RefusedException refused = refusal(() -> f.codes.send(session, Optional.empty()));

    assertThat(refused.refusal()).isEqualTo(Refusal.RESEND_THROTTLED);
    assertThat(refused.refusal().code()).isEqualTo("too_many_attempts");
    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(20));
    assertThat(f.messages.sent()).hasSize(1);
    assertThat(f.lastEvent(AuditEventType.OTP_SENT).reason()).contains("throttled");
  }

  @Test
  void aResentCodeReplacesThePreviousOne() {
    String first = f.sendCode(session, ANN);
    f.clock.advance(Duration.ofSeconds(30));
    String second = f.sendCode(session, ANN);

    if (!first.equals(second)) {
      assertThat(refusal(() -> f.codes.verifyOtp(session, first, EXPORT)).refusal())
          .isEqualTo(Refusal.INVALID_CODE);
    }
    assertThat(f.codes.verifyOtp(session, second, EXPORT).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void noMoreThanFiveCodesAnHour() {
    for (int i = 0; i < 5; i++) {
      f.sendCode(session, ANN);
      f.clock.advance(Duration.ofMinutes(1));
    }

    RefusedException refused = refusal(() -> f.codes.send(session, Optional.empty()));

    assertThat(refused.refusal()).isEqualTo(Refusal.RESEND_THROTTLED);
    assertThat(refused.retryAfter()).contains(Duration.ofMinutes(55));
    assertThat(f.messages.sent()).hasSize(5);
    f.clock.advance(Duration.ofMinutes(55).plusMillis(1));
    assertThat(f.codes.send(session, Optional.empty()).channel())
        .isEqualTo(VerificationMethod.EMAIL_OTP);
  }

  @Test
  void aThrottledSenderMaySendAgainExactlyWhenRetryAfterSays() {
    for (int i = 0; i < 5; i++) {
      f.sendCode(session, ANN);
      f.clock.advance(Duration.ofMinutes(1));
    }
    RefusedException refused = refusal(() -> f.codes.send(session, Optional.empty()));

    f.clock.advance(refused.retryAfter().orElseThrow());

    assertThat(f.codes.send(session, Optional.empty()).channel())
        .isEqualTo(VerificationMethod.EMAIL_OTP);
  }

  @Test
  void aDisabledMethodSendsNothing() {
    f.changeSettings(ENV, s -> s.withMethod(VerificationMethod.EMAIL_OTP, false));

    assertThat(refusal(() -> f.codes.send(session, Optional.empty())).refusal())
        .isEqualTo(Refusal.METHOD_DISABLED);
    assertThat(f.messages.sent()).isEmpty();
  }

  @Test
  void codesCannotBeSentToAnotherUsersCredential() {
    User bob = f.emailUser("bob@example.com");
    Credential bobsEmail = Fixture.credential(bob, CredentialFormat.EMAIL);

    assertThat(refusal(() -> f.codes.send(session, Optional.of(bobsEmail.id()))).refusal())
        .isEqualTo(Refusal.CREDENTIAL_NOT_ELIGIBLE);
    assertThat(f.messages.sent()).isEmpty();
  }

  @Test
  void anEndedSessionCannotAskForCodes() {
    f.userService.end(new EndSessionUseCase.Command(ENV, session.sessionId(), Fixture.ORIGIN));

    assertThat(refusal(() -> f.codes.send(session, Optional.empty())).refusal())
        .isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(f.messages.sent()).isEmpty();
  }

  // ---- verifying -------------------------------------------------------------------------------

  @Test
  void theRightCodeIssuesATokenForTheRequestedScopes() {
    String code = f.sendCode(session, ANN);

    IssuedElevatedToken issued =
        f.codes.verifyOtp(session, code, Set.of(Scope.WALLET_EXPORT, Scope.WALLET_SIGN));

    assertThat(issued.scopes()).containsExactlyInAnyOrder(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    assertThat(issued.singleUse()).isTrue();
    ElevatedToken record = f.tokens.find(issued.tokenId()).orElseThrow();
    assertThat(record.userId()).isEqualTo(ann.id());
    assertThat(record.sessionId()).contains(session.sessionId());
    assertThat(record.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(f.stateOf(issued)).isEqualTo(TokenState.ACTIVE);
    AuditEvent verification = f.lastEvent(AuditEventType.VERIFICATION);
    assertThat(verification.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(verification.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(verification.scopes())
        .containsExactlyInAnyOrder(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.of(issued.elevatedAccessToken()));
  }

  @Test
  void aCodeWorksOnlyOnce() {
    String code = f.sendCode(session, ANN);
    f.codes.verifyOtp(session, code, EXPORT);

    RefusedException again = refusal(() -> f.codes.verifyOtp(session, code, EXPORT));

    assertThat(again.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).hasSize(1);
  }

  @Test
  void aReplayedCodeIsAnsweredExactlyLikeAWrongOneButAuditedAsReplayedAndTold() {
    String code = f.sendCode(session, ANN);
    f.codes.verifyOtp(session, code, EXPORT);

    RefusedException replay = refusal(() -> f.codes.verifyOtp(session, code, EXPORT));
    RefusedException wrong = wrongEntry(code);

    assertThat(replay.refusal()).isEqualTo(Refusal.INVALID_CODE).isEqualTo(wrong.refusal());
    assertThat(replay.getMessage()).isEqualTo(wrong.getMessage()).doesNotContain("used");
    List<AuditEvent> failures =
        f.events(AuditEventType.VERIFICATION).stream()
            .filter(e -> e.outcome() == AuditEvent.Outcome.FAILURE)
            .toList();
    assertThat(failures)
        .extracting(e -> e.reason().orElseThrow())
        .containsExactly("replayed", "invalid_code");
    assertThat(f.messages.to(ANN, SecurityNotice.CODE_REPLAYED.headline())).hasSize(1);
    assertThat(f.tallies.find(ann.id(), VerificationMethod.EMAIL_OTP).orElseThrow().failures())
        .isEqualTo(2);
  }

  @Test
  void aWrongCodeIsRefusedWithTheAttemptsLeftAndAudited() {
    String code = f.sendCode(session, ANN);

    RefusedException first = wrongEntry(code);
    RefusedException second = wrongEntry(code);

    assertThat(first.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(first.refusal().code()).isEqualTo("invalid_code");
    assertThat(first.attemptsLeft()).hasValue(4);
    assertThat(second.attemptsLeft()).hasValue(3);
    assertThat(first.getMessage()).doesNotContain(code);
    AuditEvent failure = f.lastEvent(AuditEventType.VERIFICATION);
    assertThat(failure.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
    assertThat(failure.reason()).contains("invalid_code");
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).isEmpty();
    assertThat(f.codes.verifyOtp(session, code, EXPORT).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void malformedEntriesAreWrongCodes() {
    f.sendCode(session, ANN);

    assertThat(refusal(() -> f.codes.verifyOtp(session, "12345", EXPORT)).refusal())
        .isEqualTo(Refusal.INVALID_CODE);
    assertThat(refusal(() -> f.codes.verifyOtp(session, null, EXPORT)).refusal())
        .isEqualTo(Refusal.INVALID_CODE);
  }

  @Test
  void fiveWrongEntriesKillTheCode() {
    // The first failure is two codes back, so the user's failure window restarts part-way and
    // the method is never locked: what stops the right code is the code's own limit.
    String old = f.sendCode(session, ANN);
    wrongEntry(old);
    f.clock.advance(Duration.ofMinutes(10));
    String code = f.sendCode(session, ANN);
    wrongEntry(code);
    wrongEntry(code);
    wrongEntry(code);
    f.clock.advance(Duration.ofMinutes(5));
    RefusedException fourth = wrongEntry(code);
    RefusedException fifth = wrongEntry(code);

    RefusedException right = refusal(() -> f.codes.verifyOtp(session, code, EXPORT));

    assertThat(fourth.attemptsLeft()).hasValue(1);
    assertThat(fifth.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(fifth.attemptsLeft()).hasValue(0);
    assertThat(right.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(right.retryAfter()).isEmpty();
    assertThat(f.events(AuditEventType.LOCKOUT)).isEmpty();
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).isEmpty();
    f.clock.advance(Duration.ofSeconds(30));
    String fresh = f.sendCode(session, ANN);
    assertThat(f.codes.verifyOtp(session, fresh, EXPORT).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void aCodeExpiresAfterTenMinutes() {
    String code = f.sendCode(session, ANN);
    f.clock.advance(Duration.ofMinutes(10));

    RefusedException late = refusal(() -> f.codes.verifyOtp(session, code, EXPORT));

    assertThat(late.refusal()).isEqualTo(Refusal.CODE_EXPIRED);
    assertThat(late.refusal().code()).isEqualTo("code_expired");
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("code_expired");
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).isEmpty();
  }

  @Test
  void aCodeStillWorksJustBeforeItExpires() {
    String code = f.sendCode(session, ANN);
    f.clock.advance(Duration.ofMinutes(10).minusSeconds(1));

    assertThat(f.codes.verifyOtp(session, code, EXPORT).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void verifyingWithoutASentCodeIsRefused() {
    assertThat(refusal(() -> f.codes.verifyOtp(session, "123456", EXPORT)).refusal())
        .isEqualTo(Refusal.NO_PENDING_CODE);
  }

  @Test
  void aCodeSentToAnotherSessionDoesNotWorkHere() {
    SessionContext other = f.signIn(ann);
    String code = f.sendCode(other, ANN);

    assertThat(refusal(() -> f.codes.verifyOtp(session, code, EXPORT)).refusal())
        .isEqualTo(Refusal.NO_PENDING_CODE);
  }

  // ---- lockout ---------------------------------------------------------------------------------

  @Test
  void repeatedFailuresLockTheMethodForFifteenMinutes() {
    String code = f.sendCode(session, ANN);
    for (int i = 0; i < 4; i++) {
      assertThat(wrongEntry(code).refusal()).isEqualTo(Refusal.INVALID_CODE);
    }

    RefusedException locking = wrongEntry(code);

    assertThat(locking.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(locking.refusal().code()).isEqualTo("too_many_attempts");
    assertThat(locking.retryAfter()).contains(Duration.ofMinutes(15));
    AuditEvent lockout = f.lastEvent(AuditEventType.LOCKOUT);
    assertThat(lockout.userId()).contains(ann.id());
    assertThat(lockout.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(lockout.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);

    f.clock.advance(Duration.ofMinutes(1));
    RefusedException sendWhileLocked = refusal(() -> f.codes.send(session, Optional.empty()));
    assertThat(sendWhileLocked.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(sendWhileLocked.retryAfter()).contains(Duration.ofMinutes(14));
    assertThat(f.lastEvent(AuditEventType.OTP_SENT).reason()).contains("too_many_attempts");
    assertThat(f.messages.sent())
        .filteredOn(m -> m.subject().startsWith("Your verification code"))
        .hasSize(1);
    assertThat(f.messages.to(ANN, SecurityNotice.LOCKED_OUT.headline()))
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("Confirming with an email code"));

    f.clock.advance(Duration.ofMinutes(14));
    String fresh = f.sendCode(session, ANN);
    assertThat(f.codes.verifyOtp(session, fresh, EXPORT).scopes()).isEqualTo(EXPORT);
  }

  @Test
  void theLockHoldsInEverySessionOfTheUser() {
    String code = f.sendCode(session, ANN);
    for (int i = 0; i < 5; i++) {
      wrongEntry(code);
    }
    SessionContext other = f.signIn(ann);

    RefusedException refused = refusal(() -> f.codes.send(other, Optional.empty()));

    assertThat(refused.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(refused.retryAfter()).isPresent();
  }

  @Test
  void aSuccessClearsTheFailureCount() {
    String code = f.sendCode(session, ANN);
    for (int i = 0; i < 4; i++) {
      wrongEntry(code);
    }
    f.codes.verifyOtp(session, code, EXPORT);
    f.clock.advance(Duration.ofSeconds(30));
    String next = f.sendCode(session, ANN);

    for (int i = 0; i < 4; i++) {
      assertThat(wrongEntry(next).refusal()).isEqualTo(Refusal.INVALID_CODE);
    }
    assertThat(f.events(AuditEventType.LOCKOUT)).isEmpty();
  }

  // ---- the MFA rule ----------------------------------------------------------------------------

  @Test
  void anMfaUserCannotStepUpByEmail() {
    Fixture.Enrolled enrolled = f.enrolTotpByEmail(session, ANN);
    assertThat(enrolled.recoveryCodes()).isNotEmpty();
    int sentBefore = f.messages.sent().size();
    f.clock.advance(Duration.ofMinutes(1));

    RefusedException refused = refusal(() -> f.codes.send(session, Optional.empty()));
    RefusedException named =
        refusal(
            () ->
                f.codes.send(
                    session, Optional.of(Fixture.credential(ann, CredentialFormat.EMAIL).id())));

    assertThat(refused.refusal()).isEqualTo(Refusal.MFA_REQUIRED);
    assertThat(refused.refusal().code()).isEqualTo("mfa_required");
    assertThat(named.refusal()).isEqualTo(Refusal.MFA_REQUIRED);
    assertThat(f.messages.sent()).hasSize(sentBefore);
  }

  @Test
  void aCodeSentBeforeEnrollingMfaNoLongerCounts() {
    IssuedElevatedToken link = f.stepUpWithEmail(session, ANN, Scope.CREDENTIAL_LINK);
    var enrolment =
        f.mfa.startTotpEnrolment(
            new StartTotpEnrolmentUseCase.Command(
                session, Optional.empty(), Optional.of(link.elevatedAccessToken())));
    f.clock.advance(Duration.ofSeconds(30));
    String pending = f.sendCode(session, ANN);
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());
    f.mfa.confirmTotp(
        new ConfirmTotpEnrolmentUseCase.Command(session, enrolment.deviceId(), f.totpNow(secret)));

    RefusedException refused = refusal(() -> f.codes.verifyOtp(session, pending, EXPORT));

    assertThat(refused.refusal()).isEqualTo(Refusal.MFA_REQUIRED);
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("mfa_required");
  }

  @Test
  void ofConcurrentSendsForOneSessionExactlyOneGoes() throws InterruptedException {
    List<Object> outcomes = Fixture.race(8, () -> f.codes.send(session, Optional.empty()));

    assertThat(outcomes).filteredOn(RefusedException.class::isInstance).hasSize(7);
    assertThat(f.messages.sent()).hasSize(1);
    assertThat(f.events(AuditEventType.OTP_SENT))
        .filteredOn(e -> e.outcome() == AuditEvent.Outcome.SUCCESS)
        .hasSize(1);
  }

  @Test
  void ofConcurrentEntriesOfTheRightCodeExactlyOneEarnsAToken() throws InterruptedException {
    String code = f.sendCode(session, ANN);

    List<Object> outcomes = Fixture.race(8, () -> f.codes.verifyOtp(session, code, EXPORT));

    assertThat(outcomes).filteredOn(IssuedElevatedToken.class::isInstance).hasSize(1);
    assertThat(outcomes)
        .filteredOn(RefusedException.class::isInstance)
        .hasSize(7)
        .allSatisfy(
            o ->
                assertThat(((RefusedException) o).refusal())
                    .isIn(Refusal.INVALID_CODE, Refusal.TOO_MANY_ATTEMPTS));
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).hasSize(1);
  }
}
