package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtectedActionServiceTest {

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);

  private void authorize(Scope scope, IssuedElevatedToken token) {
    f.guard.authorize(session, scope, Optional.of(token.elevatedAccessToken()));
  }

  private RefusedException refused(Scope scope, IssuedElevatedToken token) {
    return refusal(() -> authorize(scope, token));
  }

  @Test
  void withoutATokenStepUpIsRequiredForTheScope() {
    RefusedException missing =
        refusal(() -> f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.empty()));
    RefusedException blank =
        refusal(() -> f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.of("  ")));

    assertThat(missing.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(missing.refusal().code()).isEqualTo("step_up_required");
    assertThat(missing.scope()).contains("wallet:export");
    assertThat(blank.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
  }

  @Test
  void aUserWithoutMfaIsAskedToReauthenticate() {
    RefusedException missing =
        refusal(() -> f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.empty()));

    assertThat(missing.acrValues()).containsExactly("urn:stepup:acr:reauth");
  }

  @Test
  void anMfaUserIsAskedForMfaEvenWhenPresentingAReauthToken() {
    f.enrolTotpByEmail(session, "ann@example.com");
    IssuedElevatedToken link = f.issueToken(session, Scope.CREDENTIAL_LINK);

    RefusedException missing =
        refusal(() -> f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.empty()));
    RefusedException wrongScope = refused(Scope.WALLET_EXPORT, link);

    assertThat(missing.acrValues()).containsExactly("urn:stepup:acr:mfa");
    assertThat(wrongScope.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(wrongScope.acrValues()).containsExactly("urn:stepup:acr:mfa");
  }

  @Test
  void anUnprotectedScopeOrStepUpTurnedOffNeedsNoToken() {
    f.changeSettings(
        ENV, s -> s.withAction(new ProtectedAction(Scope.WALLET_REFRESH, false, TokenUse.SINGLE)));

    f.guard.authorize(session, Scope.WALLET_REFRESH, Optional.empty());
    assertThat(
            refusal(() -> f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.empty()))
                .refusal())
        .isEqualTo(Refusal.STEP_UP_REQUIRED);

    f.changeSettings(ENV, s -> s.withEnabled(false));
    f.guard.authorize(session, Scope.WALLET_EXPORT, Optional.empty());
  }

  @Test
  void aSingleUseTokenAdmitsOneActionOnly() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT);

    authorize(Scope.WALLET_EXPORT, token);
    RefusedException second = refused(Scope.WALLET_EXPORT, token);

    assertThat(second.refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);
    assertThat(second.scope()).contains("wallet:export");
    assertThat(f.stateOf(token)).isEqualTo(TokenState.CONSUMED);
    AuditEvent used = f.lastEvent(AuditEventType.TOKEN_CONSUMED);
    assertThat(used.reason()).contains("consumed");
    assertThat(used.method()).contains(VerificationMethod.EMAIL_OTP);
    assertThat(used.scopes()).containsExactly(Scope.WALLET_EXPORT);
    AuditEvent refusedEvent = f.lastEvent(AuditEventType.TOKEN_REFUSED);
    assertThat(refusedEvent.reason()).contains("consumed");
    assertThat(refusedEvent.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
  }

  @Test
  void usingAMultiUseScopeOfATokenLeavesItsSingleUseScopeUnspent() {
    // Single use per scope: wallet:sign (multi-use) does not spend wallet:export (single-use).
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    authorize(Scope.WALLET_SIGN, token);
    authorize(Scope.WALLET_EXPORT, token);

    assertThat(refused(Scope.WALLET_EXPORT, token).refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);
  }

  @Test
  void aMultiUseTokenAdmitsActionsUntilItExpires() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_SIGN);

    authorize(Scope.WALLET_SIGN, token);
    f.clock.advance(Duration.ofMinutes(5));
    authorize(Scope.WALLET_SIGN, token);
    f.clock.advance(Duration.ofMinutes(5).minusMillis(1));
    authorize(Scope.WALLET_SIGN, token);
    f.clock.advance(Duration.ofMillis(1));
    RefusedException expired = refused(Scope.WALLET_SIGN, token);

    assertThat(expired.refusal()).isEqualTo(Refusal.TOKEN_EXPIRED);
    assertThat(f.events(AuditEventType.TOKEN_CONSUMED))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.reason()).contains("used"));
    assertThat(f.lastEvent(AuditEventType.TOKEN_REFUSED).reason()).contains("expired");
  }

  @Test
  void anExpiredSingleUseTokenIsRefusedAsExpired() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT);
    f.clock.advance(Duration.ofMinutes(5));

    RefusedException expired = refused(Scope.WALLET_EXPORT, token);
    assertThat(expired.refusal()).isEqualTo(Refusal.TOKEN_EXPIRED);
    assertThat(expired.acrValues()).containsExactly("urn:stepup:acr:reauth");
    assertThat(f.stateOf(token)).isEqualTo(TokenState.EXPIRED);
  }

  @Test
  void aRevokedTokenIsRefused() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_SIGN);
    f.tokenService.revoke(new RevokeCommand(ENV, token.elevatedAccessToken(), "admin", ORIGIN));

    assertThat(refused(Scope.WALLET_SIGN, token).refusal()).isEqualTo(Refusal.TOKEN_REVOKED);
  }

  @Test
  void aTokenForAnotherScopeAsksForStepUpAndIsNotSpent() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT);

    RefusedException refused = refused(Scope.CREDENTIAL_UNLINK, token);

    assertThat(refused.refusal()).isEqualTo(Refusal.STEP_UP_REQUIRED);
    assertThat(refused.scope()).contains("credential:unlink");
    assertThat(f.stateOf(token)).isEqualTo(TokenState.ACTIVE);
    authorize(Scope.WALLET_EXPORT, token);
  }

  @Test
  void anotherUsersTokenIsRefusedAndStaysUsableByItsOwner() {
    SessionContext bob = f.signIn(f.emailUser("bob@example.com"));
    IssuedElevatedToken bobsToken = f.issueToken(bob, Scope.WALLET_EXPORT);

    RefusedException refused = refused(Scope.WALLET_EXPORT, bobsToken);

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(f.stateOf(bobsToken)).isEqualTo(TokenState.ACTIVE);
    AuditEvent audited = f.lastEvent(AuditEventType.TOKEN_REFUSED);
    assertThat(audited.userId()).contains(ann.id());
    assertThat(audited.reason()).contains("wrong_subject");
    f.guard.authorize(bob, Scope.WALLET_EXPORT, Optional.of(bobsToken.elevatedAccessToken()));
  }

  @Test
  void aTokenOfAnotherSessionOfTheSameUserIsRefused() {
    SessionContext other = f.signIn(ann);
    IssuedElevatedToken stolen = f.issueToken(other, Scope.WALLET_SIGN);

    assertThat(refused(Scope.WALLET_SIGN, stolen).refusal()).isEqualTo(Refusal.INVALID_TOKEN);
  }

  @Test
  void aTokenOfAnotherEnvironmentOrAForgedOneIsInvalid() {
    User annElsewhere =
        f.createUser(OTHER_ENV, Optional.of("ann@example.com"), Optional.empty(), false);
    IssuedElevatedToken foreign = f.issueToken(f.signIn(annElsewhere), Scope.WALLET_SIGN);

    RefusedException foreignRefused = refused(Scope.WALLET_SIGN, foreign);
    RefusedException forged =
        refusal(() -> f.guard.authorize(session, Scope.WALLET_SIGN, Optional.of("eyJforged")));

    assertThat(foreignRefused.refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(forged.refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(forged.scope()).contains("wallet:sign");
    assertThat(f.lastEvent(AuditEventType.TOKEN_REFUSED).reason()).contains("invalid_token");
  }

  @Test
  void anEndedSessionCannotUseItsToken() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_SIGN);
    f.userService.end(new EndSessionUseCase.Command(ENV, session.sessionId(), ORIGIN));

    RefusedException refused = refused(Scope.WALLET_SIGN, token);

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_TOKEN);
    assertThat(f.stateOf(token)).isEqualTo(TokenState.REVOKED);
  }

  @Test
  void ofConcurrentUsesOfASingleUseTokenExactlyOneSucceeds() throws InterruptedException {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT);

    List<Object> outcomes =
        Fixture.race(
            8,
            () -> {
              authorize(Scope.WALLET_EXPORT, token);
              return "admitted";
            });

    assertThat(outcomes).filteredOn("admitted"::equals).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> !"admitted".equals(o))
        .hasSize(7)
        .allSatisfy(
            o -> assertThat(((RefusedException) o).refusal()).isEqualTo(Refusal.TOKEN_CONSUMED));
    assertThat(f.events(AuditEventType.TOKEN_CONSUMED)).hasSize(1);
  }
}
