package dev.stepup.domain.otp;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One one-time code sent by email or SMS for a session. Only a digest of the code is kept; the
 * caller compares the entered code with it in constant time and tells {@link #verify} the result.
 */
public final class OtpChallenge {

  /** How long a code can be entered. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  /** Wrong entries a code survives; the next one kills it. */
  public static final int MAX_ATTEMPTS = 5;

  public static final int CODE_LENGTH = 6;

  private final String id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final SessionId sessionId;
  private final CredentialId credentialId;
  private final VerificationMethod channel;
  private final String codeDigest;
  private final CodeEntries entries;

  public OtpChallenge(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      CredentialId credentialId,
      VerificationMethod channel,
      String codeDigest,
      Instant issuedAt,
      Instant expiresAt,
      int failedAttempts,
      Instant usedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.credentialId = Objects.requireNonNull(credentialId, "credentialId");
    this.channel = Objects.requireNonNull(channel, "channel");
    if (channel != VerificationMethod.EMAIL_OTP && channel != VerificationMethod.SMS_OTP) {
      throw new IllegalArgumentException("one-time codes go by email or SMS, not " + channel);
    }
    this.codeDigest = Objects.requireNonNull(codeDigest, "codeDigest");
    this.entries =
        new CodeEntries(issuedAt, expiresAt, failedAttempts, java.util.Optional.ofNullable(usedAt));
  }

  /** A fresh code for a session, valid for {@link #LIFETIME}. */
  public static OtpChallenge issue(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      CredentialId credentialId,
      VerificationMethod channel,
      String codeDigest,
      Instant now) {
    return new OtpChallenge(
        id,
        environmentId,
        userId,
        sessionId,
        credentialId,
        channel,
        codeDigest,
        now,
        now.plus(LIFETIME),
        0,
        null);
  }

  /**
   * Judges one entry of the code. A right code is spent by this call; a wrong one counts against
   * the code. The caller must persist the transition atomically (see the port), so that a code is
   * accepted at most once and wrong entries cannot be replayed in parallel past the limit.
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

  public SessionId sessionId() {
    return sessionId;
  }

  public CredentialId credentialId() {
    return credentialId;
  }

  public VerificationMethod channel() {
    return channel;
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

  public java.util.Optional<Instant> usedAt() {
    return entries.usedAt();
  }
}
