package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IntrospectCommand;
import dev.stepup.application.port.in.token.IssueElevatedTokenCommand;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.service.token.ElevatedTokenService;
import dev.stepup.application.service.token.IntrospectElevatedTokenService;
import dev.stepup.application.service.token.ProtectedActionService;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issuing, consuming by introspection and spending on a protected action each write their state
 * change and its audit record in one transaction, so one durable commit records both.
 */
class OneCommitPerChangeTest {

  /** Numbers each outermost transaction; 0 means "outside any". */
  private static final class NumberedTransactions implements TransactionRunner {
    private int opened;
    private int current;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      if (current != 0) {
        return work.get();
      }
      current = ++opened;
      try {
        return work.get();
      } finally {
        current = 0;
      }
    }
  }

  private final Fixture f = new Fixture();
  private final NumberedTransactions transactions = new NumberedTransactions();
  private final List<String> writes = new ArrayList<>();
  private final ElevatedTokens tokens = logging(f.tokens);
  private final AuditTrail audit =
      event -> {
        writes.add(event.type().wire() + "@" + transactions.current);
        f.audit.record(event);
      };
  private final ElevatedTokenService issuing =
      new ElevatedTokenService(
          f.environments, f.users, f.sessions, tokens, f.signer, audit, transactions, f.clock);
  private final IntrospectElevatedTokenService introspection =
      new IntrospectElevatedTokenService(
          f.sessions, tokens, f.signer, audit, transactions, f.clock);
  private final ProtectedActionService guard =
      new ProtectedActionService(
          f.environments,
          f.sessions,
          f.users,
          tokens,
          f.signer,
          audit,
          transactions,
          f.legacyUses,
          f.apiVersion,
          f.clock);
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);

  private ElevatedTokens logging(ElevatedTokens target) {
    return (ElevatedTokens)
        Proxy.newProxyInstance(
            ElevatedTokens.class.getClassLoader(),
            new Class<?>[] {ElevatedTokens.class},
            (proxy, method, args) -> {
              if (method.getName().equals("add") || method.getName().equals("markSpent")) {
                writes.add(method.getName() + "@" + transactions.current);
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private IssuedElevatedToken issue() {
    return issuing.issue(
        new IssueElevatedTokenCommand(
            ENV,
            ann.id(),
            Optional.of(session.sessionId()),
            Set.of(Scope.WALLET_EXPORT),
            Optional.of(VerificationMethod.EMAIL_OTP),
            ORIGIN));
  }

  @Test
  void anIssuedTokenAndItsAuditRecordCommitTogether() {
    issue();
    assertThat(writes).containsExactly("add@1", "token_issued@1");
  }

  @Test
  void aConsumingIntrospectionAndItsAuditRecordCommitTogether() {
    IssuedElevatedToken issued = issue();
    writes.clear();

    introspection.introspect(
        new IntrospectCommand(ENV, issued.elevatedAccessToken(), Optional.empty(), true, ORIGIN));

    assertThat(writes).containsExactly("markSpent@2", "token_consumed@2");
  }

  @Test
  void aSpentTokenAndItsAuditRecordCommitTogetherOnAProtectedAction() {
    IssuedElevatedToken issued = issue();
    writes.clear();

    guard.authorize(session, Scope.WALLET_EXPORT, Optional.of(issued.elevatedAccessToken()));

    assertThat(writes).containsExactly("markSpent@2", "token_consumed@2");
  }
}
