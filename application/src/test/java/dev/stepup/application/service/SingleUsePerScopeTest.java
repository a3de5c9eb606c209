package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.RevokeCommand;
import dev.stepup.application.port.in.token.TokenSummary;
import dev.stepup.application.port.in.webhook.ConfigureWebhookUseCase;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.environment.ProtectedAction;
import dev.stepup.domain.environment.TokenUse;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import dev.stepup.domain.webhook.WebhookEvent;
import dev.stepup.domain.webhook.WebhookEventType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A token asked for several scopes is single-use per scope: spending it for one leaves the others
 * usable until it expires; revocation still ends them all.
 */
class SingleUsePerScopeTest {

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);

  private void signIsSingleUse() {
    f.changeSettings(
        ENV, s -> s.withAction(new ProtectedAction(Scope.WALLET_SIGN, true, TokenUse.SINGLE)));
  }

  private void authorize(Scope scope, IssuedElevatedToken token) {
    f.guard.authorize(session, scope, Optional.of(token.elevatedAccessToken()));
  }

  private RefusedException refused(Scope scope, IssuedElevatedToken token) {
    return refusal(() -> authorize(scope, token));
  }

  private Introspection introspect(
      IssuedElevatedToken token, Optional<Scope> scope, boolean consume) {
    return f.introspection.introspect(
        new IntrospectCommand(ENV, token.elevatedAccessToken(), scope, consume, ORIGIN));
  }

  @Test
  void spendingOneSingleUseScopeLeavesTheOtherUsableOnce() {
    signIsSingleUse();
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    authorize(Scope.WALLET_EXPORT, token);
    assertThat(refused(Scope.WALLET_EXPORT, token).refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);
    assertThat(f.stateOf(token)).isEqualTo(TokenState.ACTIVE);
    authorize(Scope.WALLET_SIGN, token);
    RefusedException again = refused(Scope.WALLET_SIGN, token);

    assertThat(again.refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);
    assertThat(again.scope()).contains("wallet:sign");
    assertThat(f.stateOf(token)).isEqualTo(TokenState.CONSUMED);
    // Each consumption record names the scope it spent.
    assertThat(f.events(AuditEventType.TOKEN_CONSUMED))
        .extracting(AuditEvent::scopes)
        .containsExactly(Set.of(Scope.WALLET_EXPORT), Set.of(Scope.WALLET_SIGN));
  }

  @Test
  void aMultiUseScopeStaysUsableAfterTheSingleUseOneIsSpentUntilRevoked() {
    // Under the defaults wallet:export is single-use and wallet:sign multi-use.
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    authorize(Scope.WALLET_EXPORT, token);
    authorize(Scope.WALLET_SIGN, token);
    authorize(Scope.WALLET_SIGN, token);
    assertThat(refused(Scope.WALLET_EXPORT, token).refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);

    f.tokenService.revoke(new RevokeCommand(ENV, token.elevatedAccessToken(), "host", ORIGIN));

    assertThat(refused(Scope.WALLET_SIGN, token).refusal()).isEqualTo(Refusal.TOKEN_REVOKED);
    assertThat(f.stateOf(token)).isEqualTo(TokenState.REVOKED);
  }

  @Test
  void whichScopesAreSingleUseIsFixedWhenTheTokenIsIssued() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_SIGN);
    signIsSingleUse();

    authorize(Scope.WALLET_SIGN, token);
    authorize(Scope.WALLET_SIGN, token);
  }

  @Test
  void introspectionListsTheUsableAndTheSpentScopes() {
    signIsSingleUse();
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    Introspection spent = introspect(token, Optional.of(Scope.WALLET_EXPORT), true);
    assertThat(spent.active()).isTrue();
    assertThat(spent.scopes()).containsExactlyInAnyOrder(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    assertThat(spent.spentScopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(spent.state()).contains(TokenState.ACTIVE);

    Introspection peek = introspect(token, Optional.empty(), false);
    assertThat(peek.active()).isTrue();
    assertThat(peek.scopes()).containsExactly(Scope.WALLET_SIGN);
    assertThat(peek.singleUseScopes())
        .containsExactlyInAnyOrder(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    assertThat(peek.spentScopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(introspect(token, Optional.of(Scope.WALLET_EXPORT), false).active()).isFalse();
    assertThat(introspect(token, Optional.of(Scope.WALLET_SIGN), false).active()).isTrue();

    assertThat(introspect(token, Optional.of(Scope.WALLET_EXPORT), true).active()).isFalse();
    assertThat(introspect(token, Optional.of(Scope.WALLET_SIGN), true).active()).isTrue();
    assertThat(introspect(token, Optional.of(Scope.WALLET_SIGN), true).active()).isFalse();
    assertThat(introspect(token, Optional.empty(), false).active()).isFalse();
  }

  @Test
  void consumingWithoutAScopeIsRefusedWhenSeveralScopesAreSingleUse() {
    signIsSingleUse();
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    RefusedException unnamed = refusal(() -> introspect(token, Optional.empty(), true));

    assertThat(unnamed.refusal()).isEqualTo(Refusal.SCOPE_REQUIRED);
    assertThat(unnamed.refusal().code()).isEqualTo("scope_required");
    assertThat(f.lastEvent(AuditEventType.TOKEN_REFUSED).reason()).contains("scope_required");
    assertThat(f.events(AuditEventType.TOKEN_CONSUMED)).isEmpty();
    assertThat(introspect(token, Optional.empty(), false).scopes())
        .containsExactlyInAnyOrder(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
  }

  @Test
  void consumingWithoutAScopeSpendsTheOnlySingleUseScope() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    Introspection spent = introspect(token, Optional.empty(), true);

    assertThat(spent.active()).isTrue();
    assertThat(spent.spentScopes()).containsExactly(Scope.WALLET_EXPORT);
    assertThat(f.lastEvent(AuditEventType.TOKEN_CONSUMED).scopes())
        .containsExactly(Scope.WALLET_EXPORT);
    assertThat(refused(Scope.WALLET_EXPORT, token).refusal()).isEqualTo(Refusal.TOKEN_CONSUMED);
    authorize(Scope.WALLET_SIGN, token);
  }

  @Test
  void theConsoleListingShowsWhichScopesWereSpentAndWhen() {
    signIsSingleUse();
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    authorize(Scope.WALLET_EXPORT, token);

    TokenSummary summary =
        f.tokens
            .find(token.tokenId())
            .map(t -> TokenSummary.of(t, f.clock.instant()))
            .orElseThrow();

    assertThat(summary.singleUseScopes())
        .containsExactlyInAnyOrder(Scope.WALLET_EXPORT, Scope.WALLET_SIGN);
    assertThat(summary.spentScopes()).containsOnlyKeys(Scope.WALLET_EXPORT);
    assertThat(summary.spentScopes().get(Scope.WALLET_EXPORT)).isEqualTo(f.clock.instant());
    assertThat(summary.state()).isEqualTo(TokenState.ACTIVE);
  }

  @Test
  void theTokenConsumedWebhookNamesTheScopeSpent() {
    new dev.stepup.application.service.webhook.WebhookAdminService(
            f.environments,
            f.webhookSettings,
            (environmentId, limit) -> List.of(),
            f.cipher,
            f.transactions,
            f.audit,
            f.clock,
            false)
        .configure(
            new ConfigureWebhookUseCase.Command(
                ENV, "https://acme.example/hooks", Set.of("token.consumed"), "root", ORIGIN));
    signIsSingleUse();
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT, Scope.WALLET_SIGN);

    authorize(Scope.WALLET_SIGN, token);
    introspect(token, Optional.of(Scope.WALLET_EXPORT), true);

    assertThat(f.webhookQueue.queued())
        .extracting(q -> q.event())
        .allSatisfy(e -> assertThat(e.type()).isEqualTo(WebhookEventType.TOKEN_CONSUMED))
        .extracting(WebhookEvent::scopes)
        .containsExactly(Set.of(Scope.WALLET_SIGN), Set.of(Scope.WALLET_EXPORT));
  }
}
