package dev.stepup.application.service.signin;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase;
import dev.stepup.application.port.in.signin.SignInCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeUseCase;
import dev.stepup.application.port.in.user.CreateUserUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.security.SignInTallies;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.application.service.Masking;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.CodeMessages;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.application.service.verification.SendThrottle;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.otp.SignInCode;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing in to the hosted pages by a code emailed to the address the user signs in with. Codes are
 * throttled per address like step-up codes are per session, and wrong codes are counted per address
 * and per client (never against the user's step-up locks, which a stranger could otherwise trip),
 * audited like every other verification.
 */
public final class EmailSignInService
    implements SendSignInCodeUseCase, SignInWithCodeUseCase, CheckReturnAddressUseCase {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final VerificationMethod CHANNEL = VerificationMethod.EMAIL_OTP;

  private final Environments environments;
  private final SignInAccounts accounts;
  private final SignInCodes codes;
  private final EmailSender email;
  private final SecretHasher hasher;
  private final StartSessionUseCase sessions;
  private final TransactionRunner transactions;
  private final SignInAttempts attempts;
  private final SendThrottle throttle;
  private final SecurityNotifier notifier;
  private final Audit audit;
  private final Clock clock;

  public EmailSignInService(
      Environments environments,
      Users userStore,
      CreateUserUseCase users,
      SignInCodes codes,
      EmailSender email,
      SecretHasher hasher,
      StartSessionUseCase sessions,
      TransactionRunner transactions,
      SignInTallies tallies,
      CodeSendGates sendGates,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.accounts = new SignInAccounts(userStore, users);
    this.codes = codes;
    this.email = email;
    this.hasher = hasher;
    this.sessions = sessions;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.attempts = new SignInAttempts(tallies, hasher, audit, clock);
    this.throttle = new SendThrottle(sendGates);
    this.notifier = notifier;
    this.clock = clock;
  }

  /** The user who signs in with an address, and that email credential. */
  @Override
  public SignInCodeSent send(SignInCodeCommand command) {
    Instant now = clock.instant();
    Environment environment = requireEnvironment(command.environmentId());
    String address = command.email();
    Optional<SignInAccounts.Account> account = accounts.find(command.environmentId(), address);
    // Nobody signs in with this address and nobody may sign up: answer exactly as for an account
    // (a code row is stored, so throttling matches too) but mail nothing, and store a code no
    // 6-digit entry can ever match.
    boolean nobody = account.isEmpty() && !environment.allowsSignUp();
    Optional<UserId> userId = account.map(a -> a.user().id());
    Optional<Duration> locked =
        attempts.locked(attempts.subjects(command.environmentId(), address, command.origin()));
    if (locked.isPresent()) {
      sent(command.environmentId(), command.origin(), userId)
          .failure(Refusal.TOO_MANY_ATTEMPTS.code());
      throw AttemptLimiter.locked(locked.get());
    }
    SendThrottle.Ticket ticket;
    try {
      ticket =
          throttle.check(
              SendThrottle.address(command.environmentId(), address),
              codes.latestFor(command.environmentId(), address).map(SignInCode::issuedAt),
              codes.sentSince(command.environmentId(), address, now.minus(OtpSendPolicy.WINDOW)),
              now);
    } catch (RefusedException throttled) {
      sent(command.environmentId(), command.origin(), userId).failure("throttled");
      throw throttled;
    }
    String id = RandomTokens.id("sic");
    String code = nobody ? RandomTokens.secret("x") : RandomTokens.digits(OtpChallenge.CODE_LENGTH);
    SignInCode issued =
        SignInCode.issue(
            id,
            command.environmentId(),
            address,
            userId,
            hasher.digest(codeMaterial(id, code)),
            now);
    String purpose = account.isPresent() ? "sign-in" : "sign-up";
    try {
      transactions.inTransaction(
          () -> {
            throttle.claim(ticket);
            codes.deleteExpired(now.minus(OtpSendPolicy.WINDOW));
            codes.add(issued);
            if (nobody) {
              return;
            }
            CodeMessages.Words words = CodeMessages.signIn(purpose);
            email.send(
                command.environmentId(), address, words.emailSubject(code), words.emailBody(code));
          });
    } catch (RefusedException throttled) {
      sent(command.environmentId(), command.origin(), userId).failure("throttled");
      throw throttled;
    }
    sent(command.environmentId(), command.origin(), userId)
        .success(nobody ? "no_account" : purpose);
    return new SignInCodeSent(Masking.email(address), !environment.allowsSignUp());
  }

  @Override
  public StartedSession signIn(SignInWithCodeCommand command) {
    Instant now = clock.instant();
    Environment environment = requireEnvironment(command.environmentId());
    RefusedException noCode =
        new RefusedException(
            Refusal.NO_PENDING_CODE, "No code was sent to this address; ask for one.");
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
      throw new RefusedException(
          Refusal.INVALID_CODE,
          left > 0
              ? "That code is not right. " + left + " attempt" + (left == 1 ? "" : "s") + " left."
              : "That code is not right, and this code no longer works; ask for a new one.");
    }
    Refusal refusal =
        outcome == OtpOutcome.TOO_MANY_ATTEMPTS ? Refusal.TOO_MANY_ATTEMPTS : Refusal.CODE_EXPIRED;
    verification(command, userId).failure(refusal.code());
    throw new RefusedException(
        refusal,
        outcome == OtpOutcome.EXPIRED
            ? "This code has expired; ask for a new one."
            : "This code took too many wrong entries; ask for a new one.");
  }

  @Override
  public boolean permits(EnvironmentId environmentId, String returnTo) {
    Environment environment = requireEnvironment(environmentId);
    return environment.allowsReturnTo(returnTo);
  }

  private Environment requireEnvironment(EnvironmentId id) {
    return environments.find(id).orElseThrow(() -> new NotFoundException("environment", id));
  }

  private Audit.Entry sent(
      EnvironmentId environmentId, RequestOrigin origin, Optional<UserId> userId) {
    Audit.Entry entry =
        audit.event(AuditEventType.OTP_SENT, environmentId, origin).method(Optional.of(CHANNEL));
    userId.ifPresent(entry::user);
    return entry;
  }

  private Audit.Entry verification(SignInWithCodeCommand command, Optional<UserId> userId) {
    Audit.Entry entry =
        audit
            .event(AuditEventType.VERIFICATION, command.environmentId(), command.origin())
            .method(Optional.of(CHANNEL));
    userId.ifPresent(entry::user);
    return entry;
  }

  private static String codeMaterial(String codeId, String code) {
    return "signin:" + codeId + ":" + code;
  }
}
