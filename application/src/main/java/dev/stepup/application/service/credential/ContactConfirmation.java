package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.security.SecretHasher;
import dev.stepup.application.port.out.transaction.TransactionRunner;
import dev.stepup.application.port.out.user.Users;
import dev.stepup.application.port.out.verification.ContactProofs;
import dev.stepup.application.service.RandomTokens;
import dev.stepup.application.service.audit.Audit;
import dev.stepup.application.service.notice.SecurityNotice;
import dev.stepup.application.service.notice.SecurityNotifier;
import dev.stepup.application.service.user.Acting;
import dev.stepup.application.service.verification.ReplayedCodes;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.otp.OtpOutcome;
import dev.stepup.domain.user.User;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The second half of linking an email address or phone number: the code sent to it is checked, and
 * the credential is added only when it is right and the address is still nobody's.
 */
final class ContactConfirmation {

  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  private final Users users;
  private final ContactProofs proofs;
  private final SecretHasher hasher;
  private final TransactionRunner transactions;
  private final SecurityNotifier notifier;
  private final Audit audit;

  ContactConfirmation(
      Users users,
      ContactProofs proofs,
      SecretHasher hasher,
      TransactionRunner transactions,
      SecurityNotifier notifier,
      Audit audit) {
    this.users = users;
    this.proofs = proofs;
    this.hasher = hasher;
    this.transactions = transactions;
    this.notifier = notifier;
    this.audit = audit;
  }

  Credential confirm(
      SessionContext context, Acting acting, String pendingId, String code, Instant now) {
    ContactProof proof = latest(acting, pendingId);
    String typed = code;
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
      throw new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(left);
    }
    if (outcome != OtpOutcome.ACCEPTED) {
      failed(context, acting, outcome.name().toLowerCase(Locale.ROOT));
      throw outcome == OtpOutcome.TOO_MANY_ATTEMPTS
          ? new RefusedException(RefusalReason.CODE_EXHAUSTED)
          : new RefusedException(RefusalReason.CODE_SPENT);
    }
    Credential credential =
        Credential.contact(
            new CredentialId(RandomTokens.id("cred")),
            proof.format(),
            proof.identifier(),
            false,
            now);
    User user = acting.user();
    transactions.inTransaction(
        () -> {
          if (!proofs.markUsed(proof.id(), now)) {
            throw new RefusedException(RefusalReason.CODE_SPENT);
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

  /** The session's latest proof, if it is the one named: an earlier code no longer counts. */
  ContactProof latest(Acting acting, String pendingId) {
    return proofs
        .latestForSession(acting.session().id())
        .filter(p -> p.id().equals(pendingId))
        .filter(p -> p.userId().equals(acting.user().id()))
        .orElseThrow(() -> new RefusedException(RefusalReason.NO_PENDING_PROOF));
  }

  void ensureFree(SessionContext context, CredentialFormat kind, String identifier) {
    if (users.findByCredential(context.environmentId(), kind, identifier).isPresent()) {
      throw new RefusedException(RefusalReason.CONTACT_IN_USE).about(kind.wire());
    }
  }

  private void failed(SessionContext context, Acting acting, String reason) {
    audit
        .event(AuditEventType.CREDENTIAL_LINKED, context.environmentId(), context.origin())
        .user(acting.user().id())
        .session(Optional.of(acting.session().id()))
        .failure(reason);
  }

  /** What the code's digest is taken over: the proof id binds the code to its proof. */
  static String material(String proofId, String code) {
    return "link:" + proofId + ":" + code;
  }
}
