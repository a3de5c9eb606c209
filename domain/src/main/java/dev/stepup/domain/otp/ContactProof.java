package dev.stepup.domain.otp;

import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An email address or phone number a signed-in user asked to link, waiting for the code sent to it.
 * Until the code comes back the address is nobody's credential: it links nothing and blocks nobody.
 * The code follows the rules of every emailed or texted code ({@link OtpChallenge}): a digest only,
 * {@link OtpChallenge#LIFETIME}, at most {@link OtpChallenge#MAX_ATTEMPTS} wrong entries, accepted
 * once.
 */
public final class ContactProof {

  private final String id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final SessionId sessionId;
  private final CredentialFormat format;
  private final String identifier;
  private final String codeDigest;
  private final CodeEntries entries;

  public ContactProof(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      CredentialFormat format,
      String identifier,
      String codeDigest,
      Instant issuedAt,
      Instant expiresAt,
      int failedAttempts,
      Optional<Instant> usedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.format = Objects.requireNonNull(format, "format");
    if (format != CredentialFormat.EMAIL && format != CredentialFormat.PHONE_NUMBER) {
      throw new IllegalArgumentException("only an email or phone number is proved by a code");
    }
    this.identifier = Objects.requireNonNull(identifier, "identifier");
    this.codeDigest = Objects.requireNonNull(codeDigest, "codeDigest");
    this.entries = new CodeEntries(issuedAt, expiresAt, failedAttempts, usedAt);
  }

  /** A fresh proof for an address or number, its code valid for {@link OtpChallenge#LIFETIME}. */
  public static ContactProof issue(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      CredentialFormat format,
      String identifier,
      String codeDigest,
      Instant now) {
    return new ContactProof(
        id,
        environmentId,
        userId,
        sessionId,
        format,
        identifier,
        codeDigest,
        now,
        now.plus(OtpChallenge.LIFETIME),
        0,
        Optional.empty());
  }

  /**
   * Judges one entry of the code, exactly as {@link OtpChallenge#verify} does; the caller persists
   * the transition with a conditional update so a code is accepted at most once.
   */
  public OtpOutcome verify(boolean codeMatches, Instant now) {
    return entries.verify(codeMatches, now);
  }

  /** Wrong entries left before the code dies. */
  public int attemptsLeft() {
    return entries.attemptsLeft();
  }

  public String id() {
    return id;
  }

  public EnvironmentId environmentId() {
    return environmentId;
  }

  public UserId userId() {
    return userId;
  }

  /** Only the session that asked may enter the code. */
  public SessionId sessionId() {
    return sessionId;
  }

  public CredentialFormat format() {
    return format;
  }

  /** The address (lower case) or number to link. */
  public String identifier() {
    return identifier;
  }

  public String codeDigest() {
    return codeDigest;
  }

  public Instant issuedAt() {
    return entries.issuedAt();
  }

  public Instant expiresAt() {
    return entries.expiresAt();
  }

  public int failedAttempts() {
    return entries.failedAttempts();
  }

  public Optional<Instant> usedAt() {
    return entries.usedAt();
  }

  @Override
  public String toString() {
    return "ContactProof[id=" + id + ", format=" + format + "]";
  }
}
