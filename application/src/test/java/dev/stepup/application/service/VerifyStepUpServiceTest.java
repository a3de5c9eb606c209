package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.Proof;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyStepUpCommand;
import dev.stepup.application.port.out.audit.AuditEvent;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.token.ElevatedTokens;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.port.out.verification.StepUpLockouts;
import dev.stepup.application.service.stepup.OtpProofChecker;
import dev.stepup.application.service.stepup.VerifyStepUpService;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.ProofChecker;
import dev.stepup.domain.attempt.FailureTally;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The order of the one verification path: permit, lock, proof check and spend, then one transaction
 * for the tally reset, the token and the audit records.
 */
class VerifyStepUpServiceTest {

  private static final String ANN = "ann@example.com";
  private static final Set<Scope> SIGN = Set.of(Scope.WALLET_SIGN);
  private static final VerificationMethod METHOD = VerificationMethod.EMAIL_OTP;

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser(ANN);
  private final SessionContext session = f.signIn(ann);
  private final AtomicInteger checked = new AtomicInteger();

  /** A transaction runner whose writes inside a transaction land only when it commits. */
  private final BufferingTransactions transactions = new BufferingTransactions();

  private final FailureTallies tallies =
      transactions.buffered(FailureTallies.class, f.tallies, "save");
  private final StepUpLockouts lockouts =
      transactions.buffered(StepUpLockouts.class, f.lockouts, "clear");
  private final AuditTrail audit = transactions.buffered(AuditTrail.class, f.audit, "record");
  private final AttemptLimiter limiter =
      new AttemptLimiter(tallies, lockouts, f.hardLock, f.notifier, audit, f.clock);

  private VerifyStepUpService service(ProofChecker<Proof.OtpProof> otp, ElevatedTokens tokens) {
    return new VerifyStepUpService(
        f.environments,
        f.sessions,
        f.users,
        new VerifyStepUpService.Checkers(otp, null, null, null, null, null),
        new TokenMint(tokens, f.signer, audit, transactions, f.clock),
        transactions,
        limiter,
        audit,
        f.clock);
  }

  /** A checker that names the method, answers {@code permission} and counts its checks. */
  private ProofChecker<Proof.OtpProof> checker(
      VerificationPermission permission, ProofChecker.Result result) {
    return (acting, proof, scopes, now) ->
        new ProofChecker.Attempt(
            METHOD,
            permission,
            at -> {
              checked.incrementAndGet();
              return result;
            });
  }

  private RefusedException refused(VerifyStepUpService service) {
    return refusal(
        () -> service.verify(new VerifyStepUpCommand(session, new Proof.OtpProof("1"), SIGN)));
  }

  private int failures() {
    return f.tallies.find(ann.id(), METHOD).map(FailureTally::failures).orElse(0);
  }

  @Test
  void aPolicyRefusalIsAuditedAndNotCountedAndNothingIsChecked() {
    VerifyStepUpService service =
        service(
            checker(
                new VerificationPermission.Refused(VerificationPermission.Reason.MFA_REQUIRED),
                new ProofChecker.Result.Proven()),
            f.tokens);

    assertThat(refused(service).refusal()).isEqualTo(Refusal.MFA_REQUIRED);

    assertThat(checked).hasValue(0);
    assertThat(failures()).isZero();
    AuditEvent audited = f.lastEvent(AuditEventType.VERIFICATION);
    assertThat(audited.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
    assertThat(audited.reason()).contains("mfa_required");
  }

  @Test
  void aLockedMethodIsRefusedBeforeTheProofIsChecked() {
    VerifyStepUpService failing =
        service(
            checker(
                new VerificationPermission.Permitted(),
                ProofChecker.Result.Failed.of(RefusalReason.INVALID_CODE, true)),
            f.tokens);
    for (int i = 0; i < FailureTally.THRESHOLD; i++) {
      refused(failing);
    }
    checked.set(0);
    VerifyStepUpService proving =
        service(
            checker(new VerificationPermission.Permitted(), new ProofChecker.Result.Proven()),
            f.tokens);

    RefusedException locked = refused(proving);

    assertThat(locked.refusal()).isEqualTo(Refusal.TOO_MANY_ATTEMPTS);
    assertThat(checked).hasValue(0);
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("too_many_attempts");
  }

  @Test
  void aRightCodeWhoseSpendLosesTheRaceIsAFailure() {
    String code = f.sendCode(session, ANN);
    OtpChallenges losing =
        delegate(OtpChallenges.class, f.challenges, "markUsed", args -> false); // another entry won
    VerifyStepUpService service =
        service(new OtpProofChecker(losing, f.hasher, f.policy, f.notifier), f.tokens);

    RefusedException refused =
        refusal(
            () -> service.verify(new VerifyStepUpCommand(session, new Proof.OtpProof(code), SIGN)));

    assertThat(refused.refusal()).isEqualTo(Refusal.INVALID_CODE);
    assertThat(failures()).isEqualTo(1);
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).reason()).contains("replayed");
  }

  @Test
  void successCommitsTheTallyResetTheTokenAndTheAuditInOneTransaction() {
    String code = f.sendCode(session, ANN);
    VerifyStepUpService service =
        service(new OtpProofChecker(f.challenges, f.hasher, f.policy, f.notifier), f.tokens);

    service.verify(new VerifyStepUpCommand(session, new Proof.OtpProof(code), SIGN));

    assertThat(transactions.committed)
        .singleElement()
        .satisfies(writes -> assertThat(writes).contains("save", "record"));
    assertThat(failures()).isZero();
    assertThat(f.tokens.forSession(session.sessionId())).hasSize(1);
    assertThat(f.lastEvent(AuditEventType.VERIFICATION).outcome())
        .isEqualTo(AuditEvent.Outcome.SUCCESS);
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).hasSize(1);
  }

  @Test
  void aTokenThatCannotBeStoredLeavesTheTallyUnresetAndNoSuccessAudited() {
    String code = f.sendCode(session, ANN);
    ElevatedTokens broken =
        delegate(
            ElevatedTokens.class,
            f.tokens,
            "add",
            args -> {
              throw new IllegalStateException("storage unavailable: add");
            });
    VerifyStepUpService service =
        service(new OtpProofChecker(f.challenges, f.hasher, f.policy, f.notifier), broken);

    Throwable thrown =
        catchThrowable(
            () -> service.verify(new VerifyStepUpCommand(session, new Proof.OtpProof(code), SIGN)));

    assertThat(thrown).hasMessageContaining("storage unavailable");
    assertThat(transactions.committed).isEmpty();
    assertThat(failures()).isEqualTo(1); // counted ahead, never reset
    assertThat(f.events(AuditEventType.VERIFICATION))
        .noneMatch(e -> e.outcome() == AuditEvent.Outcome.SUCCESS);
    assertThat(f.events(AuditEventType.TOKEN_ISSUED)).isEmpty();
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
  }

  @Test
  void aSocialProofIsRefusedFromAnyoneButTheCallback() {
    VerifyStepUpService service =
        service(
            checker(new VerificationPermission.Permitted(), new ProofChecker.Result.Proven()),
            f.tokens);
    assertThat(
            catchThrowable(
                () ->
                    service.verify(
                        new VerifyStepUpCommand(
                            session,
                            new Proof.SocialProof(
                                dev.stepup.domain.social.SocialLogin.start(
                                    "sol_1",
                                    Fixture.ENV,
                                    ann.id(),
                                    session.sessionId(),
                                    "acmeid",
                                    dev.stepup.domain.social.SocialLogin.Purpose.STEP_UP,
                                    SIGN,
                                    "https://app.example.com/done",
                                    "nonce",
                                    "verifier",
                                    f.clock.instant()),
                                new dev.stepup.application.port.in.stepup.FinishSocialLoginUseCase
                                    .ProviderAnswer("state", "code", null),
                                "https://stepup.example.com/callback"),
                            SIGN))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.tokens.forSession(session.sessionId())).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** {@code target}, except that {@code method} answers what {@code answer} says. */
  private static <T> T delegate(
      Class<T> port,
      T target,
      String method,
      java.util.function.Function<Object[], Object> answer) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, m, args) -> {
              if (m.getName().equals(method)) {
                return answer.apply(args);
              }
              try {
                return m.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  /** Holds back the named writes made inside a transaction until it commits; drops them if not. */
  private static final class BufferingTransactions implements TransactionRunner {
    final List<List<String>> committed = new ArrayList<>();
    private List<Runnable> pending;
    private List<String> names;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      if (pending != null) {
        return work.get(); // joins the transaction already open, as the JDBC runner does
      }
      pending = new ArrayList<>();
      names = new ArrayList<>();
      try {
        T result = work.get();
        pending.forEach(Runnable::run);
        committed.add(names);
        return result;
      } finally {
        pending = null;
        names = null;
      }
    }

    <T> T buffered(Class<T> port, T target, String write) {
      return port.cast(
          Proxy.newProxyInstance(
              port.getClassLoader(),
              new Class<?>[] {port},
              (proxy, m, args) -> {
                if (m.getName().equals(write) && pending != null) {
                  names.add(write);
                  pending.add(
                      () -> {
                        try {
                          m.invoke(target, args);
                        } catch (ReflectiveOperationException e) {
                          throw new IllegalStateException(e);
                        }
                      });
                  return null;
                }
                try {
                  return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              }));
    }
  }
}
