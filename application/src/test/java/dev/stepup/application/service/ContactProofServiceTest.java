package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.otherThan;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.ConfirmContactLinkUseCase;
import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.application.port.in.credential.ResendContactLinkCodeUseCase;
import dev.stepup.application.port.in.credential.StartContactLinkUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An email or phone number is linked only after the code sent to it comes back. */
class ContactProofServiceTest {

  private static final String ANN = "ann@example.com";
  private static final String WORK = "ann.work@example.com";

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  private Optional<String> linkToken() {
    return Optional.of(f.issueToken(session, Scope.CREDENTIAL_LINK).elevatedAccessToken());
  }

  private PendingLink startWork() {
    return f.contacts.start(
        new StartContactLinkUseCase.Command(session, "email", "Ann.Work@Example.com", linkToken()));
  }

  @Test
  void startingNeedsAStepUpForCredentialLinkAndSendsNothingWithout() {
    RefusedException refused =
        refusal(
            () ->
                f.contacts.start(
                    new StartContactLinkUseCase.Command(
                        session, "phoneNumber", "+14155550123", Optional.empty())));

    assertThat(refused.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(refused.scope()).contains("credential:link");
    assertThat(f.messages.sent()).isEmpty();
  }

  @Test
  void anAddressIsNotLinkedUntilItsCodeIsEntered() {
    PendingLink pending = startWork();

    assertThat(pending.format()).isEqualTo(CredentialFormat.EMAIL);
    assertThat(pending.alias()).isEqualTo("a••••@example.com");
    assertThat(f.credentials.me(session).credentials()).hasSize(1);
    assertThat(f.users.findByCredential(ENV, CredentialFormat.EMAIL, WORK)).isEmpty();
    // Its real owner can still sign up with it.
    User owner = f.emailUser(WORK);
    assertThat(owner.id()).isNotEqualTo(ann.id());
  }

  @Test
  void theRightCodeLinksTheAddressMaskedAndNotForSignIn() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();

    Credential linked =
        f.contacts.confirm(
            new ConfirmContactLinkUseCase.Command(session, pending.pendingId(), code));

    assertThat(linked.identifier()).isEqualTo(WORK);
    assertThat(linked.alias()).contains("a••••@example.com");
    assertThat(linked.signInEnabled()).isFalse();
    assertThat(f.credentials.me(session).credentials()).contains(linked);
    assertThat(f.lastEvent(AuditEventType.CREDENTIAL_LINKED).reason())
        .contains(linked.id().value());
    assertThat(f.messages.to(ANN, SecurityNotice.CREDENTIAL_LINKED.headline())).hasSize(1);
    // A linked address is for contact, not for sign-in: it cannot stand in for step-up.
    assertThat(refusal(() -> f.codes.send(session, Optional.of(linked.id()))).refusal())
        .isEqualTo(Refusal.CREDENTIAL_NOT_ELIGIBLE);
    // The code is spent: entered again it is answered like a wrong one.
    assertThat(
            refusal(
                    () ->
                        f.contacts.confirm(
                            new ConfirmContactLinkUseCase.Command(
                                session, pending.pendingId(), code)))
                .refusal())
        .isEqualTo(Refusal.INVALID_CODE);
  }

  @Test
  void aUsedCodeEnteredAgainIsAnsweredExactlyLikeAWrongOne() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();
    f.contacts.confirm(new ConfirmContactLinkUseCase.Command(session, pending.pendingId(), code));

    RefusedException replayed =
        refusal(
            () ->
                f.contacts.confirm(
                    new ConfirmContactLinkUseCase.Command(session, pending.pendingId(), code)));
    RefusedException wrong =
        refusal(
            () ->
                f.contacts.confirm(
                    new ConfirmContactLinkUseCase.Command(
                        session, pending.pendingId(), otherThan(code))));

    assertThat(replayed.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(replayed.getMessage()).isEqualTo(wrong.getMessage());
    assertThat(f.audit.events()).anySatisfy(e -> assertThat(e.reason()).contains("replayed"));
  }

  @Test
  void ofConcurrentResendsExactlyOneGoesAndStepUpCodesKeepTheirOwnThrottle()
      throws InterruptedException {
    PendingLink pending = startWork();
    f.clock.advance(java.time.Duration.ofMinutes(1));

    List<Object> outcomes =
        Fixture.race(
            8,
            () ->
                f.contacts.resend(
                    new ResendContactLinkCodeUseCase.Command(session, pending.pendingId())));

    assertThat(outcomes).filteredOn(RefusedException.class::isInstance).hasSize(7);
    assertThat(f.messages.sent()).filteredOn(m -> m.recipient().equals(WORK)).hasSize(2);
    // A code just sent to prove an address does not hold back a step-up code.
    f.codes.send(session, Optional.empty());
  }

  @Test
  void theCodeIsStoredOnlyAsADigest() {
    startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();

    assertThat(f.contactProofs.all())
        .singleElement()
        .satisfies(p -> assertThat(p.codeDigest()).doesNotContain(code));
  }

  @Test
  void aWrongCodeIsRefusedAndLinksNothing() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();

    RefusedException refused =
        refusal(
            () ->
                f.contacts.confirm(
                    new ConfirmContactLinkUseCase.Command(
                        session, pending.pendingId(), otherThan(code))));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(refused.reason()).isEqualTo(RefusalReason.INVALID_CODE);
    assertThat(refused.attemptsLeft()).hasValue(4);
    assertThat(f.users.findByCredential(ENV, CredentialFormat.EMAIL, WORK)).isEmpty();
  }

  @Test
  void aCodeDiesAfterFiveWrongEntries() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();
    for (int i = 0; i < OtpChallenge.MAX_ATTEMPTS; i++) {
      refusal(
          () ->
              f.contacts.confirm(
                  new ConfirmContactLinkUseCase.Command(
                      session, pending.pendingId(), otherThan(code))));
    }

    assertThat(
            refusal(
                    () ->
                        f.contacts.confirm(
                            new ConfirmContactLinkUseCase.Command(
                                session, pending.pendingId(), code)))
                .refusal())
        .isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(f.users.findByCredential(ENV, CredentialFormat.EMAIL, WORK)).isEmpty();
  }

  @Test
  void anExpiredCodeLinksNothing() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();
    f.clock.advance(OtpChallenge.LIFETIME);

    assertThat(
            refusal(
                    () ->
                        f.contacts.confirm(
                            new ConfirmContactLinkUseCase.Command(
                                session, pending.pendingId(), code)))
                .refusal())
        .isEqualTo(Refusal.CODE_EXPIRED);
  }

  @Test
  void anotherSessionCannotEnterTheCode() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();
    SessionContext other = f.signIn(ann);

    assertThat(
            refusal(
                    () ->
                        f.contacts.confirm(
                            new ConfirmContactLinkUseCase.Command(
                                other, pending.pendingId(), code)))
                .refusal())
        .isEqualTo(Refusal.NO_PENDING_CODE);
  }

  @Test
  void resendingIsThrottledAndOnlyTheLatestCodeCounts() {
    PendingLink first = startWork();
    String firstCode = f.messages.lastCodeTo(WORK).orElseThrow();

    assertThat(
            refusal(
                    () ->
                        f.contacts.resend(
                            new ResendContactLinkCodeUseCase.Command(session, first.pendingId())))
                .refusal())
        .isEqualTo(Refusal.RESEND_THROTTLED);
    f.clock.advance(Duration.ofSeconds(31));
    PendingLink second =
        f.contacts.resend(new ResendContactLinkCodeUseCase.Command(session, first.pendingId()));

    assertThat(
            refusal(
                    () ->
                        f.contacts.confirm(
                            new ConfirmContactLinkUseCase.Command(
                                session, first.pendingId(), firstCode)))
                .refusal())
        .isEqualTo(Refusal.NO_PENDING_CODE);
    Credential linked =
        f.contacts.confirm(
            new ConfirmContactLinkUseCase.Command(
                session, second.pendingId(), f.messages.lastCodeTo(WORK).orElseThrow()));
    assertThat(linked.identifier()).isEqualTo(WORK);
  }

  @Test
  void anAddressTheOwnerSignedUpWithMeanwhileIsNotLinked() {
    PendingLink pending = startWork();
    String code = f.messages.lastCodeTo(WORK).orElseThrow();
    f.emailUser(WORK);

    assertThat(
            refusal(
                    () ->
                        f.contacts.confirm(
                            new ConfirmContactLinkUseCase.Command(
                                session, pending.pendingId(), code)))
                .refusal())
        .isEqualTo(Refusal.CREDENTIAL_IN_USE);
    assertThat(f.credentials.me(session).credentials()).hasSize(1);
  }

  @Test
  void anAddressOfAnotherUserIsRefusedBeforeTheTokenIsSpent() {
    f.emailUser("bob@example.com");

    assertThat(
            refusal(
                    () ->
                        f.contacts.start(
                            new StartContactLinkUseCase.Command(
                                session, "email", "bob@example.com", linkToken())))
                .refusal())
        .isEqualTo(Refusal.CREDENTIAL_IN_USE);
    assertThat(f.messages.lastCodeTo("bob@example.com")).isEmpty();
  }

  @Test
  void onlyEmailAndPhoneAreProvedByACode() {
    assertThatThrownBy(
            () ->
                f.contacts.start(
                    new StartContactLinkUseCase.Command(session, "totp", "x", linkToken())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                f.contacts.start(
                    new StartContactLinkUseCase.Command(
                        session, "email", "not-an-address", linkToken())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aProvedPhoneIsTexted() {
    f.linkProven(session, "phoneNumber", "+14155550123");

    assertThat(f.credentials.me(session).credentials())
        .anySatisfy(c -> assertThat(c.identifier()).isEqualTo("+14155550123"));
  }
}
