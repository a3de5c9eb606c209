package dev.stepup.application.service.signin;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase;
import dev.stepup.application.port.in.signin.SignInCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeUseCase;
import dev.stepup.application.port.in.user.CreateUserUseCase;
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
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.CodeMessages;
import dev.stepup.application.service.verification.SendThrottle;
import dev.stepup.domain.credential.Masking;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.otp.SignInCode;
import dev.stepup.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to the hosted pages by a code emailed to the address the user signs in with. Codes are
 * throttled per address like step-up codes are per session, and wrong codes are counted per address
 * and per client (never against the user's step-up locks, which a stranger could otherwise trip),
 * audited like every other verification.
 */
public final class EmailSignInService implements SendSignInCodeUseCase, SignInWithCodeUseCase {

  static final VerificationMethod CHANNEL = VerificationMethod.EMAIL_OTP;

  private final Environments environments;
  private final SignInAccounts accounts;
  private final SignInCodes codes;
  private final EmailSender email;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final SignInAttempts attempts;
  private final SignInCodeEntry entry;
  private final SendThrottle throttle;
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
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.attempts = new SignInAttempts(tallies, hasher, audit, clock);
    this.throttle = new SendThrottle(sendGates);
    this.entry = new SignInCodeEntry(accounts, codes, hasher, sessions, attempts, notifier, audit);
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
            hasher.digest(SignInCodeEntry.codeMaterial(id, code)),
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
    return entry.signIn(command, requireEnvironment(command.environmentId()), now);
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
}
