package dev.stepup.application.service;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.signin.CheckReturnAddressUseCase;
import dev.stepup.application.port.in.signin.SendSignInCodeUseCase;
import dev.stepup.application.port.in.signin.SignInCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeCommand;
import dev.stepup.application.port.in.signin.SignInWithCodeUseCase;
import dev.stepup.application.port.in.user.StartSessionCommand;
import dev.stepup.application.port.in.user.StartSessionUseCase;
import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.audit.RequestOrigin;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.FailureTallies;
import dev.stepup.application.port.out.verification.SignInCodes;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.environment.RedirectAllowList;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.otp.SignInCode;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signing in to the hosted pages by a code emailed to the address the user signs in with. Codes are
 * throttled per address like step-up codes are per session, and wrong codes count towards the
 * user's email-code lock, audited like every other verification.
 */
public final class EmailSignInService
    implements SendSignInCodeUseCase, SignInWithCodeUseCase, CheckReturnAddressUseCase {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
  private static final VerificationMethod CHANNEL = VerificationMethod.EMAIL_OTP;

  private final Environments environments;
  private final Users users;
  private final SignInCodes codes;
  private final EmailSender email;
  private final SecretHasher hasher;
  private final StartSessionUseCase sessions;
  private final TransactionRunner transactions;
  private final OtpSendPolicy sendPolicy = new OtpSendPolicy();
  private final AttemptLimiter limiter;
  private final Audit audit;
  private final Clock clock;

  public EmailSignInService(
      Environments environments,
      Users users,
      SignInCodes codes,
      EmailSender email,
      SecretHasher hasher,
      StartSessionUseCase sessions,
      TransactionRunner transactions,
      FailureTallies tallies,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.users = users;
    this.codes = codes;
    this.email = email;
    this.hasher = hasher;
    this.sessions = sessions;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.limiter = new AttemptLimiter(tallies, audit, clock);
    this.clock = clock;
  }

  /** The user who signs in with an address, and that email credential. */
  private record Account(User user, Credential email) {}

  @Override
  public SignInCodeSent send(SignInCodeCommand command) {
    Instant now = clock.instant();
    requireEnvironment(command.environmentId());
    Account account =
        account(command.environmentId(), command.email())
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.CREDENTIAL_NOT_ELIGIBLE,
                        "No account here signs in with "
                            + command.email()
                            + ". Check the address, or ask the service that sent you here to"
                            + " create your account."));
    limiter.ensureNotLocked(account.user().id(), CHANNEL);
    Instant windowStart = now.minus(OtpSendPolicy.WINDOW);
    List<Instant> recent =
        codes.sentSince(account.email().id(), windowStart).stream()
            .filter(t -> t.isAfter(windowStart))
            .toList();
    Optional<Instant> last = codes.latestFor(account.email().id()).map(SignInCode::issuedAt);
    if (sendPolicy.decide(last, recent.stream().findFirst(), recent.size(), now)
        instanceof OtpSendPolicy.Decision.Throttled throttled) {
      sent(command.environmentId(), command.origin(), account).failure("throttled");
      long seconds = Math.max(1, throttled.retryAfter().toSeconds());
      boolean justSent =
          last.filter(t -> now.isBefore(t.plus(OtpSendPolicy.RESEND_INTERVAL))).isPresent();
      throw new RefusedException(
          Refusal.RESEND_THROTTLED,
          justSent
              ? "A code was sent moments ago. You can ask for another in " + seconds + " seconds."
              : "Too many codes were sent in the last hour. You can ask for another in "
                  + Math.max(1, (seconds + 59) / 60)
                  + " minutes.",
          Optional.of(throttled.retryAfter()),
          null);
    }
    String id = RandomTokens.id("sic");
    String code = RandomTokens.digits(OtpChallenge.CODE_LENGTH);
    SignInCode issued =
        SignInCode.issue(
            id,
            command.environmentId(),
            account.user().id(),
            account.email().id(),
            hasher.digest(codeMaterial(id, code)),
            now);
    transactions.inTransaction(
        () -> {
          codes.deleteExpired(now.minus(OtpSendPolicy.WINDOW));
          codes.add(issued);
          email.send(
              command.environmentId(),
              account.email().identifier(),
              "Your sign-in code: " + code,
              "Your sign-in code is "
                  + code
                  + ".\n\nIt expires in "
                  + OtpChallenge.LIFETIME.toMinutes()
                  + " minutes. If you did not try to sign in, ignore this message and do not"
                  + " share the code with anyone.\n");
        });
    sent(command.environmentId(), command.origin(), account).success(account.email().id().value());
    return new SignInCodeSent(Masking.email(account.email().identifier()));
  }

  @Override
  public StartedSession signIn(SignInWithCodeCommand command) {
    Instant now = clock.instant();
    requireEnvironment(command.environmentId());
    RefusedException noCode =
        new RefusedException(
            Refusal.NO_PENDING_CODE, "No code was sent to this address; ask for one.");
    Account account = account(command.environmentId(), command.email()).orElseThrow(() -> noCode);
    SignInCode code = codes.latestFor(account.email().id()).orElseThrow(() -> noCode);
    AttemptLimiter.Attempt attempt =
        limiter.begin(
            command.environmentId(),
            command.origin(),
            Optional.empty(),
            account.user().id(),
            CHANNEL);
    boolean matches =
        SIX_DIGITS.matcher(command.code()).matches()
            && hasher.digestMatches(codeMaterial(code.id(), command.code()), code.codeDigest());
    OtpOutcome outcome = code.verify(matches, now);
    if (outcome == OtpOutcome.ACCEPTED && codes.markUsed(code.id(), now)) {
      limiter.succeeded(attempt);
      verification(command, account).success();
      return sessions.start(
          new StartSessionCommand(
              command.environmentId(),
              account.user().id(),
              Optional.of(account.email().id()),
              command.origin()));
    }
    if (outcome == OtpOutcome.WRONG_CODE) {
      codes.recordWrongEntry(code.id());
      verification(command, account).failure(Refusal.INVALID_CODE.code());
      Optional<Duration> lock = limiter.failed(attempt);
      if (lock.isPresent()) {
        throw AttemptLimiter.locked(lock.get());
      }
      int left = code.attemptsLeft();
      throw new RefusedException(
          Refusal.INVALID_CODE,
          left > 0
              ? "That code is not right. " + left + " attempt" + (left == 1 ? "" : "s") + " left."
              : "That code is not right, and this code no longer works; ask for a new one.");
    }
    limiter.release(attempt);
    Refusal refusal =
        outcome == OtpOutcome.TOO_MANY_ATTEMPTS ? Refusal.TOO_MANY_ATTEMPTS : Refusal.CODE_EXPIRED;
    verification(command, account).failure(refusal.code());
    throw new RefusedException(
        refusal,
        switch (outcome) {
          case EXPIRED -> "This code has expired; ask for a new one.";
          case TOO_MANY_ATTEMPTS -> "This code took too many wrong entries; ask for a new one.";
          default -> "This code was already used; ask for a new one.";
        });
  }

  @Override
  public boolean permits(EnvironmentId environmentId, String returnTo) {
    Environment environment = requireEnvironment(environmentId);
    return RedirectAllowList.isLocalPath(returnTo) || environment.redirects().permits(returnTo);
  }

  private Optional<Account> account(EnvironmentId environmentId, String address) {
    return users
        .findByCredential(environmentId, CredentialFormat.EMAIL, address)
        .flatMap(
            user ->
                user.credentials().stream()
                    .filter(c -> c.format() == CredentialFormat.EMAIL)
                    .filter(c -> c.identifier().equals(address))
                    .filter(Credential::signInEnabled)
                    .findFirst()
                    .map(c -> new Account(user, c)));
  }

  private Environment requireEnvironment(EnvironmentId id) {
    return environments.find(id).orElseThrow(() -> new NotFoundException("environment", id));
  }

  private Audit.Entry sent(EnvironmentId environmentId, RequestOrigin origin, Account account) {
    return audit
        .event(AuditEventType.OTP_SENT, environmentId, origin)
        .user(account.user().id())
        .method(Optional.of(CHANNEL));
  }

  private Audit.Entry verification(SignInWithCodeCommand command, Account account) {
    return audit
        .event(AuditEventType.VERIFICATION, command.environmentId(), command.origin())
        .user(account.user().id())
        .method(Optional.of(CHANNEL));
  }

  private static String codeMaterial(String codeId, String code) {
    return "signin:" + codeId + ":" + code;
  }
}
