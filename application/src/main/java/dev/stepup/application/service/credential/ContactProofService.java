package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.credential.ConfirmContactLinkUseCase;
import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.application.port.in.credential.ResendContactLinkCodeUseCase;
import dev.stepup.application.port.in.credential.StartContactLinkUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.AuthorizeProtectedActionUseCase;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.audit.AuditTrail;
import dev.stepup.application.port.out.environment.Environments;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Sessions;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.CodeSendGates;
import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.application.port.out.verification.EmailSender;
import dev.stepup.application.port.out.verification.SmsSender;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.CodeMessages;
import dev.stepup.application.service.verification.SendThrottle;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.Masking;
import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.scope.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Proves an email address or phone number before it is linked: a code goes to it, and only the code
 * coming back links it. An address somebody merely claimed is stored nowhere but here, so it never
 * blocks its real owner from signing up.
 */
public final class ContactProofService
    implements StartContactLinkUseCase, ResendContactLinkCodeUseCase, ConfirmContactLinkUseCase {

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final ContactProofs proofs;
  private final CodeMessages messages;
  private final SendThrottle throttle;
  private final SecretHasher hasher;
  private final AuthorizeProtectedActionUseCase guard;
  private final TransactionRunner transactions;
  private final ContactConfirmation confirmation;
  private final Audit audit;
  private final Clock clock;

  public ContactProofService(
      Environments environments,
      Sessions sessions,
      Users users,
      ContactProofs proofs,
      EmailSender email,
      SmsSender sms,
      CodeSendGates sendGates,
      SecretHasher hasher,
      AuthorizeProtectedActionUseCase guard,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      AuditTrail auditTrail,
      Clock clock) {
    this.environments = environments;
    this.sessions = sessions;
    this.users = users;
    this.proofs = proofs;
    this.messages = new CodeMessages(email, sms);
    this.throttle = new SendThrottle(sendGates);
    this.hasher = hasher;
    this.guard = guard;
    this.transactions = transactions;
    this.audit = new Audit(auditTrail, clock);
    this.confirmation =
        new ContactConfirmation(users, proofs, hasher, transactions, notifier, audit);
    this.clock = clock;
  }

  @Override
  public PendingLink start(StartContactLinkUseCase.Command command) {
    SessionContext context = command.context();
    CredentialFormat kind = command.format();
    String identifier = command.value();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    // Refuse what cannot work before the single-use token is spent on it.
    confirmation.ensureFree(context, kind, identifier);
    SendThrottle.Ticket ticket = maySend(acting, now);
    guard.authorize(context, Scope.CREDENTIAL_LINK, command.elevatedToken());
    return send(context, acting, kind, identifier, ticket, now);
  }

  @Override
  public PendingLink resend(ResendContactLinkCodeUseCase.Command command) {
    SessionContext context = command.context();
    String pendingId = command.pendingId();
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    ContactProof pending = confirmation.latest(acting, pendingId);
    return send(context, acting, pending.format(), pending.identifier(), maySend(acting, now), now);
  }

  @Override
  public Credential confirm(ConfirmContactLinkUseCase.Command command) {
    Instant now = clock.instant();
    Acting acting = Acting.load(command.context(), environments, sessions, users, now);
    return confirmation.confirm(
        command.context(), acting, command.pendingId(), command.code(), now);
  }

  private PendingLink send(
      SessionContext context,
      Acting acting,
      CredentialFormat kind,
      String identifier,
      SendThrottle.Ticket ticket,
      Instant now) {
    String id = RandomTokens.id("prf");
    String code = RandomTokens.digits(OtpChallenge.CODE_LENGTH);
    ContactProof proof =
        ContactProof.issue(
            id,
            context.environmentId(),
            acting.user().id(),
            acting.session().id(),
            kind,
            identifier,
            hasher.digest(ContactConfirmation.material(id, code)),
            now);
    transactions.inTransaction(
        () -> {
          // Claimed with the code, so concurrent sends that all passed the check send once.
          throttle.claim(ticket);
          proofs.deleteExpired(now.minus(OtpSendPolicy.WINDOW));
          proofs.add(proof);
          messages.send(
              context.environmentId(), kind, identifier, code, CodeMessages.CONTACT_PROOF);
        });
    audit
        .event(AuditEventType.OTP_SENT, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .method(Optional.of(kind.method()))
        .success("proof of a " + kind.wire() + " to link");
    return new PendingLink(id, kind, Masking.contact(kind, identifier), proof.expiresAt());
  }

  private SendThrottle.Ticket maySend(Acting acting, Instant now) {
    return throttle.check(
        SendThrottle.contactProof(acting.session().id()),
        proofs.latestForSession(acting.session().id()).map(ContactProof::issuedAt),
        proofs.sentSince(acting.session().id(), now.minus(OtpSendPolicy.WINDOW)),
        now);
  }
}
