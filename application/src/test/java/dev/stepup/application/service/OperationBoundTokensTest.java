package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.Introspection;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.token.ListElevatedTokensQuery;
import dev.stepup.application.port.in.wallet.SignWithWalletUseCase;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tokens bound to one operation are spent on that operation only, and a refusal spends nothing. */
class OperationBoundTokensTest {

  private final Fixture f = new Fixture();
  private final User ann =
      f.createUser(ENV, Optional.of("ann@example.com"), Optional.empty(), true);
  private final SessionContext session = f.signIn(ann);
  private final CredentialId walletId = ann.credentials().get(1).id();

  private IssuedElevatedToken bound(OperationBinding binding, Scope scope) {
    return f.tokenService.issue(
        new IssueElevatedTokenCommand(
            ENV,
            ann.id(),
            Optional.of(session.sessionId()),
            Set.of(scope),
            Optional.of(VerificationMethod.EMAIL_OTP),
            ORIGIN,
            Optional.of(binding)));
  }

  private static OperationBinding resource(String id) {
    return new OperationBinding(Optional.of(id), Optional.empty(), Optional.empty());
  }

  private String export(IssuedElevatedToken token) {
    return f.wallet.export(
        new WalletCommand(session, walletId, Optional.of(token.elevatedAccessToken())));
  }

  private String sign(IssuedElevatedToken token, String message, Optional<Amount> amount) {
    return f.wallet.sign(
        new SignWithWalletUseCase.Command(
            session, walletId, message, Optional.of(token.elevatedAccessToken()), amount));
  }

  @Test
  void aVerificationBindsTheTokenItIssues() {
    String code = f.sendCode(session, "ann@example.com");
    OperationBinding binding = resource(walletId.value());

    IssuedElevatedToken token =
        f.verify.verify(
            new VerifyStepUpCommand(
                session,
                new Proof.OtpProof(code),
                Set.of(Scope.WALLET_EXPORT),
                Optional.of(binding)));

    assertThat(f.tokens.find(token.tokenId()).orElseThrow().binding()).contains(binding);
    assertThat(
            f.tokenList
                .list(
                    new ListElevatedTokensQuery(
                        ENV, Optional.empty(), Optional.empty(), Optional.empty(), 0, 10))
                .tokens()
                .get(0)
                .operation())
        .contains(binding);
    assertThat(export(token)).startsWith("0x");
  }

  @Test
  void aTokenBoundToAnotherWalletIsRefusedAndNotSpent() {
    IssuedElevatedToken token = bound(resource("wal_other"), Scope.WALLET_EXPORT);

    RefusedException refused = refusal(() -> export(token));

    assertThat(refused.refusal()).isEqualTo(Refusal.OPERATION_MISMATCH);
    assertThat(refused.subject()).contains("resource_differs");
    assertThat(f.stateOf(token)).isEqualTo(TokenState.ACTIVE);
    assertThat(f.lastEvent(AuditEventType.TOKEN_REFUSED).reason())
        .contains("operation_mismatch:resource_differs");
    assertThat(f.events(AuditEventType.WALLET_OPERATION)).isEmpty();
  }

  @Test
  void aTokenBoundToMessageXDoesNotSignMessageY() {
    OperationBinding x =
        new OperationBinding(
            Optional.of(walletId.value()),
            Optional.of(OperationDigest.ofMessage("pay 10 to 0xabc")),
            Optional.empty());
    IssuedElevatedToken token = bound(x, Scope.WALLET_SIGN);

    assertThat(refusal(() -> sign(token, "pay 10 to 0xevil", Optional.empty())).subject())
        .contains("digest_differs");
    assertThat(f.events(AuditEventType.WALLET_OPERATION)).isEmpty();

    assertThat(sign(token, "pay 10 to 0xabc", Optional.empty())).startsWith("0x");
  }

  @Test
  void anAmountOneUnitOverTheCapIsRefused() {
    OperationBinding capped =
        new OperationBinding(
            Optional.of(walletId.value()),
            Optional.empty(),
            Optional.of(Amount.parse("100", "ETH")));
    IssuedElevatedToken token = bound(capped, Scope.WALLET_SIGN);

    assertThat(refusal(() -> sign(token, "tx", Optional.of(Amount.parse("101", "ETH")))).subject())
        .contains("amount_over_cap");
    assertThat(refusal(() -> sign(token, "tx", Optional.empty())).refusal())
        .isEqualTo(Refusal.OPERATION_MISMATCH);

    assertThat(sign(token, "tx", Optional.of(Amount.parse("100", "ETH")))).startsWith("0x");
  }

  @Test
  void anUnboundTokenKeepsWorkingForAnyOperation() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT);

    assertThat(export(token)).startsWith("0x");
  }

  @Test
  void aHostBackendThatNamesAnotherOperationGetsARefusalAndTheTokenStaysUnspent() {
    IssuedElevatedToken token = bound(resource("wal_A"), Scope.WALLET_EXPORT);

    RefusedException other =
        refusal(() -> introspect(token, true, Optional.of(Operation.on("wal_B"))));
    RefusedException unnamed = refusal(() -> introspect(token, true, Optional.empty()));
    Introspection peek = introspect(token, false, Optional.empty());

    assertThat(other.refusal()).isEqualTo(Refusal.OPERATION_MISMATCH);
    assertThat(unnamed.refusal()).isEqualTo(Refusal.OPERATION_MISMATCH);
    assertThat(unnamed.subject()).contains("operation_not_named");
    assertThat(peek.active()).isTrue();
    assertThat(peek.operation()).contains(resource("wal_A"));
    assertThat(f.stateOf(token)).isEqualTo(TokenState.ACTIVE);

    Introspection spent = introspect(token, true, Optional.of(Operation.on("wal_A")));

    assertThat(spent.active()).isTrue();
    assertThat(f.stateOf(token)).isEqualTo(TokenState.CONSUMED);
  }

  @Test
  void anUnboundTokenIsSpentWhateverOperationTheHostNames() {
    IssuedElevatedToken token = f.issueToken(session, Scope.WALLET_EXPORT);

    assertThat(introspect(token, true, Optional.of(Operation.on("wal_B"))).active()).isTrue();
  }

  private Introspection introspect(
      IssuedElevatedToken token, boolean consume, Optional<Operation> operation) {
    return f.introspection.introspect(
        new IntrospectCommand(
            ENV,
            token.elevatedAccessToken(),
            Optional.of(Scope.WALLET_EXPORT),
            consume,
            ORIGIN,
            operation));
  }
}
