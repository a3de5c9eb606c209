package dev.stepup.application.service.signin;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.otp.SignInCode;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entering an emailed sign-in code: the code is checked under the sign-in attempt limits, and a
 * right one starts a session (signing the address up first when it had no account).
 */
final class SignInCodeEntry {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final SignInAccounts accounts;
  private final SignInCodes codes;
  private final SecretHasher hasher;
  private final StartSessionUseCase sessions;
  private final SignInAttempts attempts;
  private final SecurityNotifier notifier;
  private final Audit audit;

  SignInCodeEntry(
      SignInAccounts accounts,
      SignInCodes codes,
      SecretHasher hasher,
      StartSessionUseCase sessions,
      SignInAttempts attempts,
      SecurityNotifier notifier,
      Audit audit) {
    this.accounts = accounts;
    this.codes = codes;
    this.hasher = hasher;
    this.sessions = sessions;
    this.attempts = attempts;
    this.notifier = notifier;
    this.audit = audit;
  }

  StartedSession signIn(SignInWithCodeCommand command, Environment environment, Instant now) {
    RefusedException noCode = new RefusedException(RefusalReason.NO_SIGN_IN_CODE);
    Optional<SignInAccounts.Account> account =
        accounts.find(command.environmentId(), command.email());
    // An address without an account has a code row too (see send), so a wrong entry for it is
    // answered exactly like one for an account: the page never tells who has one.
    SignInCode code =
        codes.latestFor(command.environmentId(), command.email()).orElseThrow(() -> noCode);
    Optional<UserId> userId = account.map(a -> a.user().id());
    List<String> subjects =
        attempts.subjects(command.environmentId(), command.email(), command.origin());
    Optional<Duration> locked =
        attempts.begin(command.environmentId(), userId, subjects, command.origin());
    if (locked.isPresent()) {
      verification(command, userId).failure(Refusal.TOO_MANY_ATTEMPTS.code());
      throw AttemptLimiter.locked(locked.get());
    }
    boolean matches =
        SIX_DIGITS.matcher(command.code()).matches()
            && hasher.digestMatches(codeMaterial(code.id(), command.code()), code.codeDigest());
    OtpOutcome outcome = code.verify(matches, now);
    if (outcome == OtpOutcome.ACCEPTED && !codes.markUsed(code.id(), now)) {
      outcome = OtpOutcome.REPLAYED; // a concurrent entry of the same code won
    }
    if (outcome == OtpOutcome.ACCEPTED && account.isEmpty() && !environment.allowsSignUp()) {
      // Unreachable (such a row holds no digits to enter); refuse rather than sign anyone up.
      outcome = OtpOutcome.WRONG_CODE;
    }
    if (outcome == OtpOutcome.ACCEPTED) {
      attempts.succeeded(subjects);
      SignInAccounts.Account signingIn = account.orElseGet(() -> accounts.signUp(command));
      verification(command, Optional.of(signingIn.user().id())).success();
      return sessions.start(
          new StartSessionCommand(
              command.environmentId(),
              signingIn.user().id(),
              Optional.of(signingIn.email().id()),
              command.origin()));
    }
    if (outcome.answersAsWrongCode()) {
      if (outcome == OtpOutcome.WRONG_CODE) {
        codes.recordWrongEntry(code.id());
      }
      boolean replayed = outcome == OtpOutcome.REPLAYED;
      verification(command, userId)
          .failure(replayed ? ReplayedCodes.REPLAYED : Refusal.INVALID_CODE.code());
      if (replayed) {
        account.ifPresent(
            a ->
                notifier.notify(
                    a.user(), SecurityNotice.CODE_REPLAYED, "A sign-in code sent by email"));
      }
      Optional<Duration> nowLocked = attempts.locked(subjects);
      if (nowLocked.isPresent()) {
        throw AttemptLimiter.locked(nowLocked.get()); // this failure completed the lock
      }
      // A used code answers every entry alike, so a replay cannot tell the code was right.
      int left = outcome == OtpOutcome.WRONG_CODE ? code.attemptsLeft() : 0;
      throw new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(left);
    }
    RefusalReason reason =
        outcome == OtpOutcome.TOO_MANY_ATTEMPTS
            ? RefusalReason.CODE_EXHAUSTED
            : RefusalReason.CODE_EXPIRED;
    verification(command, userId).failure(reason.refusal().code());
    throw new RefusedException(reason);
  }

  private Audit.Entry verification(SignInWithCodeCommand command, Optional<UserId> userId) {
    Audit.Entry entry =
        audit
            .event(AuditEventType.VERIFICATION, command.environmentId(), command.origin())
            .method(Optional.of(EmailSignInService.CHANNEL));
    userId.ifPresent(entry::user);
    return entry;
  }

  /** What a code's digest is taken over: the code id binds the code to its row. */
  static String codeMaterial(String codeId, String code) {
    return "signin:" + codeId + ":" + code;
  }
}
