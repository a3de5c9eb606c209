package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SendOtpUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.VerifyCodeUseCase;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.mfa.RecoveryCodeStore;
import dev.stepup.application.port.out.mfa.TotpDevices;
import dev.stepup.application.port.out.security.SecretCipher;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.port.out.verification.TotpVerifier;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.token.TokenMint;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.CodeMessages;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.application.service.verification.SendThrottle;
import dev.stepup.application.service.verification.Verifications;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.policy.StepUpPolicy;
import dev.stepup.domain.policy.VerificationPermission;
import dev.stepup.domain.scope.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Step-up by a code the user types: email and SMS one-time codes (re-auth path), TOTP and recovery
 * codes (MFA path, see {@link MfaCodeVerification}). Each attempt is audited; failures count
 * towards a lock of the method and towards the hard lock across methods ({@link AttemptLimiter}); a
 * replayed code is answered exactly like a wrong one. Sends are throttled per session through a
 * gate claimed atomically with the code ({@link SendThrottle}).
 */
public final class CodeVerificationService implements SendOtpUseCase, VerifyCodeUseCase {

  private static final Set<VerificationMethod> CODE_METHODS =
      Set.of(VerificationMethod.EMAIL_OTP, VerificationMethod.SMS_OTP);
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final OtpChallenges challenges;
  private final CodeMessages messages;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final StepUpPolicy policy;
  private final SendThrottle throttle;
  private final SecurityNotifier notifier;
  private final AttemptLimiter limiter;
  private final Verifications verifications;
  private final MfaCodeVerification mfaCodes;
  private final Audit audit;
  private final Clock clock;

  public CodeVerificationService(
      Environments environments,
      Sessions sessions,
      Users users,
      OtpChallenges challenges,
      TotpDevices totpDevices,
      RecoveryCodeStore recoveryCodes,
      EmailSender email,
      SmsSender sms,
      TotpVerifier totp,
      SecretHasher hasher,
      SecretCipher cipher,
      TokenMint mint,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      CodeSendGates sendGates,
      SecurityNotifier notifier,
      StepUpPolicy policy,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.challenges = challenges;
    this.messages = new CodeMessages(email, sms);
    this.hasher = hasher;
    this.transactions = transactions;
    this.policy = policy;
    this.audit = new Audit(auditTrail, clock);
    this.limiter = limiter;
    this.throttle = new SendThrottle(sendGates);
    this.notifier = notifier;
    this.verifications = new Verifications(mint, transactions, limiter, audit, clock);
    this.mfaCodes =
        new MfaCodeVerification(
            environments,
            sessions,
            users,
            totpDevices,
            recoveryCodes,
            totp,
            hasher,
            cipher,
            policy,
            verifications,
            notifier,
            transactions,
            clock);
    this.clock = clock;
  }

  // ---- email / SMS one-time codes -------------------------------------------------------------

  @Override
  public OtpSent send(SessionContext context, Optional<CredentialId> credentialId) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    Credential target = otpTarget(acting, credentialId);
    VerificationMethod channel = target.method();
    try {
      limiter.ensureNotLocked(acting.user().id(), channel);
    } catch (RefusedException locked) {
      audit
          .bySession(AuditEventType.OTP_SENT, context, acting, channel)
          .failure(locked.refusal().code());
      throw locked;
    }
    SendThrottle.Ticket ticket;
    try {
      ticket =
          throttle.check(
              SendThrottle.session(acting.session().id()),
              challenges.latestForSession(acting.session().id()).map(OtpChallenge::issuedAt),
              challenges.sentSince(acting.session().id(), now.minus(OtpSendPolicy.WINDOW)),
              now);
    } catch (RefusedException throttled) {
      audit.bySession(AuditEventType.OTP_SENT, context, acting, channel).failure("throttled");
      throw throttled;
    }
    String challengeId = RandomTokens.id("otp");
    String code = RandomTokens.digits(OtpChallenge.CODE_LENGTH);
    OtpChallenge challenge =
        OtpChallenge.issue(
            challengeId,
            context.environmentId(),
            acting.user().id(),
            acting.session().id(),
            target.id(),
            channel,
            hasher.digest(codeMaterial(challengeId, code)),
            now);
    try {
      transactions.inTransaction(
          () -> {
            // Claimed with the code, so concurrent sends that all passed the check send once.
            throttle.claim(ticket);
            challenges.add(challenge);
            messages.send(
                context.environmentId(),
                target.format(),
                target.identifier(),
                code,
                CodeMessages.STEP_UP);
          });
    } catch (RefusedException throttled) {
      audit.bySession(AuditEventType.OTP_SENT, context, acting, channel).failure("throttled");
      throw throttled;
    }
    audit
        .event(AuditEventType.OTP_SENT, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .method(Optional.of(channel))
        .success(target.id().value());
    return new OtpSent(channel, target.id());
  }

  private Credential otpTarget(Acting acting, Optional<CredentialId> requested) {
    var settings = acting.environment().settings();
    if (requested.isPresent()) {
      Credential credential =
          acting
              .user()
              .credential(requested.get())
              .filter(c -> CODE_METHODS.contains(c.method()))
              .orElseThrow(
                  () ->
                      new RefusedException(
                          Refusal.CREDENTIAL_NOT_ELIGIBLE,
                          "Codes can only be sent to an email address or phone number of this"
                              + " account."));
      Refusals.require(policy.permitCredential(settings, acting.user(), credential));
      return credential;
    }
    Optional<Credential> preferred =
        policy.preferredCredential(settings, acting.user(), acting.session(), CODE_METHODS);
    if (preferred.isEmpty()) {
      // Say why: MFA users are told so, not that they have no email.
      Refusals.require(policy.permitMethod(settings, acting.user(), VerificationMethod.EMAIL_OTP));
      Refusals.require(policy.permitMethod(settings, acting.user(), VerificationMethod.SMS_OTP));
      throw Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL);
    }
    return preferred.get();
  }

  private static String codeMaterial(String challengeId, String code) {
    return "otp:" + challengeId + ":" + code;
  }

  @Override
  public IssuedElevatedToken verifyOtp(
      SessionContext context, String code, Set<Scope> requestedScopes) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    OtpChallenge challenge =
        challenges
            .latestForSession(acting.session().id())
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.NO_PENDING_CODE, "No code was sent to this session; ask for one."));
    VerificationMethod channel = challenge.channel();
    Credential credential =
        acting
            .user()
            .credential(challenge.credentialId())
            .orElseThrow(() -> Refusals.of(VerificationPermission.Reason.NO_ELIGIBLE_CREDENTIAL));
    verifications.permitted(
        context,
        acting,
        channel,
        requestedScopes,
        policy.permitCredential(acting.environment().settings(), acting.user(), credential));
    AttemptLimiter.Attempt attempt = verifications.begin(context, acting, channel, requestedScopes);
    String typed = code == null ? "" : code.strip();
    boolean matches =
        SIX_DIGITS.matcher(typed).matches()
            && hasher.digestMatches(codeMaterial(challenge.id(), typed), challenge.codeDigest());
    OtpOutcome outcome = challenge.verify(matches, now);
    if (outcome == OtpOutcome.ACCEPTED && !challenges.markUsed(challenge.id(), now)) {
      outcome = OtpOutcome.REPLAYED; // a concurrent entry of the same code won
    }
    if (outcome == OtpOutcome.ACCEPTED) {
      return verifications.succeed(attempt, context, acting, channel, requestedScopes);
    }
    if (outcome.answersAsWrongCode()) {
      if (outcome == OtpOutcome.WRONG_CODE) {
        challenges.recordWrongEntry(challenge.id());
      }
      // A used code answers every entry alike, so a replay cannot tell the code was right.
      int left = outcome == OtpOutcome.WRONG_CODE ? challenge.attemptsLeft() : 0;
      RefusedException refused =
          verifications.failed(
              attempt,
              context,
              acting,
              channel,
              requestedScopes,
              Refusal.INVALID_CODE,
              left > 0
                  ? "That code is not right. "
                      + left
                      + " attempt"
                      + (left == 1 ? "" : "s")
                      + " left."
                  : "That code is not right, and this code no longer works; ask for a new one.",
              true,
              outcome == OtpOutcome.REPLAYED ? REPLAYED : Refusal.INVALID_CODE.code());
      if (outcome == OtpOutcome.REPLAYED) {
        notifier.notify(acting.user(), SecurityNotice.CODE_REPLAYED, replayedCode(channel));
      }
      throw refused;
    }
    boolean expired = outcome == OtpOutcome.EXPIRED;
    throw verifications.failed(
        attempt,
        context,
        acting,
        channel,
        requestedScopes,
        expired ? Refusal.CODE_EXPIRED : Refusal.TOO_MANY_ATTEMPTS,
        expired
            ? "This code has expired; ask for a new one."
            : "This code took too many wrong entries; ask for a new one.",
        false);
  }

  /** The audit reason of a code entered again after it was accepted. */
  public static final String REPLAYED = "replayed";

  /** Words for the notice of a replayed code, e.g. "An email code". */
  public static String replayedCode(VerificationMethod method) {
    return switch (method) {
      case EMAIL_OTP -> "An email code";
      case SMS_OTP -> "A text message code";
      case TOTP -> "A code from your authenticator app";
      case RECOVERY_CODE -> "A recovery code";
      default -> SecurityNotifier.describe(method);
    };
  }

  // ---- TOTP and recovery codes (the MFA path) ---------------------------------------------------

  @Override
  public IssuedElevatedToken verifyTotp(
      SessionContext context,
      String code,
      Optional<CredentialId> deviceId,
      Set<Scope> requestedScopes) {
    return mfaCodes.verifyTotp(context, code, deviceId, requestedScopes);
  }

  @Override
  public IssuedElevatedToken verifyRecoveryCode(
      SessionContext context, String code, Set<Scope> requestedScopes) {
    return mfaCodes.verifyRecoveryCode(context, code, requestedScopes);
  }
}
