package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.OTHER_ENV;
import static dev.stepup.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.environment.ManageHostScopesUseCase;
import dev.stepup.application.port.in.prompt.CreatePromptCommand;
import dev.stepup.application.port.in.stepup.CheckStepUpQuery;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.Enforcement;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.prompt.PromptMode;
import dev.stepup.domain.prompt.PromptTarget;
import dev.stepup.domain.scope.InvalidScopeException;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.scope.UnknownScopeException;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An environment's own scopes: added and removed by its admin, then used like the built-ins. */
class HostScopeServiceTest {

  private static final Scope PAY = Scope.parse("payments:send");

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);

  private void add(EnvironmentId env, String name, TokenUse use, int minutes) {
    f.hostScopes.add(
        new ManageHostScopesUseCase.Add(
            env,
            name,
            "send a payment",
            Enforcement.ENFORCE,
            use,
            Duration.ofMinutes(minutes),
            "root",
            ORIGIN));
  }

  private boolean required(Scope scope) {
    return f.checkService
        .check(new CheckStepUpQuery(ENV, session.sessionId(), scope, ORIGIN))
        .isRequired();
  }

  @Test
  void anAddedScopeIsCheckedVerifiedAndIntrospectedLikeABuiltIn() {
    add(ENV, "payments:send", TokenUse.SINGLE, 3);

    assertThat(required(PAY)).isTrue();
    IssuedElevatedToken token = f.stepUpWithEmail(session, "ann@example.com", PAY);
    assertThat(token.scopes()).containsExactly(PAY);
    assertThat(token.singleUse()).isTrue();
    assertThat(token.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
    assertThat(
            f.introspection
                .introspect(
                    new IntrospectCommand(
                        ENV, token.elevatedAccessToken(), Optional.of(PAY), false, ORIGIN))
                .active())
        .isTrue();
  }

  @Test
  void aTokenForAHostScopeAndABuiltInLivesTheShorterLifetime() {
    add(ENV, "payments:send", TokenUse.MULTI, 15);

    IssuedElevatedToken both = f.issueToken(session, PAY, Scope.WALLET_SIGN);
    assertThat(both.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
    assertThat(f.issueToken(session, PAY).expiresAt())
        .isEqualTo(START.plus(Duration.ofMinutes(15)));
  }

  @Test
  void addingAndRemovingAreAuditedWithTheAdminsName() {
    add(ENV, "payments:send", TokenUse.SINGLE, 3);
    f.hostScopes.remove(new ManageHostScopesUseCase.Remove(ENV, "payments:send", "root", ORIGIN));

    AuditEvent added = f.lastEvent(AuditEventType.HOST_SCOPE_ADDED);
    assertThat(added.actor()).contains("root");
    assertThat(added.reason()).hasValueSatisfying(r -> assertThat(r).contains("payments:send"));
    assertThat(f.lastEvent(AuditEventType.HOST_SCOPE_REMOVED).reason()).contains("payments:send");
  }

  @Test
  void anotherEnvironmentsScopeIsUnknownHere() {
    add(OTHER_ENV, "payments:send", TokenUse.SINGLE, 3);

    assertThatThrownBy(() -> required(PAY)).isInstanceOf(UnknownScopeException.class);
    assertThatThrownBy(() -> f.issueToken(session, PAY)).isInstanceOf(UnknownScopeException.class);
    f.codes.send(session, Optional.empty());
    String code = f.messages.lastCodeTo("ann@example.com").orElseThrow();
    assertThatThrownBy(() -> f.codes.verifyOtp(session, code, Set.of(PAY)))
        .isInstanceOf(UnknownScopeException.class);
    // The refused request did not spend the code.
    assertThat(f.codes.verifyOtp(session, code, Set.of(Scope.WALLET_EXPORT)).scopes())
        .containsExactly(Scope.WALLET_EXPORT);
  }

  @Test
  void aPromptForAnUnknownScopeIsRefused() {
    assertThatThrownBy(
            () ->
                f.createPrompt.create(
                    new CreatePromptCommand(
                        ENV,
                        session.sessionId(),
                        Optional.of(ann.id()),
                        Set.of(PAY),
                        PromptMode.ANY,
                        new PromptTarget.Popup("https://app.example.com"),
                        ORIGIN)))
        .isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void aRemovedScopeIssuesNoMoreTokensAndIsUnknownToCheck() {
    add(ENV, "payments:send", TokenUse.SINGLE, 3);
    f.hostScopes.remove(new ManageHostScopesUseCase.Remove(ENV, "payments:send", "root", ORIGIN));

    assertThatThrownBy(() -> required(PAY)).isInstanceOf(UnknownScopeException.class);
    assertThatThrownBy(() -> f.issueToken(session, PAY)).isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void aBadScopeChangesNothingAndIsNotAudited() {
    add(ENV, "payments:send", TokenUse.SINGLE, 3);
    int audited = f.events(AuditEventType.HOST_SCOPE_ADDED).size();

    assertThatThrownBy(() -> add(ENV, "payments:send", TokenUse.MULTI, 5))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("already");
    assertThatThrownBy(() -> add(ENV, "wallet:drain", TokenUse.MULTI, 5))
        .isInstanceOf(InvalidScopeException.class);
    assertThatThrownBy(() -> add(ENV, "payments:refund", TokenUse.MULTI, 16))
        .isInstanceOf(InvalidScopeException.class);
    assertThatThrownBy(
            () ->
                f.hostScopes.remove(
                    new ManageHostScopesUseCase.Remove(ENV, "wallet:export", "root", ORIGIN)))
        .isInstanceOf(InvalidScopeException.class);
    assertThatThrownBy(() -> add(new EnvironmentId("nowhere"), "payments:x", TokenUse.SINGLE, 5))
        .isInstanceOf(NotFoundException.class);

    assertThat(f.events(AuditEventType.HOST_SCOPE_ADDED)).hasSize(audited);
    assertThat(f.environments.find(ENV).orElseThrow().settings().action(PAY).tokenUse())
        .isEqualTo(TokenUse.SINGLE);
    assertThat(
            f.environments.find(ENV).orElseThrow().settings().knows(Scope.parse("payments:refund")))
        .isFalse();
  }
}
