package dev.stepup.domain.otp;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A one-time code emailed to someone who is not signed in yet, to start a session. It belongs to
 * the email credential it was sent to (there is no session to key it by) and follows the same rules
 * as an {@link OtpChallenge}: a digest only, {@link OtpChallenge#LIFETIME}, at most {@link
 * OtpChallenge#MAX_ATTEMPTS} wrong entries, accepted once.
 */
public final class SignInCode {

  private final String id;
  private final EnvironmentId environmentId;
  private final String email;
  private final UserId userId;
  private final String codeDigest;
  private final CodeEntries entries;

  public SignInCode(
      String id,
      EnvironmentId environmentId,
      String email,
      Optional<UserId> userId,
      String codeDigest,
      Instant issuedAt,
      Instant expiresAt,
      int failedAttempts,
      Instant usedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.email = Objects.requireNonNull(email, "email");
    this.userId = Objects.requireNonNull(userId, "userId").orElse(null);
    this.codeDigest = Objects.requireNonNull(codeDigest, "codeDigest");
    this.entries =
        new CodeEntries(issuedAt, expiresAt, failedAttempts, Optional.ofNullable(usedAt));
  }

  /** A fresh code for an address, valid for {@link OtpChallenge#LIFETIME}. */
  public static SignInCode issue(
      String id,
      EnvironmentId environmentId,
      String email,
      Optional<UserId> userId,
      String codeDigest,
      Instant now) {
    return new SignInCode(
        id,
        environmentId,
        email,
        userId,
        codeDigest,
        now,
        now.plus(OtpChallenge.LIFETIME),
        0,
        null);
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

  /** The address the code was sent to, as the user signs in with it (lower case). */
  public String email() {
    return email;
  }

  /** The user who signs in with the address; empty when the code is for signing up. */
  public Optional<UserId> userId() {
    return Optional.ofNullable(userId);
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
}
