package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.fakes.JdkTotp;
import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.mfa.ChooseDefaultMfaUseCase;
import dev.stepup.application.port.in.mfa.ConfirmTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.RegenerateRecoveryCodesUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.mfa.TotpEnrolment;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.mfa.MfaService;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.mfa.TotpDevice;
import dev.stepup.domain.policy.StepUpDecision.Path;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TOTP enrolment, recovery codes and the default MFA device. */
class MfaServiceTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  private TotpEnrolment start() {
    IssuedElevatedToken link = f.stepUpWithEmail(session, ANN, Scope.CREDENTIAL_LINK);
    return f.mfa.startTotpEnrolment(
        new StartTotpEnrolmentUseCase.Command(
            session, Optional.of("Work phone"), Optional.of(link.elevatedAccessToken())));
  }

  private Path path() {
    return f.checkService
        .check(new CheckStepUpQuery(ENV, session.sessionId(), Scope.WALLET_EXPORT, ORIGIN))
        .path();
  }

  /** Steps up with the authenticator app, at the next time step. */
  private IssuedElevatedToken stepUpWithTotp(byte[] secret, Scope scope) {
    f.clock.advance(Fixture.TOTP_STEP);
    return f.codes.verifyTotp(session, f.totpNow(secret), Optional.empty(), Set.of(scope));
  }

  // ---- TOTP enrolment --------------------------------------------------------------------------

  @Test
  void startingEnrolmentNeedsAStepUpForCredentialLink() {
    RefusedException refused =
        refusal(
            () ->
                f.mfa.startTotpEnrolment(
                    new StartTotpEnrolmentUseCase.Command(
                        session, Optional.empty(), Optional.empty())));

    assertThat(refused.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(refused.scope()).contains("credential:link");
  }

  @Test
  void aTokenForAnotherScopeDoesNotStartEnrolment() {
    IssuedElevatedToken sign = f.stepUpWithEmail(session, ANN, Scope.WALLET_SIGN);

    RefusedException refused =
        refusal(
            () ->
                f.mfa.startTotpEnrolment(
                    new StartTotpEnrolmentUseCase.Command(
                        session, Optional.empty(), Optional.of(sign.elevatedAccessToken()))));

    assertThat(refused.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
  }

  @Test
  void startingEnrolmentGivesTheAppWhatItNeedsAndSpendsTheToken() {
    IssuedElevatedToken link = f.stepUpWithEmail(session, ANN, Scope.CREDENTIAL_LINK);

    TotpEnrolment enrolment =
        f.mfa.startTotpEnrolment(
            new StartTotpEnrolmentUseCase.Command(
                session, Optional.of("Work phone"), Optional.of(link.elevatedAccessToken())));

    assertThat(enrolment.secretBase32()).isNotBlank();
    assertThat(enrolment.otpauthUri())
        .startsWith("otpauth://totp/")
        .contains("Acme")
        .contains(ANN)
        .contains(enrolment.secretBase32());
    assertThat(new String(enrolment.qrCodePng(), StandardCharsets.UTF_8))
        .isEqualTo("PNG:" + enrolment.otpauthUri());
    assertThat(f.stateOf(link)).isEqualTo(TokenState.CONSUMED);
    TotpDevice pending = f.totpDevices.find(enrolment.deviceId()).orElseThrow();
    assertThat(pending.isConfirmed()).isFalse();
    assertThat(pending.encryptedSecret()).isNotEqualTo(JdkTotp.secretOf(enrolment.secretBase32()));
    assertThat(f.reload(ann).hasMfa()).isFalse();
    assertThat(path()).isEqualTo(Path.REAUTH);
  }

  @Test
  void enrolmentIsRefusedWhenTotpIsDisabled() {
    f.changeSettings(
        ENV,
        s ->
            s.withMethod(VerificationMethod.TOTP, false)
                .withMethod(VerificationMethod.RECOVERY_CODE, false));
    IssuedElevatedToken link = f.stepUpWithEmail(session, ANN, Scope.CREDENTIAL_LINK);

    RefusedException refused =
        refusal(
            () ->
                f.mfa.startTotpEnrolment(
                    new StartTotpEnrolmentUseCase.Command(
                        session, Optional.empty(), Optional.of(link.elevatedAccessToken()))));

    assertThat(refused.refusal()).isEqualTo(Refusal.METHOD_DISABLED);
    assertThat(f.stateOf(link)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void confirmingTheFirstDeviceMakesItAnMfaCredentialAndIssuesTenRecoveryCodes() {
    TotpEnrolment enrolment = start();
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());

    List<String> recovery =
        f.mfa.confirmTotp(
            new ConfirmTotpEnrolmentUseCase.Command(
                session, enrolment.deviceId(), f.totpNow(secret)));

    assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
    assertThat(recovery).allSatisfy(c -> assertThat(c).matches("[2-9a-z]{6}(-[2-9a-z]{6}){3}"));
    Credential totp = Fixture.credential(f.reload(ann), CredentialFormat.TOTP);
    assertThat(totp.id()).isEqualTo(enrolment.deviceId());
    assertThat(totp.alias()).contains("Work phone");
    assertThat(f.totpDevices.find(enrolment.deviceId()).orElseThrow().isConfirmed()).isTrue();
    assertThat(path()).isEqualTo(Path.MFA);
    AuditEvent enrolled = f.lastEvent(AuditEventType.MFA_ENROLLED);
    assertThat(enrolled.userId()).contains(ann.id());
    assertThat(enrolled.method()).contains(VerificationMethod.TOTP);
    assertThat(enrolled.reason()).contains(enrolment.deviceId().value());
    assertThat(f.audit.events())
        .allSatisfy(
            e -> recovery.forEach(c -> assertThat(e.reason().orElse("")).doesNotContain(c)));
  }

  @Test
  void aWrongFirstCodeLeavesTheDevicePending() {
    TotpEnrolment enrolment = start();
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());

    RefusedException refused =
        refusal(
            () ->
                f.mfa.confirmTotp(
                    new ConfirmTotpEnrolmentUseCase.Command(
                        session, enrolment.deviceId(), f.wrongTotp(secret))));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(f.totpDevices.find(enrolment.deviceId()).orElseThrow().isConfirmed()).isFalse();
    assertThat(f.reload(ann).hasMfa()).isFalse();
    assertThat(
            f.mfa.confirmTotp(
                new ConfirmTotpEnrolmentUseCase.Command(
                    session, enrolment.deviceId(), f.totpNow(secret))))
        .hasSize(10);
  }

  @Test
  void aDeviceIsConfirmedOnlyOnce() {
    TotpEnrolment enrolment = start();
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());
    f.mfa.confirmTotp(
        new ConfirmTotpEnrolmentUseCase.Command(session, enrolment.deviceId(), f.totpNow(secret)));
    f.clock.advance(Fixture.TOTP_STEP);

    RefusedException again =
        refusal(
            () ->
                f.mfa.confirmTotp(
                    new ConfirmTotpEnrolmentUseCase.Command(
                        session, enrolment.deviceId(), f.totpNow(secret))));

    assertThat(again.refusal()).isEqualTo(Refusal.ALREADY_CONFIRMED);
    assertThat(f.reload(ann).credentials())
        .filteredOn(c -> c.format() == CredentialFormat.TOTP)
        .hasSize(1);
  }

  @Test
  void anEnrolmentLeftForFifteenMinutesExpires() {
    TotpEnrolment enrolment = start();
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());
    f.clock.advance(MfaService.ENROLMENT_WINDOW);

    RefusedException late =
        refusal(
            () ->
                f.mfa.confirmTotp(
                    new ConfirmTotpEnrolmentUseCase.Command(
                        session, enrolment.deviceId(), f.totpNow(secret))));

    assertThat(late.refusal()).isEqualTo(Refusal.CODE_EXPIRED);
    assertThat(f.reload(ann).hasMfa()).isFalse();
  }

  @Test
  void nobodyElseCanConfirmYourDevice() {
    TotpEnrolment enrolment = start();
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());
    SessionContext bob = f.signIn(f.emailUser("bob@example.com"));

    assertThatThrownBy(
            () ->
                f.mfa.confirmTotp(
                    new ConfirmTotpEnrolmentUseCase.Command(
                        bob, enrolment.deviceId(), f.totpNow(secret))))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.totpDevices.find(enrolment.deviceId()).orElseThrow().isConfirmed()).isFalse();
  }

  @Test
  void enrollingMfaRevokesTheTokensEarnedBefore() {
    IssuedElevatedToken sign = f.stepUpWithEmail(session, ANN, Scope.WALLET_SIGN);
    f.clock.advance(Duration.ofSeconds(30));
    TotpEnrolment enrolment = start();
    byte[] secret = JdkTotp.secretOf(enrolment.secretBase32());
    assertThat(f.stateOf(sign)).isEqualTo(TokenState.ACTIVE);

    f.mfa.confirmTotp(
        new ConfirmTotpEnrolmentUseCase.Command(session, enrolment.deviceId(), f.totpNow(secret)));

    assertThat(f.stateOf(sign)).isEqualTo(TokenState.REVOKED);
    RefusedException refused =
        refusal(
            () ->
                f.guard.authorize(
                    session, Scope.WALLET_SIGN, Optional.of(sign.elevatedAccessToken())));
    assertThat(refused.refusal()).isEqualTo(Refusal.TOKEN_REVOKED);
  }

  @Test
  void aSecondDeviceBringsNoNewRecoveryCodes() {
    Fixture.Enrolled first = f.enrolTotpByEmail(session, ANN);
    IssuedElevatedToken link = stepUpWithTotp(first.secret(), Scope.CREDENTIAL_LINK);

    Fixture.Enrolled second = f.enrolTotp(session, link.elevatedAccessToken());

    assertThat(first.recoveryCodes()).hasSize(10);
    assertThat(second.recoveryCodes()).isEmpty();
    assertThat(f.reload(ann).credentials())
        .filteredOn(c -> c.format() == CredentialFormat.TOTP)
        .hasSize(2);
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(
            f.codes
                .verifyRecoveryCode(
                    session, first.recoveryCodes().get(0), Set.of(Scope.WALLET_EXPORT))
                .scopes())
        .containsExactly(Scope.WALLET_EXPORT);
  }

  // ---- recovery codes --------------------------------------------------------------------------

  @Test
  void regeneratingRecoveryCodesReplacesTheOldSet() {
    Fixture.Enrolled enrolled = f.enrolTotpByEmail(session, ANN);
    IssuedElevatedToken link = stepUpWithTotp(enrolled.secret(), Scope.CREDENTIAL_LINK);

    List<String> fresh =
        f.mfa.regenerateRecoveryCodes(
            new RegenerateRecoveryCodesUseCase.Command(
                session, Optional.of(link.elevatedAccessToken())));

    assertThat(fresh).hasSize(10).doesNotHaveDuplicates();
    Set<String> overlap = new HashSet<>(fresh);
    overlap.retainAll(enrolled.recoveryCodes());
    assertThat(overlap).isEmpty();
    Set<Scope> export = Set.of(Scope.WALLET_EXPORT);
    // Four tries stay below the lock threshold.
    for (String old : enrolled.recoveryCodes().subList(0, 4)) {
      assertThat(refusal(() -> f.codes.verifyRecoveryCode(session, old, export)).refusal())
          .isEqualTo(Refusal.INVALID_CODE);
    }
    assertThat(f.codes.verifyRecoveryCode(session, fresh.get(0), export).scopes())
        .isEqualTo(export);
    AuditEvent issued = f.lastEvent(AuditEventType.RECOVERY_CODES_ISSUED);
    assertThat(issued.userId()).contains(ann.id());
    assertThat(issued.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
  }

  @Test
  void regeneratingRecoveryCodesNeedsAStepUp() {
    f.enrolTotpByEmail(session, ANN);

    RefusedException refused =
        refusal(
            () ->
                f.mfa.regenerateRecoveryCodes(
                    new RegenerateRecoveryCodesUseCase.Command(session, Optional.empty())));

    assertThat(refused.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(refused.scope()).contains("credential:link");
  }

  @Test
  void aUserWithoutMfaHasNoRecoveryCodesToRegenerate() {
    IssuedElevatedToken link = f.stepUpWithEmail(session, ANN, Scope.CREDENTIAL_LINK);

    RefusedException refused =
        refusal(
            () ->
                f.mfa.regenerateRecoveryCodes(
                    new RegenerateRecoveryCodesUseCase.Command(
                        session, Optional.of(link.elevatedAccessToken()))));

    assertThat(refused.refusal()).isEqualTo(Refusal.NO_ELIGIBLE_CREDENTIAL);
    assertThat(f.stateOf(link)).isEqualTo(TokenState.ACTIVE);
  }

  // ---- default device --------------------------------------------------------------------------

  @Test
  void theNewestDeviceIsTheDefaultUntilTheUserChoosesAnother() {
    Fixture.Enrolled first = f.enrolTotpByEmail(session, ANN);
    IssuedElevatedToken link = stepUpWithTotp(first.secret(), Scope.CREDENTIAL_LINK);
    f.clock.advance(Duration.ofSeconds(1));
    Fixture.Enrolled second = f.enrolTotp(session, link.elevatedAccessToken());
    CheckStepUpQuery query =
        new CheckStepUpQuery(ENV, session.sessionId(), Scope.WALLET_EXPORT, ORIGIN);
    assertThat(f.checkService.check(query).defaultCredentialId()).contains(second.deviceId());

    RefusedException withoutToken =
        refusal(
            () ->
                f.mfa.chooseDefault(
                    new ChooseDefaultMfaUseCase.Command(
                        session, first.deviceId(), Optional.empty())));
    assertThat(withoutToken.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(withoutToken.scope()).contains("credential:link");
    assertThat(f.checkService.check(query).defaultCredentialId()).contains(second.deviceId());

    f.mfa.chooseDefault(
        new ChooseDefaultMfaUseCase.Command(
            session,
            first.deviceId(),
            Optional.of(f.issueToken(session, Scope.CREDENTIAL_LINK).elevatedAccessToken())));

    assertThat(f.checkService.check(query).defaultCredentialId()).contains(first.deviceId());
    assertThat(f.messages.to(ANN, SecurityNotice.DEFAULT_MFA_CHANGED.headline())).hasSize(1);
    assertThat(f.lastEvent(AuditEventType.DEFAULT_MFA_CHANGED).reason())
        .contains(first.deviceId().value());
  }

  @Test
  void onlyAnMfaDeviceCanBeTheDefault() {
    f.enrolTotpByEmail(session, ANN);
    Credential email = Fixture.credential(ann, CredentialFormat.EMAIL);

    assertThat(
            refusal(
                    () ->
                        f.mfa.chooseDefault(
                            new ChooseDefaultMfaUseCase.Command(
                                session,
                                email.id(),
                                Optional.of(
                                    f.issueToken(session, Scope.CREDENTIAL_LINK)
                                        .elevatedAccessToken()))))
                .refusal())
        .isEqualTo(Refusal.CREDENTIAL_NOT_ELIGIBLE);
  }
}
