package dev.stepup.application.service.stepup;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SendStepUpCodeCommand;
import dev.stepup.application.port.in.stepup.SendStepUpCodeUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.OtpChallenges;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.AttemptLimiter;
import dev.stepup.application.service.verification.CodeMessages;
import dev.stepup.application.service.verification.Refusals;
import dev.stepup.application.service.verification.SendThrottle;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.policy.CredentialChoice;
import dev.stepup.domain.policy.StepUpPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends a step-up code by email or SMS to the credential the policy chooses. Sends are throttled
 * per session through a gate claimed atomically with the code ({@link SendThrottle}); a locked
 * method sends nothing.
 */
public final class SendStepUpCodeService implements SendStepUpCodeUseCase {

  /** The methods a code goes by, in the order their refusals are told. */
  private static final List<VerificationMethod> CODE_METHODS =
      List.of(VerificationMethod.EMAIL_OTP, VerificationMethod.SMS_OTP);

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final OtpChallenges challenges;
  private final CodeMessages messages;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final StepUpPolicy policy;
  private final SendThrottle throttle;
  private final AttemptLimiter limiter;
  private final Audit audit;
  private final Clock clock;

  public SendStepUpCodeService(
      Environments environments,
      Sessions sessions,
      Users users,
      OtpChallenges challenges,
      EmailSender email,
      SmsSender sms,
      SecretHasher hasher,
      TransactionRunner transactions,
      AttemptLimiter limiter,
      CodeSendGates sendGates,
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
    this.clock = clock;
  }

  @Override
  public CodeSent send(SendStepUpCodeCommand command) {
    SessionContext context = command.context();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    Credential target = target(acting, command);
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
            hasher.digest(OtpProofChecker.codeMaterial(challengeId, code)),
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
    return new CodeSent(channel, target.id());
  }

  private Credential target(Acting acting, SendStepUpCodeCommand command) {
    CredentialChoice choice =
        policy.credentialFor(
            acting.environment().settings(),
            acting.user(),
            acting.session(),
            CODE_METHODS,
            command.credentialId());
    if (choice instanceof CredentialChoice.Chosen chosen) {
      return chosen.credential();
    }
    if (choice instanceof CredentialChoice.Refused refused) {
      throw Refusals.of(refused.reason());
    }
    throw new RefusedException(RefusalReason.NOT_A_CODE_ADDRESS);
  }
}
