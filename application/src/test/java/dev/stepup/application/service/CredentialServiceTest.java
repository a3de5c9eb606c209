package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static dev.stepup.domain.testdata.CredentialTestData.aPasskey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.policy.StepUpDecision.Path;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialServiceTest {

  private static final String ANN = "ann@example.com";

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);

  private Optional<String> token(Scope scope) {
    return Optional.of(f.issueToken(session, scope).elevatedAccessToken());
  }

  @Test
  void unlinkingNeedsAStepUpForCredentialUnlinkAndRevokesTheUsersTokens() {
    Credential phone = f.linkProven(session, "phoneNumber", "+14155550123");
    f.clock.advance(Duration.ofMinutes(1));
    IssuedElevatedToken sign = f.issueToken(session, Scope.WALLET_SIGN);
    SessionContext otherSession = f.signIn(ann);
    IssuedElevatedToken elsewhere = f.issueToken(otherSession, Scope.WALLET_SIGN);

    RefusedException withoutToken =
        refusal(
            () ->
                f.credentials.unlink(
                    new UnlinkCredentialUseCase.Command(session, phone.id(), Optional.empty())));
    assertThat(withoutToken.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(withoutToken.scope()).contains("credential:unlink");

    f.credentials.unlink(
        new UnlinkCredentialUseCase.Command(session, phone.id(), token(Scope.CREDENTIAL_UNLINK)));

    assertThat(f.credentials.me(session).credentials())
        .extracting(Credential::id)
        .doesNotContain(phone.id());
    assertThat(f.stateOf(sign)).isEqualTo(TokenState.REVOKED);
    assertThat(f.stateOf(elsewhere)).isEqualTo(TokenState.REVOKED);
    assertThat(f.lastEvent(AuditEventType.CREDENTIAL_UNLINKED).reason())
        .contains(phone.id().value());
    // Both the account's address and the removed number hear of it.
    assertThat(f.messages.to(ANN, SecurityNotice.CREDENTIAL_UNLINKED.headline())).hasSize(1);
    assertThat(f.messages.sent())
        .anySatisfy(
            m ->
                assertThat(m.recipient() + " " + m.body())
                    .startsWith("+14155550123 " + SecurityNotice.CREDENTIAL_UNLINKED.headline()));
  }

  @Test
  void removingAPasskeyRemovesItsWebAuthnRecordInTheSameChange() {
    Credential passkey = givePasskey(ann);
    IssuedElevatedToken unlink = f.issueToken(session, Scope.CREDENTIAL_UNLINK);

    f.credentials.unlink(
        new UnlinkCredentialUseCase.Command(
            session, passkey.id(), Optional.of(unlink.elevatedAccessToken())));

    assertThat(f.passkeys.forUser(ann.id())).isEmpty();
    assertThat(f.reload(ann).credential(passkey.id())).isEmpty();
    assertThat(f.reload(ann).hasMfa()).isFalse();
    assertThat(f.recoveryCodes.hasAny(ann.id())).isFalse();
    assertThat(f.messages.to(ANN, SecurityNotice.MFA_DEVICE_REMOVED.headline())).hasSize(1);
  }

  /** A passkey as registration leaves it: the credential and its WebAuthn record. */
  private Credential givePasskey(User user) {
    Credential credential =
        aPasskey()
            .withId("cred_pk")
            .identifiedBy("webauthn-id")
            .aliased("Laptop")
            .addedAt(f.clock.instant())
            .build();
    User loaded = f.reload(user);
    loaded.addCredential(credential);
    f.users.save(loaded);
    f.passkeys.add(
        new dev.stepup.domain.mfa.Passkey(
            credential.id(),
            user.id(),
            "webauthn-id",
            "handle",
            new byte[] {1, 2, 3},
            0,
            "Laptop",
            f.clock.instant()));
    f.recoveryCodes.replace(user.id(), List.of("digest"), f.clock.instant());
    return credential;
  }

  @Test
  void theLastCredentialCannotBeUnlinked() {
    Credential only = ann.credentials().get(0);

    RefusedException refused =
        refusal(
            () ->
                f.credentials.unlink(
                    new UnlinkCredentialUseCase.Command(
                        session, only.id(), token(Scope.CREDENTIAL_UNLINK))));

    assertThat(refused.refusal()).isEqualTo(Refusal.LAST_CREDENTIAL);
    assertThat(f.credentials.me(session).credentials()).containsExactly(only);
  }

  @Test
  void theEmbeddedWalletCannotBeUnlinked() {
    User bob = f.createUser(ENV, Optional.of("bob@example.com"), Optional.empty(), true);
    SessionContext bobSession = f.signIn(bob);
    Credential wallet = bob.credentials().get(1);
    IssuedElevatedToken unlink = f.issueToken(bobSession, Scope.CREDENTIAL_UNLINK);

    RefusedException refused =
        refusal(
            () ->
                f.credentials.unlink(
                    new UnlinkCredentialUseCase.Command(
                        bobSession, wallet.id(), Optional.of(unlink.elevatedAccessToken()))));

    assertThat(refused.refusal()).isEqualTo(Refusal.CREDENTIAL_IN_USE);
    assertThat(f.stateOf(unlink)).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void unlinkingTheOnlyAuthenticatorAppEndsMfaAndItsRecoveryCodes() {
    Fixture.Enrolled device = f.enrolTotpByEmail(session, ANN);
    f.clock.advance(Duration.ofSeconds(30));
    IssuedElevatedToken unlink =
        f.codes.verifyTotp(
            session, f.totpNow(device.secret()), Optional.empty(), Set.of(Scope.CREDENTIAL_UNLINK));

    f.credentials.unlink(
        new UnlinkCredentialUseCase.Command(
            session, device.deviceId(), Optional.of(unlink.elevatedAccessToken())));

    assertThat(f.reload(ann).hasMfa()).isFalse();
    assertThat(f.totpDevices.find(device.deviceId())).isEmpty();
    assertThat(f.recoveryCodes.hasAny(ann.id())).isFalse();
    assertThat(
            f.checkService
                .check(new CheckStepUpQuery(ENV, session.sessionId(), Scope.WALLET_SIGN, ORIGIN))
                .path())
        .isEqualTo(Path.REAUTH);
  }
}
