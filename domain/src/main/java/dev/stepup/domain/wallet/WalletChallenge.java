package dev.stepup.domain.wallet;

import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.SessionId;
import dev.stepup.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Sign-In with Ethereum challenge issued to one session for one external wallet: it accepts one
 * signature by that wallet's address, once, before it expires.
 */
public final class WalletChallenge {

  /** How long the user has to sign. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /** What a signature over the challenge is for: a step-up, or linking the wallet. */
  public sealed interface Purpose {

    /** A step-up for the scopes the message names; none named (a generic statement) allows any. */
    record StepUp(Set<Scope> scopes) implements Purpose {
      public StepUp {
        scopes = Set.copyOf(scopes);
      }

      /** Whether the signed message covers every scope asked for. */
      public boolean covers(Set<Scope> requested) {
        return scopes.isEmpty() || scopes.containsAll(requested);
      }
    }

    /** Proving the wallet to link; it never verifies a step-up. */
    record Link() implements Purpose {}
  }

  private final String id;
  private final EnvironmentId environmentId;
  private final UserId userId;
  private final SessionId sessionId;
  private final CredentialId walletId;
  private final String address;
  private final String message;
  private final Instant issuedAt;
  private final Instant expiresAt;
  private final Instant usedAt;
  private final Purpose purpose;

  public WalletChallenge(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      CredentialId walletId,
      String address,
      String message,
      Instant issuedAt,
      Instant expiresAt,
      Instant usedAt,
      Purpose purpose) {
    this.id = Objects.requireNonNull(id, "id");
    this.environmentId = Objects.requireNonNull(environmentId, "environmentId");
    this.userId = Objects.requireNonNull(userId, "userId");
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.walletId = Objects.requireNonNull(walletId, "walletId");
    this.address = Objects.requireNonNull(address, "address");
    this.message = Objects.requireNonNull(message, "message");
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.usedAt = usedAt;
    this.purpose = Objects.requireNonNull(purpose, "purpose");
  }

  /** A fresh challenge for the message the wallet is asked to sign. */
  public static WalletChallenge issue(
      String id,
      EnvironmentId environmentId,
      UserId userId,
      SessionId sessionId,
      CredentialId walletId,
      SiweMessage message,
      Purpose purpose) {
    return new WalletChallenge(
        id,
        environmentId,
        userId,
        sessionId,
        walletId,
        message.address(),
        message.render(),
        message.issuedAt(),
        message.expirationTime(),
        null,
        purpose);
  }

  /** What a presented signature amounts to. */
  public enum Outcome {
    ACCEPTED,
    EXPIRED,
    ALREADY_USED,
    /** Malformed, made by another key, or made over another message. */
    WRONG_SIGNER
  }

  /**
   * Judges a signature by the address recovered from it over this challenge's message (empty when
   * nothing could be recovered).
   */
  public Outcome verify(Optional<String> recoveredAddress, Instant now) {
    if (usedAt != null) {
      return Outcome.ALREADY_USED;
    }
    if (!now.isBefore(expiresAt)) {
      return Outcome.EXPIRED;
    }
    boolean signedByWallet =
        recoveredAddress
            .map(a -> a.toLowerCase(Locale.ROOT).equals(address.toLowerCase(Locale.ROOT)))
            .orElse(false);
    return signedByWallet ? Outcome.ACCEPTED : Outcome.WRONG_SIGNER;
  }

  public boolean belongsTo(SessionId session) {
    return sessionId.equals(session);
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

  public CredentialId walletId() {
    return walletId;
  }

  public String address() {
    return address;
  }

  public String message() {
    return message;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Purpose purpose() {
    return purpose;
  }

  public Optional<Instant> usedAt() {
    return Optional.ofNullable(usedAt);
  }
}
