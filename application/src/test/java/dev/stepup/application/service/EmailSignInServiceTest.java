package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase.SignInCodeSent;
import dev.stepup.application.port.in.signin.SignInCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.RedirectAllowList;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.Session;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing in to the hosted pages by an emailed code: {@link EmailSignInService}. */
class EmailSignInServiceTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);

  private String sendCode(String address) {
    f.signIn.send(new SignInCodeCommand(ENV, address, ORIGIN));
    return f.messages.lastCodeTo(ANN).orElseThrow();
  }

  private StartedSession enter(String code) {
    return f.signIn.signIn(new SignInWithCodeCommand(ENV, ANN, code, ORIGIN));
  }

  @Test
  void theRightCodeStartsASessionRememberingTheEmailSignedInWith() {
    String code = sendCode("  Ann@Example.com ");

    StartedSession started = enter(code);

    Session session = f.sessions.find(started.sessionId()).orElseThrow();
    assertThat(session.userId()).isEqualTo(ann.id());
    assertThat(session.signInCredentialId())
        .contains(Fixture.credential(ann, CredentialFormat.EMAIL).id());
    assertThat(f.userService.session(ENV, started.sessionToken())).isPresent();
    assertThat(f.lastEvent(AuditEventType.SESSION_STARTED).userId()).contains(ann.id());
  }

  @Test
  void theSessionCanStepUpByEmailLikeAnyOther() {
    StartedSession started = enter(sendCode(ANN));
    SessionContext context = new SessionContext(ENV, started.sessionId(), ORIGIN);

    assertThat(f.stepUpWithEmail(context, ANN, Scope.WALLET_EXPORT).scopes())
        .containsExactly(Scope.WALLET_EXPORT);
  }

  @Test
  void anAddressNobodySignsInWithIsAnsweredLikeAnAccountButNothingIsSent() {
    SignInCodeSent forAnn = f.signIn.send(new SignInCodeCommand(ENV, ANN, ORIGIN));
    SignInCodeSent forNobody = f.signIn.send(new SignInCodeCommand(ENV, "bob@example.com", ORIGIN));

    assertThat(forNobody.accountsOnly()).isTrue();
    assertThat(forNobody).isEqualTo(new SignInCodeSent("b••••@example.com", true));
    assertThat(forAnn).isEqualTo(new SignInCodeSent("a••••@example.com", true));
    assertThat(f.messages.sent()).hasSize(1);
    assertThat(f.messages.lastCodeTo("bob@example.com")).isEmpty();
    // A resend is throttled alike, so throttling does not tell them apart either.
    RefusedException annAgain = refusal(() -> sendCode(ANN));
    RefusedException nobodyAgain =
        refusal(() -> f.signIn.send(new SignInCodeCommand(ENV, "bob@example.com", ORIGIN)));
    assertThat(nobodyAgain.refusal()).isEqualTo(annAgain.refusal());
    assertThat(nobodyAgain.getMessage()).isEqualTo(annAgain.getMessage());
    assertThat(nobodyAgain.retryAfter()).isEqualTo(annAgain.retryAfter());
  }

  @Test
  void noCodeEverSignsInToAnAddressNobodySignsInWith() {
    f.signIn.send(new SignInCodeCommand(ENV, "bob@example.com", ORIGIN));

    assertThat(
            refusal(
                    () ->
                        f.signIn.signIn(
                            new SignInWithCodeCommand(ENV, "bob@example.com", "123456", ORIGIN)))
                .refusal())
        .isIn(Refusal.NO_PENDING_CODE, Refusal.INVALID_CODE);
    assertThat(f.users.findByCredential(ENV, CredentialFormat.EMAIL, "bob@example.com")).isEmpty();
  }

  @Test
  void aUserOfAnotherEnvironmentCannotSignInHere() {
    f.signIn.send(new SignInCodeCommand(OTHER_ENV, ANN, ORIGIN));

    assertThat(f.messages.sent()).isEmpty();
    assertThat(
            refusal(
                    () ->
                        f.signIn.signIn(
                            new SignInWithCodeCommand(OTHER_ENV, ANN, "123456", ORIGIN)))
                .refusal())
        .isIn(Refusal.NO_PENDING_CODE, Refusal.INVALID_CODE);
  }

  @Test
  void aMalformedAddressIsExplainedBeforeAnythingHappens() {
    assertThatThrownBy(() -> new SignInCodeCommand(ENV, "ann", ORIGIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("email:");
  }

  @Test
  void anUnknownEnvironmentIsNotFound() {
    assertThatThrownBy(
            () -> f.signIn.send(new SignInCodeCommand(new EnvironmentId("nowhere"), ANN, ORIGIN)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aWrongCodeSaysHowManyAttemptsAreLeftAndIsAudited() {
    String code = sendCode(ANN);

    RefusedException refused = refusal(() -> enter(Fixture.otherThan(code)));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(refused.reason()).isEqualTo(RefusalReason.INVALID_CODE);
    assertThat(refused.attemptsLeft()).hasValue(4);
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("invalid_code");
    assertThat(enter(code).sessionToken()).startsWith("st_");
  }

  @Test
  void aCodeWorksOnceAndExpires() {
    String code = sendCode(ANN);
    enter(code);
    assertThat(refusal(() -> enter(code)).refusal()).isEqualTo(Refusal.INVALID_CODE);

    f.clock.advance(Duration.ofSeconds(31));
    String next = sendCode(ANN);
    f.clock.advance(OtpChallenge.LIFETIME);
    assertThat(refusal(() -> enter(next)).reason()).isEqualTo(RefusalReason.CODE_EXPIRED);
  }

  @Test
  void fiveWrongCodesLockEmailCodesWithTheTimeLeft() {
    String code = sendCode(ANN);
    for (int i = 0; i < 4; i++) {
      refusal(() -> enter(Fixture.otherThan(code)));
    }

    RefusedException locked = refusal(() -> enter(Fixture.otherThan(code)));

    assertThat(locked.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(locked.reason()).isEqualTo(RefusalReason.METHOD_LOCKED);
    assertThat(locked.retryAfter()).isPresent();
    assertThat(f.lastEvent(AuditEventType.LOCKOUT).userId()).contains(ann.id());
    assertThat(refusal(() -> sendCode(ANN)).refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
  }

  @Test
  void wrongSignInCodesForAnAddressNeverLockItsOwnersStepUp() {
    SessionContext owner = f.signIn(ann);
    String code = sendCode(ANN);
    for (int i = 0; i < 7; i++) {
      refusal(() -> enter(Fixture.otherThan(code)));
    }
    assertThat(refusal(() -> enter(code)).refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);

    // The stranger's guesses are counted against the address and the client, not against ann.
    assertThat(f.tallies.find(ann.id(), VerificationMethod.EMAIL_OTP)).isEmpty();
    assertThat(f.lockouts.find(ann.id())).isEmpty();
    assertThat(f.stepUpWithEmail(owner, ANN, Scope.WALLET_EXPORT).scopes())
        .containsExactly(Scope.WALLET_EXPORT);
  }

  @Test
  void oneClientGuessingAcrossAddressesIsLockedToo() {
    f.emailUser("bob@example.com");
    f.signIn.send(new SignInCodeCommand(ENV, "bob@example.com", ORIGIN));
    sendCode(ANN);
    for (int i = 0; i < 3; i++) {
      refusal(() -> enter("000000"));
    }
    for (int i = 0; i < 2; i++) {
      refusal(
          () ->
              f.signIn.signIn(new SignInWithCodeCommand(ENV, "bob@example.com", "000000", ORIGIN)));
    }
    String bobs = f.messages.lastCodeTo("bob@example.com").orElseThrow();

    RefusedException locked =
        refusal(
            () -> f.signIn.signIn(new SignInWithCodeCommand(ENV, "bob@example.com", bobs, ORIGIN)));
    StartedSession fromElsewhere =
        f.signIn.signIn(
            new SignInWithCodeCommand(
                ENV, "bob@example.com", bobs, new RequestOrigin("198.51.100.9", "other")));

    assertThat(locked.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(fromElsewhere.sessionToken()).startsWith("st_");
  }

  @Test
  void aReplayedSignInCodeIsAnsweredLikeAWrongOneAndTold() {
    String code = sendCode(ANN);
    enter(code);

    RefusedException replay = refusal(() -> enter(code));
    RefusedException wrong = refusal(() -> enter(Fixture.otherThan(code)));

    assertThat(replay.refusal()).isEqualTo(wrong.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(replay.getMessage()).isEqualTo(wrong.getMessage());
    assertThat(f.messages.to(ANN, SecurityNotice.CODE_REPLAYED.headline())).hasSize(1);
  }

  @Test
  void ofConcurrentSendsToOneAddressExactlyOneGoes() throws InterruptedException {
    java.util.List<Object> outcomes =
        Fixture.race(8, () -> f.signIn.send(new SignInCodeCommand(ENV, ANN, ORIGIN)));

    assertThat(outcomes).filteredOn(RefusedException.class::isInstance).hasSize(7);
    assertThat(f.messages.sent()).hasSize(1);
  }

  @Test
  void resendingIsThrottledPerAddress() {
    sendCode(ANN);

    RefusedException throttled = refusal(() -> sendCode(ANN));

    assertThat(throttled.refusal()).isEqualTo(Refusal.RESEND_THROTTLED);
    assertThat(throttled.reason()).isEqualTo(RefusalReason.RESEND_TOO_SOON);
    assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(30));
    f.clock.advance(Duration.ofSeconds(30));
    assertThat(sendCode(ANN)).hasSize(6);
  }

  @Test
  void whereSignUpIsAllowedAnUnknownAddressProvesItselfAndBecomesAUser() {
    allowSignUp();
    f.signIn.send(new SignInCodeCommand(ENV, "Bob@Example.com", ORIGIN));
    String code = f.messages.lastCodeTo("bob@example.com").orElseThrow();
    assertThat(f.messages.sent().get(f.messages.sent().size() - 1).subject())
        .startsWith("Your sign-up code");
    assertThat(f.users.findByCredential(ENV, CredentialFormat.EMAIL, "bob@example.com")).isEmpty();

    StartedSession started =
        f.signIn.signIn(new SignInWithCodeCommand(ENV, "bob@example.com", code, ORIGIN));

    User bob =
        f.users.findByCredential(ENV, CredentialFormat.EMAIL, "bob@example.com").orElseThrow();
    assertThat(bob.credentials())
        .singleElement()
        .satisfies(c -> assertThat(c.signInEnabled()).isTrue());
    assertThat(f.sessions.find(started.sessionId()).orElseThrow().userId()).isEqualTo(bob.id());
    assertThat(f.lastEvent(AuditEventType.USER_CREATED).userId()).contains(bob.id());
  }

  @Test
  void aWrongSignUpCodeCreatesNobody() {
    allowSignUp();
    f.signIn.send(new SignInCodeCommand(ENV, "bob@example.com", ORIGIN));
    String code = f.messages.lastCodeTo("bob@example.com").orElseThrow();

    RefusedException refused =
        refusal(
            () ->
                f.signIn.signIn(
                    new SignInWithCodeCommand(
                        ENV, "bob@example.com", Fixture.otherThan(code), ORIGIN)));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(f.users.findByCredential(ENV, CredentialFormat.EMAIL, "bob@example.com")).isEmpty();
  }

  @Test
  void signUpIsOffByDefault() {
    assertThat(f.environments.find(ENV).orElseThrow().allowsSignUp()).isFalse();
    assertThat(
            refusal(
                    () ->
                        f.signIn.signIn(
                            new SignInWithCodeCommand(ENV, "bob@example.com", "123456", ORIGIN)))
                .refusal())
        .isEqualTo(Refusal.NO_PENDING_CODE);
  }

  private void allowSignUp() {
    var env = f.environments.find(ENV).orElseThrow();
    env.allowSignUp(true);
    f.environments.save(env);
  }

  @Test
  void noCodeSentIsExplained() {
    assertThat(refusal(() -> enter("123456")).refusal()).isEqualTo(Refusal.NO_PENDING_CODE);
  }

  @Test
  void returnAddressesAreLocalPathsOrAllowListed() {
    var env = f.environments.find(ENV).orElseThrow();
    env.allowRedirects(RedirectAllowList.of(List.of("https://app.example.com")));
    f.environments.save(env);

    assertThat(f.returnAddresses.permits(ENV, "/hosted/acme/wallet")).isTrue();
    assertThat(f.returnAddresses.permits(ENV, "https://app.example.com/done")).isTrue();
    assertThat(f.returnAddresses.permits(ENV, "https://evil.example/")).isFalse();
    assertThat(f.returnAddresses.permits(ENV, "//evil.example/")).isFalse();
    assertThat(f.returnAddresses.permits(ENV, "/\\evil.example")).isFalse();
  }
}
