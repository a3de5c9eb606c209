package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkContactUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.ProtectedActionGuard;
import dev.stepup.application.port.in.user.CreateUserCommand;
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
import dev.stepup.application.service.Masking;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.CodeMessages;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.application.service.verification.SendThrottle;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.otp.OtpChallenge;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.otp.OtpSendPolicy;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Proves an email address or phone number before it is linked: a code goes to it, and only the code
 * coming back links it. An address somebody merely claimed is stored nowhere but here, so it never
 * blocks its real owner from signing up.
 */
public final class ContactProofService implements LinkContactUseCase {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final Environments environments;
  private final Sessions sessions;
  private final Users users;
  private final ContactProofs proofs;
  private final CodeMessages messages;
  private final SendThrottle throttle;
  private final SecretHasher hasher;
  private final ProtectedActionGuard guard;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
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
      ProtectedActionGuard guard,
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
    this.notifier = notifier;
    this.audit = new Audit(auditTrail, clock);
    this.clock = clock;
  }

  @Override
  public PendingLink start(
      SessionContext context, String format, String value, Optional<String> elevatedToken) {
    CredentialFormat kind =
        CredentialFormat.fromWire(format)
            .filter(f -> f == CredentialFormat.EMAIL || f == CredentialFormat.PHONE_NUMBER)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "format: only email and phoneNumber can be linked with a value"));
    String identifier = normalised(context, kind, value);
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    // Refuse what cannot work before the single-use token is spent on it.
    ensureFree(context, kind, identifier);
    SendThrottle.Ticket ticket = maySend(acting, now);
    guard.authorize(context, Scope.CREDENTIAL_LINK, elevatedToken);
    return send(context, acting, kind, identifier, ticket, now);
  }

  @Override
  public PendingLink resend(SessionContext context, String pendingId) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    ContactProof pending = latest(acting, pendingId);
    return send(context, acting, pending.format(), pending.identifier(), maySend(acting, now), now);
  }

  @Override
  public Credential confirm(SessionContext context, String pendingId, String code) {
    Instant now = clock.instant();
    Acting acting = Acting.load(context, environments, sessions, users, now);
    ContactProof proof = latest(acting, pendingId);
    String typed = code == null ? "" : code.strip();
    boolean matches =
        SIX_DIGITS.matcher(typed).matches()
            && hasher.digestMatches(material(proof.id(), typed), proof.codeDigest());
    OtpOutcome outcome = proof.verify(matches, now);
    if (outcome.answersAsWrongCode()) {
      // A used code is answered like a wrong one, so a replay never confirms it was right.
      if (outcome == OtpOutcome.WRONG_CODE) {
        proofs.recordWrongEntry(proof.id());
      }
      failed(
          context,
          acting,
          outcome == OtpOutcome.REPLAYED ? ReplayedCodes.REPLAYED : Refusal.INVALID_CODE.code());
      int left = outcome == OtpOutcome.WRONG_CODE ? proof.attemptsLeft() : 0;
      throw new RefusedException(
          Refusal.INVALID_CODE,
          left > 0
              ? "That code is not right. " + left + " attempt" + (left == 1 ? "" : "s") + " left."
              : "That code is not right, and this code no longer works; ask for a new one.");
    }
    if (outcome != OtpOutcome.ACCEPTED) {
      failed(context, acting, outcome.name().toLowerCase(Locale.ROOT));
      throw outcome == OtpOutcome.TOO_MANY_ATTEMPTS
          ? new RefusedException(
              Refusal.TOO_MANY_ATTEMPTS,
              "This code took too many wrong entries; ask for a new one.")
          : new RefusedException(
              Refusal.CODE_EXPIRED, "This code no longer works; ask for a new one.");
    }
    Credential credential =
        new Credential(
            new CredentialId(RandomTokens.id("cred")),
            proof.format(),
            proof.identifier(),
            Optional.empty(),
            Optional.of(mask(proof.format(), proof.identifier())),
            false,
            now,
            false);
    User user = acting.user();
    transactions.inTransaction(
        () -> {
          if (!proofs.markUsed(proof.id(), now)) {
            throw new RefusedException(
                Refusal.CODE_EXPIRED, "This code no longer works; ask for a new one.");
          }
          ensureFree(context, proof.format(), proof.identifier());
          user.addCredential(credential);
          users.save(user);
          notifier.notify(
              user, SecurityNotice.CREDENTIAL_LINKED, SecurityNotifier.describe(credential));
        });
    audit
        .event(AuditEventType.CREDENTIAL_LINKED, context.environmentId(), context.origin())
        .user(user.id())
        .session(Optional.of(acting.session().id()))
        .success(credential.id().value());
    return credential;
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
            hasher.digest(material(id, code)),
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
    return new PendingLink(id, kind, mask(kind, identifier), proof.expiresAt());
  }

  /** The session's latest proof, if it is the one named: an earlier code no longer counts. */
  private ContactProof latest(Acting acting, String pendingId) {
    return proofs
        .latestForSession(acting.session().id())
        .filter(p -> p.id().equals(pendingId))
        .filter(p -> p.userId().equals(acting.user().id()))
        .orElseThrow(
            () ->
                new RefusedException(
                    Refusal.NO_PENDING_CODE,
                    "No code is waiting for this address in this session; add it again."));
  }

  private SendThrottle.Ticket maySend(Acting acting, Instant now) {
    return throttle.check(
        SendThrottle.contactProof(acting.session().id()),
        proofs.latestForSession(acting.session().id()).map(ContactProof::issuedAt),
        proofs.sentSince(acting.session().id(), now.minus(OtpSendPolicy.WINDOW)),
        now);
  }

  private void failed(SessionContext context, Acting acting, String reason) {
    audit
        .event(AuditEventType.CREDENTIAL_LINKED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .failure(reason);
  }

  private void ensureFree(SessionContext context, CredentialFormat kind, String identifier) {
    if (users.findByCredential(context.environmentId(), kind, identifier).isPresent()) {
      throw new RefusedException(
          Refusal.CREDENTIAL_IN_USE, "This " + kind.wire() + " is already linked to a user.");
    }
  }

  /** The sign-up validation of addresses and numbers, reused; addresses in lower case. */
  private static String normalised(SessionContext context, CredentialFormat kind, String value) {
    CreateUserCommand checked =
        new CreateUserCommand(
            context.environmentId(),
            kind == CredentialFormat.EMAIL ? Optional.ofNullable(value) : Optional.empty(),
            kind == CredentialFormat.PHONE_NUMBER ? Optional.ofNullable(value) : Optional.empty(),
            List.of(),
            false,
            context.origin());
    return kind == CredentialFormat.EMAIL
        ? checked.email().orElseThrow().toLowerCase(Locale.ROOT)
        : checked.phoneNumber().orElseThrow();
  }

  private static String mask(CredentialFormat kind, String identifier) {
    return kind == CredentialFormat.EMAIL ? Masking.email(identifier) : Masking.phone(identifier);
  }

  private static String material(String proofId, String code) {
    return "link:" + proofId + ":" + code;
  }
}
