package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.service.stepup.CheckStepUpService;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.StepUpDecision.NotRequired.Why;
import dev.stepup.domain.policy.StepUpDecision.Path;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckStepUpServiceTest {

  private final Fixture f = new Fixture();

  private CheckStepUpResult check(SessionContext context, Scope scope) {
    return f.checkService.check(
        new CheckStepUpQuery(context.environmentId(), context.sessionId(), scope, ORIGIN));
  }

  /** A check presenting {@code token}, as a client sends it in {@code X-Elevated-Access-Token}. */
  private CheckStepUpResult check(SessionContext context, Scope scope, String token) {
    return f.checkService.check(
        new CheckStepUpQuery(
            context.environmentId(), context.sessionId(), scope, ORIGIN, Optional.of(token)));
  }

  @Test
  void reauthUserIsOfferedTheirSignInCredentialsWithTheOneTheySignedInWithFirst() {
    User user =
        f.createUser(ENV, Optional.of("ann@example.com"), Optional.of("+14155550123"), false);
    Credential phone = Fixture.credential(user, CredentialFormat.PHONE_NUMBER);
    SessionContext session = f.signIn(user, phone.id());

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.isRequired()).isTrue();
    assertThat(result.path()).isEqualTo(Path.REAUTH);
    assertThat(result.credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL, CredentialFormat.PHONE_NUMBER);
    assertThat(result.defaultCredentialId()).contains(phone.id());
  }

  @Test
  void embeddedWalletIsNeverOfferedForReauthentication() {
    User user = f.createUser(ENV, Optional.of("ann@example.com"), Optional.empty(), true);
    SessionContext session = f.signIn(user);

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL);
  }

  @Test
  void credentialsOfADisabledMethodAreNotOfferedNorDefault() {
    User user =
        f.createUser(ENV, Optional.of("ann@example.com"), Optional.of("+14155550123"), false);
    SessionContext session = f.signIn(user, Fixture.credential(user, CredentialFormat.EMAIL).id());
    f.changeSettings(ENV, s -> s.withMethod(VerificationMethod.EMAIL_OTP, false));

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.PHONE_NUMBER);
    assertThat(result.defaultCredentialId())
        .contains(Fixture.credential(user, CredentialFormat.PHONE_NUMBER).id());
  }

  @Test
  void requiredWithNothingToVerifyWhenTheUserHasOnlyAnEmbeddedWallet() {
    SessionContext session = f.signIn(f.createUser(ENV, Optional.empty(), Optional.empty(), true));

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.isRequired()).isTrue();
    assertThat(result.path()).isEqualTo(Path.NONE);
    assertThat(result.credentials()).isEmpty();
    assertThat(result.defaultCredentialId()).isEmpty();
  }

  @Test
  void mfaUserIsOfferedOnlyTheirMfaDevice() {
    User user = f.emailUser("ann@example.com");
    SessionContext session = f.signIn(user);
    Fixture.Enrolled device = f.enrolTotpByEmail(session, "ann@example.com");

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.isRequired()).isTrue();
    assertThat(result.path()).isEqualTo(Path.MFA);
    assertThat(result.credentials())
        .extracting(Credential::id, Credential::format)
        .containsExactly(tuple(device.deviceId(), CredentialFormat.TOTP));
    assertThat(result.defaultCredentialId()).contains(device.deviceId());
  }

  @Test
  void mfaDeviceOfADisabledMethodLeavesTheUserOnReauthentication() {
    User user = f.emailUser("ann@example.com");
    SessionContext session = f.signIn(user);
    f.enrolTotpByEmail(session, "ann@example.com");
    f.changeSettings(
        ENV,
        s ->
            s.withMethod(VerificationMethod.TOTP, false)
                .withMethod(VerificationMethod.RECOVERY_CODE, false));

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.path()).isEqualTo(Path.REAUTH);
    assertThat(result.credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL);
  }

  @Test
  void notRequiredWhenStepUpIsOff() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    f.changeSettings(ENV, s -> s.withEnabled(false));

    CheckStepUpResult result = check(session, Scope.WALLET_EXPORT);

    assertThat(result.isRequired()).isFalse();
    assertThat(result.path()).isEqualTo(Path.NONE);
    assertThat(result.credentials()).isEmpty();
  }

  @Test
  void notRequiredForAnUnprotectedScopeButStillForTheOthers() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    f.changeSettings(
        ENV, s -> s.withAction(new ProtectedAction(Scope.WALLET_REFRESH, false, TokenUse.SINGLE)));

    assertThat(check(session, Scope.WALLET_REFRESH).isRequired()).isFalse();
    assertThat(check(session, Scope.WALLET_EXPORT).isRequired()).isTrue();
  }

  @Test
  void notRequiredOnlyWhenThePresentedTokenCoversTheScope() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    String token = f.issueToken(session, Scope.WALLET_SIGN).elevatedAccessToken();

    CheckStepUpResult presented = check(session, Scope.WALLET_SIGN, token);

    assertThat(presented.isRequired()).isFalse();
    assertThat(presented.notRequiredBecause()).contains(Why.VALID_TOKEN_HELD);
    assertThat(check(session, Scope.WALLET_EXPORT, token).isRequired()).isTrue();
  }

  @Test
  void aTokenTheServerIssuedButTheClientDoesNotPresentDoesNotCount() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    f.issueToken(session, Scope.WALLET_SIGN);

    CheckStepUpResult result = check(session, Scope.WALLET_SIGN);

    assertThat(result.isRequired()).isTrue();
    assertThat(result.path()).isEqualTo(Path.REAUTH);
    assertThat(result.notRequiredBecause()).isEmpty();
  }

  @Test
  void aTokenOfAnotherSessionOfTheSameUserDoesNotCount() {
    User user = f.emailUser("ann@example.com");
    SessionContext first = f.signIn(user);
    SessionContext second = f.signIn(user);
    String token = f.issueToken(first, Scope.WALLET_SIGN).elevatedAccessToken();

    assertThat(check(second, Scope.WALLET_SIGN, token).isRequired()).isTrue();
    assertThat(check(first, Scope.WALLET_SIGN, token).isRequired()).isFalse();
  }

  @Test
  void aTokenOfAnotherUserOrEnvironmentDoesNotCount() {
    SessionContext ann = f.signIn(f.emailUser("ann@example.com"));
    SessionContext bob = f.signIn(f.emailUser("bob@example.com"));
    SessionContext elsewhere =
        f.signIn(
            f.createUser(
                Fixture.OTHER_ENV, Optional.of("ann@example.com"), Optional.empty(), false));
    String bobs = f.issueToken(bob, Scope.WALLET_SIGN).elevatedAccessToken();
    String foreign = f.issueToken(elsewhere, Scope.WALLET_SIGN).elevatedAccessToken();

    assertThat(check(ann, Scope.WALLET_SIGN, bobs).isRequired()).isTrue();
    assertThat(check(ann, Scope.WALLET_SIGN, foreign).isRequired()).isTrue();
    assertThat(check(ann, Scope.WALLET_SIGN, "signed.not-a-token.0").isRequired()).isTrue();
  }

  @Test
  void aConsumedTokenDoesNotCount() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    var token = f.issueToken(session, Scope.WALLET_EXPORT);
    assertThat(check(session, Scope.WALLET_EXPORT, token.elevatedAccessToken()).isRequired())
        .isFalse();

    f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.of(token.elevatedAccessToken()));

    assertThat(check(session, Scope.WALLET_EXPORT, token.elevatedAccessToken()).isRequired())
        .isTrue();
  }

  @Test
  void anExpiredTokenDoesNotCount() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    String token = f.issueToken(session, Scope.WALLET_SIGN).elevatedAccessToken();

    f.clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(check(session, Scope.WALLET_SIGN, token).isRequired()).isFalse();
    f.clock.advance(Duration.ofSeconds(1));
    assertThat(check(session, Scope.WALLET_SIGN, token).isRequired()).isTrue();
  }

  @Test
  void aRevokedTokenDoesNotCount() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    var token = f.issueToken(session, Scope.WALLET_SIGN);

    f.tokenService.revoke(
        new RevokeCommand(ENV, token.elevatedAccessToken(), "host-backend", ORIGIN));

    assertThat(check(session, Scope.WALLET_SIGN, token.elevatedAccessToken()).isRequired())
        .isTrue();
  }

  @Test
  void failsClosedWhenTheTokenStoreBreaks() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    String token = f.issueToken(session, Scope.WALLET_SIGN).elevatedAccessToken();
    CheckStepUpService broken =
        new CheckStepUpService(
            f.environments,
            f.users,
            f.sessions,
            Fixture.failing(ElevatedTokens.class),
            f.signer,
            f.policy,
            f.audit,
            f.clock);

    CheckStepUpResult result =
        broken.check(
            new CheckStepUpQuery(
                ENV, session.sessionId(), Scope.WALLET_SIGN, ORIGIN, Optional.of(token)));

    assertThat(result.isRequired()).isTrue();
    assertThat(result.path()).isEqualTo(Path.NONE);
    assertThat(result.credentials()).isEmpty();
    assertThat(result.defaultCredentialId()).isEmpty();
    assertThat(f.lastEvent(AuditEventType.STEP_UP_CHECK).reason()).contains("required");
  }

  @Test
  void failsClosedWhenTheUserOrEnvironmentCannotBeRead() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    f.changeSettings(ENV, s -> s.withEnabled(false));
    CheckStepUpService noUsers =
        new CheckStepUpService(
            f.environments,
            Fixture.failing(Users.class),
            f.sessions,
            f.tokens,
            f.signer,
            f.policy,
            f.audit,
            f.clock);
    CheckStepUpService noEnvironments =
        new CheckStepUpService(
            Fixture.failing(Environments.class),
            f.users,
            f.sessions,
            f.tokens,
            f.signer,
            f.policy,
            f.audit,
            f.clock);
    CheckStepUpQuery query =
        new CheckStepUpQuery(ENV, session.sessionId(), Scope.WALLET_SIGN, ORIGIN);

    assertThat(f.checkService.check(query).isRequired()).isFalse();
    assertThat(noUsers.check(query).isRequired()).isTrue();
    assertThat(noEnvironments.check(query).isRequired()).isTrue();
  }

  @Test
  void failsClosedForAnUnknownOrEndedSession() {
    f.changeSettings(ENV, s -> s.withEnabled(false));
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    f.userService.end(new EndSessionUseCase.Command(ENV, session.sessionId(), ORIGIN));

    assertThat(check(session, Scope.WALLET_SIGN).isRequired()).isTrue();
    assertThat(
            f.checkService
                .check(
                    new CheckStepUpQuery(
                        ENV, new SessionId("ses_unknown"), Scope.WALLET_SIGN, ORIGIN))
                .isRequired())
        .isTrue();
  }

  @Test
  void aSessionOfAnotherEnvironmentIsNotTrusted() {
    f.changeSettings(Fixture.OTHER_ENV, s -> s.withEnabled(false));
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));

    CheckStepUpResult result =
        f.checkService.check(
            new CheckStepUpQuery(
                Fixture.OTHER_ENV, session.sessionId(), Scope.WALLET_SIGN, ORIGIN));

    assertThat(result.isRequired()).isTrue();
  }

  @Test
  void everyCheckIsAuditedWithItsAnswer() {
    User user = f.emailUser("ann@example.com");
    SessionContext session = f.signIn(user);
    String token = f.issueToken(session, Scope.WALLET_SIGN).elevatedAccessToken();

    check(session, Scope.WALLET_EXPORT, token);
    check(session, Scope.WALLET_SIGN, token);

    assertThat(f.events(AuditEventType.STEP_UP_CHECK))
        .extracting(AuditEvent::scopes, AuditEvent::reason, AuditEvent::outcome)
        .containsExactly(
            tuple(Set.of(Scope.WALLET_EXPORT), Optional.of("required"), AuditEvent.Outcome.SUCCESS),
            tuple(
                Set.of(Scope.WALLET_SIGN),
                Optional.of("not_required"),
                AuditEvent.Outcome.SUCCESS));
    assertThat(f.events(AuditEventType.STEP_UP_CHECK))
        .allSatisfy(
            e -> {
              assertThat(e.userId()).contains(user.id());
              assertThat(e.sessionId()).contains(session.sessionId());
              assertThat(e.environmentId()).contains(ENV);
              assertThat(e.origin()).isEqualTo(ORIGIN);
            });
  }

  @Test
  void aBrokenAuditTrailDoesNotChangeTheAnswer() {
    SessionContext session = f.signIn(f.emailUser("ann@example.com"));
    String token = f.issueToken(session, Scope.WALLET_SIGN).elevatedAccessToken();
    CheckStepUpService unaudited =
        new CheckStepUpService(
            f.environments,
            f.users,
            f.sessions,
            f.tokens,
            f.signer,
            f.policy,
            Fixture.failing(AuditTrail.class),
            f.clock);

    var query =
        new CheckStepUpQuery(
            ENV, session.sessionId(), Scope.WALLET_SIGN, ORIGIN, Optional.of(token));
    assertThat(unaudited.check(query).isRequired()).isFalse();
    var other = new CheckStepUpQuery(ENV, session.sessionId(), Scope.WALLET_EXPORT, ORIGIN);
    assertThat(unaudited.check(other).isRequired()).isTrue();
  }
}
